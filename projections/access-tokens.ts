import type { TokenEvent } from '../events/tokens.js';
import type { Projection } from '../src/projections/projection.js';

const table = 'access_tokens';

/** The tokens that may call the API, by the SHA-256 of their secret; revoked ones stay, marked. */
export const accessTokensProjection: Projection = {
  name: 'access_tokens',
  version: 1,
  tables: [table],
  handle(e) {
    if (e.streamType !== 'token') return [];
    const event = { type: e.type, data: e.data } as TokenEvent;
    switch (event.type) {
      case 'TokenIssued':
        return [
          {
            op: 'upsert',
            table,
            key: { id: e.streamId },
            set: {
              secret_sha256: event.data.secretSha256,
              name: event.data.name,
              role: event.data.role,
              unit_id: event.data.unitId,
              issued_at: e.occurredAt,
            },
          },
        ];
      case 'TokenRevoked':
        return [{ op: 'update', table, where: { id: e.streamId }, set: { revoked_at: e.occurredAt } }];
    }
  },
};
