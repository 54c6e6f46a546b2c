import type { Projection } from '../src/projections/projection.js';

/** One row per stream: how far it has got, and what happened last. The ledger's table of contents. */
export const ledgerStreams: Projection = {
  name: 'ledger_streams',
  version: 1,
  tables: ['ledger_streams'],
  handle(e) {
    return [
      {
        op: 'upsert',
        table: 'ledger_streams',
        key: { stream_type: e.streamType, stream_id: e.streamId },
        set: {
          version: e.streamVersion,
          last_event_type: e.type,
          last_position: e.position,
          updated_at: e.recordedAt,
        },
        insertOnly: { created_at: e.recordedAt },
      },
    ];
  },
};
