import { z } from 'zod';
import { roles } from '../../../events/tokens.js';

/** A unit's id: its code, letters (Vietnamese included), digits, `.`, `_` and `-`. */
export const unitId = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,99}$/u, 'letters, digits, ".", "_" or "-", at most 100');

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date();

/** An instant with its offset, e.g. 2025-08-25T09:00:00+07:00. */
export const instant = z.iso.datetime({ offset: true });

/** Why something was done: required wherever the domain asks for a reason. */
export const reason = z.string().trim().min(1, 'a reason is required').max(4000);

/** A short human text (names, titles). */
export const shortText = z.string().trim().min(1).max(500);

/** A narrative (descriptions, reports). */
export const longText = z.string().trim().min(1).max(20000);

/** A role a token may carry. */
export const role = z.enum(roles);

/** When it happened, for those allowed to enter past actions; defaults to now. */
export const occurredAt = instant
  .optional()
  .describe('valid time, if not now (secretariat, inspection, admin only); never in the future');

/** The body of every error: a code, a message, and details such as the bad fields. */
export const errorBody = z
  .object({
    error: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose();

/** The error answers every authenticated write may give, for the OpenAPI document. */
export const writeErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
} as const;

/** The error answers of an authenticated read. */
export const readErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } as const;

/** The headers a write accepts. */
export const writeHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .describe('a retry with the same key and body returns the first answer and appends nothing'),
});

/** Paging of a list. */
export const paging = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};
