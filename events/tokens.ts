import { z } from 'zod';
import { defineEvent } from './catalogue.js';

/** What a token may do; a unit token is scoped to its unit and the units under it. */
export const roles = ['admin', 'secretariat', 'inspection', 'unit', 'viewer'] as const;

/** An access token was issued. Only the SHA-256 of the secret is kept; the secret is shown once. */
export const TokenIssued = defineEvent(
  'TokenIssued',
  z.object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(roles),
    unitId: z.string().min(1).nullable(),
    secretSha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
);

/** A token stops working from the moment it is revoked. */
export const TokenRevoked = defineEvent('TokenRevoked', z.object({}));

/** Every token event, for the catalogue. */
export const tokenEvents = [TokenIssued, TokenRevoked] as const;

/** A token event as the Tokens decider sees it. */
export type TokenEvent =
  | { type: 'TokenIssued'; data: z.infer<typeof TokenIssued.schema> }
  | { type: 'TokenRevoked'; data: z.infer<typeof TokenRevoked.schema> };
