import { z } from 'zod';
import type { App } from '../app-type.js';

/** GET /health: whether the database answers. */
export async function healthRoutes(app: App): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Whether the service and its database answer',
        tags: ['operations'],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.string() }),
          503: z.object({ status: z.literal('unavailable'), database: z.string(), error: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await app.database.sql.query({ text: 'select 1' });
        return { status: 'ok' as const, database: app.database.description };
      } catch (error) {
        return reply.status(503).send({
          status: 'unavailable' as const,
          database: app.database.description,
          error: (error as Error).message,
        });
      }
    },
  );
}
