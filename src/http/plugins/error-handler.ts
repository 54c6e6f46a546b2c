import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  ConcurrencyError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidStateError,
  NotFoundError,
  OversightError,
  UnauthenticatedError,
  ValidationError,
} from '../../errors.js';

const STATUS = new Map<new (...args: never[]) => OversightError, number>([
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConcurrencyError, 409],
  [InvalidStateError, 409],
  [IdempotencyKeyReusedError, 422],
]);

// The domain names a command's fields; over HTTP those came in the body, so say so, as the
// schema validation does for the fields it refuses.
const PARTS = /^(body|params|querystring|headers)(\.|$)/;
function inRequest(issue: { path: string; message: string }) {
  return PARTS.test(issue.path) ? issue : { ...issue, path: `body.${issue.path}` };
}

/** Maps the error hierarchy to HTTP, once, with a body that names the fields and reasons. */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        return reply.status(400).send({
          error: 'validation_failed',
          message: 'the request is not valid',
          issues: error.validation.map((v) => ({
            path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
            message: v.message,
          })),
        });
      }
      if (error instanceof OversightError) {
        const status = [...STATUS].find(([type]) => error instanceof type)?.[1] ?? 500;
        const details =
          error instanceof ValidationError ? { issues: error.issues.map(inRequest) } : error.details;
        return reply.status(status).send({ error: error.code, message: error.message, ...details });
      }
      if (error.statusCode && error.statusCode < 500) {
        return reply
          .status(error.statusCode)
          .send({ error: error.code ?? 'bad_request', message: error.message });
      }
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send({ error: 'internal', message: 'internal error' });
    });
  },
  { name: 'oversight-error-handler' },
);
