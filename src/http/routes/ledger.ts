import { z } from 'zod';
import type { App } from '../app-type.js';

const head = z.object({
  position: z.number().int().describe('the last sealed ledger position'),
  hash: z.string().describe('SHA-256 of the seal chain at that position (hex)'),
  eventCount: z.number().int(),
  sealedAt: z.string().nullable(),
});

const verifyReport = z.object({
  ok: z.boolean(),
  eventsChecked: z.number().int(),
  checkpointsChecked: z.number().int(),
  sealedThrough: z.number().int(),
  unsealedEvents: z.number().int(),
  headHash: z.string(),
  firstMismatch: z.object({ position: z.number().int(), reason: z.string() }).optional(),
});

/** The ledger's own endpoints: its pinned head and a full verification. */
export async function ledgerRoutes(app: App): Promise<void> {
  app.get(
    '/ledger/head',
    {
      schema: {
        summary: 'Seal everything visible and return the head position and hash, for minutes to pin',
        tags: ['ledger'],
        response: { 200: head },
      },
    },
    async () => {
      const h = await app.ledger.seal();
      return { ...h, sealedAt: h.sealedAt?.toISOString() ?? null };
    },
  );

  app.get(
    '/ledger/verify',
    {
      schema: {
        summary: 'Recompute every chain and seal; 409 with the first position that does not match',
        tags: ['ledger'],
        querystring: z.object({
          position: z.coerce.number().int().positive().optional().describe('a pinned head position'),
          hash: z
            .string()
            .regex(/^[0-9a-fA-F]{64}$/)
            .optional()
            .describe('the pinned head hash'),
        }),
        response: { 200: verifyReport, 409: verifyReport },
      },
    },
    async (request, reply) => {
      const { position, hash } = request.query;
      const expectHead = position !== undefined && hash ? { position, hash } : undefined;
      const report = await app.ledger.verify({ expectHead });
      return reply.status(report.ok ? 200 : 409).send(report);
    },
  );
}
