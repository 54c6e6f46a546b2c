import type { FastifyRequest } from 'fastify';
import { type Principal, principalFor } from '../auth/principal.js';
import { UnauthenticatedError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, set by `authenticate` on every route of the API scope. */
    principal: Principal;
  }
}

/** onRequest hook: a valid, unrevoked bearer token or 401. */
export async function authenticate(request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match?.[1]) {
    throw new UnauthenticatedError('a bearer token is required (Authorization: Bearer …)');
  }
  const principal = await principalFor(request.server.database, match[1]);
  if (!principal) throw new UnauthenticatedError('the bearer token is unknown or revoked');
  request.principal = principal;
}
