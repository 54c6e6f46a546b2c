import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { CommandContext } from '../domain/decider.js';
import { ValidationError } from '../errors.js';
import type { Idempotency } from '../ledger/ledger.js';

/** The context a command runs in over HTTP: the server clock, fresh ids, the caller. */
export function commandContext(request: FastifyRequest, onBehalfOf: string | null = null): CommandContext {
  const { principal } = request;
  return {
    now: new Date(),
    newId: uuidv7,
    actor: { id: `token:${principal.tokenId}`, role: principal.role, name: principal.name, onBehalfOf },
  };
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The request's Idempotency-Key, bound to what was asked: the route, its parameters, the body
 * and the caller. The same key for anything else is refused (422).
 */
export function idempotencyOf(request: FastifyRequest): Idempotency | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new ValidationError('the Idempotency-Key header is not valid', [
      { path: 'headers.idempotency-key', message: '1–200 visible ASCII characters' },
    ]);
  }
  return {
    key,
    request: {
      method: request.method,
      route: request.routeOptions.url,
      params: request.params ?? null,
      body: request.body ?? null,
      token: request.principal.tokenId,
    },
  };
}

/**
 * The valid time a caller gives, if any. A unit speaks for itself at the moment it speaks; only
 * those who enter others' records (secretariat, inspection, admin) may give a past time.
 */
export function occurredAtOf(request: FastifyRequest, occurredAt: string | undefined): Date | undefined {
  if (occurredAt === undefined) return undefined;
  if (request.principal.role === 'unit') {
    throw new ValidationError('a unit records its actions at the time it takes them', [
      { path: 'body.occurredAt', message: 'not allowed for the unit role; the server clock is used' },
    ]);
  }
  return new Date(occurredAt);
}
