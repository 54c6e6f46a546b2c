import type { roles, TokenEvent } from '../../../events/tokens.js';
import { ValidationError } from '../../errors.js';
import type { Decider } from '../decider.js';
import { requireAllowed } from '../refuse.js';

/** A token's life: issued, then perhaps revoked. */
export interface AccessToken {
  status: 'unissued' | 'active' | 'revoked';
  name: string | null;
  role: (typeof roles)[number] | null;
  unitId: string | null;
}

/** What may be asked of a token's stream. */
export type TokenCommand =
  | {
      type: 'IssueToken';
      name: string;
      role: (typeof roles)[number];
      unitId: string | null;
      secretSha256: string;
    }
  | { type: 'RevokeToken'; reason: string };

const allowed: Record<AccessToken['status'], TokenCommand['type'][]> = {
  unissued: ['IssueToken'],
  active: ['RevokeToken'],
  revoked: [],
};

/** The Tokens stream: who may call the API, in which role, for which unit. */
export const tokenDecider: Decider<TokenCommand, TokenEvent, AccessToken> = {
  streamType: 'token',
  creates: ['IssueToken'],
  initialState: { status: 'unissued', name: null, role: null, unitId: null },
  evolve(token, event) {
    switch (event.type) {
      case 'TokenIssued':
        return { status: 'active', name: event.data.name, role: event.data.role, unitId: event.data.unitId };
      case 'TokenRevoked':
        return { ...token, status: 'revoked' };
    }
  },
  decide(command, token, context) {
    requireAllowed('token', allowed, token.status, command.type);
    switch (command.type) {
      case 'IssueToken': {
        // A unit token is meaningless without its unit; an inspection token may name its
        // commission, and then judges only that commission's findings; other roles act across units.
        const named = command.unitId !== null;
        if (command.role === 'unit' ? !named : named && command.role !== 'inspection') {
          throw new ValidationError(
            'a unit token names its unit, an inspection token may name its commission',
            [
              {
                path: 'unitId',
                message:
                  command.role === 'unit'
                    ? 'required for the unit role'
                    : `not allowed for the ${command.role} role`,
              },
            ],
          );
        }
        const { name, role, unitId, secretSha256 } = command;
        return [
          {
            event: { type: 'TokenIssued', data: { name, role, unitId, secretSha256 } },
            occurredAt: context.now,
          },
        ];
      }
      case 'RevokeToken':
        if (!command.reason.trim()) {
          throw new ValidationError('revoking a token needs a reason', [
            { path: 'reason', message: 'required' },
          ]);
        }
        return [
          { event: { type: 'TokenRevoked', data: {} }, occurredAt: context.now, reason: command.reason },
        ];
    }
  },
};
