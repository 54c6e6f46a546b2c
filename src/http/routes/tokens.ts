import { z } from 'zod';
import { authorize } from '../../auth/permissions.js';
import { handleCommand } from '../../domain/handle-command.js';
import { tokenDecider } from '../../domain/tokens/decide.js';
import { issueToken } from '../../domain/tokens/issue.js';
import { checkTokenUnit } from '../../domain/tokens/token-unit.js';
import type { App } from '../app-type.js';
import { commandContext, idempotencyOf } from '../command-context.js';
import { sendOutcome } from '../reply.js';
import { reason, role, shortText, unitId, writeErrors, writeHeaders } from '../schemas/common.js';

const tags = ['tokens'];
const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  role,
  unitId: z.string().nullable(),
  status: z.enum(['active', 'revoked']),
});

/** Access tokens (admin): issued with a secret shown once, revoked with a reason. */
export async function tokenRoutes(app: App): Promise<void> {
  app.post(
    '/tokens',
    {
      schema: {
        summary: 'Issue a token (admin); the secret is in this answer only',
        tags,
        headers: writeHeaders,
        body: z.object({ name: shortText, role, unitId: unitId.nullable().optional() }),
        response: {
          201: tokenView.extend({
            secret: z.string().nullable().describe('null when this answers a replayed request'),
          }),
          ...writeErrors,
        },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'tokens:manage');
      const unitId = request.body.unitId ?? null;
      await checkTokenUnit(app.database, request.body.role, unitId, 'body.unitId');
      const issued = await issueToken(
        app.ledger,
        { ...request.body, unitId },
        commandContext(request),
        idempotencyOf(request),
      );
      return sendOutcome(reply, 201, issued, (t) => ({
        ...t,
        status: 'active' as const,
        secret: issued.secret,
      }));
    },
  );

  app.post(
    '/tokens/:tokenId/revoke',
    {
      schema: {
        summary: 'Revoke a token (admin); it stops working at once',
        tags,
        params: z.object({ tokenId: z.uuid() }),
        headers: writeHeaders,
        body: z.object({ reason }),
        response: { 200: tokenView, ...writeErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'tokens:manage');
      const outcome = await handleCommand(
        app.ledger,
        tokenDecider,
        request.params.tokenId,
        { type: 'RevokeToken', reason: request.body.reason },
        commandContext(request),
        idempotencyOf(request),
      );
      return sendOutcome(reply, 200, outcome, (r) => ({
        id: r.streamId,
        name: r.state.name ?? '',
        role: r.state.role ?? 'viewer',
        unitId: r.state.unitId,
        status: 'revoked' as const,
      }));
    },
  );
}
