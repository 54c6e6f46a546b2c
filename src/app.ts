import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { EventCatalogue } from '../events/catalogue.js';
import { catalogue as defaultCatalogue } from '../events/index.js';
import { projections as defaultProjections } from '../projections/index.js';
import type { Principal } from './auth/principal.js';
import type { StorageConfig } from './config.js';
import type { App } from './http/app-type.js';
import { authenticate } from './http/authenticate.js';
import { errorHandlerPlugin } from './http/plugins/error-handler.js';
import { ledgerPlugin } from './http/plugins/ledger.js';
import { textNormalizationPlugin } from './http/plugins/text-normalization.js';
import { directiveRoutes } from './http/routes/directives.js';
import { healthRoutes } from './http/routes/health.js';
import { ledgerRoutes } from './http/routes/ledger.js';
import { meetingPackRoutes } from './http/routes/meeting-pack.js';
import { monthlyReportRoutes } from './http/routes/monthly-reports.js';
import { shortcomingRoutes } from './http/routes/shortcomings.js';
import { taskRoutes } from './http/routes/tasks.js';
import { tokenRoutes } from './http/routes/tokens.js';
import { unitRoutes } from './http/routes/units.js';
import { viewRoutes } from './http/routes/views/index.js';
import type { Projection } from './projections/projection.js';

/** What buildApp needs; logger off unless given. */
export interface AppOptions {
  storage: StorageConfig;
  logger?: FastifyServerOptions['logger'];
  catalogue?: EventCatalogue;
  projections?: readonly Projection[];
}

/** The Fastify application, ready for `inject` in tests or `listen` in server.ts. */
export async function buildApp(options: AppOptions): Promise<App> {
  // Starting may catch projections up from the whole log (a new projection, a store written by
  // an older version): minutes on a large log, which no fixed plugin timeout should cut short.
  const app = Fastify({
    logger: options.logger ?? false,
    pluginTimeout: 0,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Oversight',
        description: 'Directives, tasks, shortcomings and who answers for them, on an append-only ledger',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'oversight token create' },
        },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(errorHandlerPlugin);
  await app.register(textNormalizationPlugin);
  await app.register(ledgerPlugin, {
    storage: options.storage,
    catalogue: options.catalogue ?? defaultCatalogue,
    projections: options.projections ?? defaultProjections,
  });
  await app.register(healthRoutes);
  await app.register(ledgerRoutes);
  // Everything with domain data needs a token; health, docs and ledger verification do not.
  await app.register(async (api) => {
    // Declared up front so every request has the same shape; `authenticate` fills it in.
    api.decorateRequest('principal', null as unknown as Principal);
    api.addHook('onRequest', authenticate);
    await api.register(unitRoutes);
    await api.register(shortcomingRoutes);
    await api.register(monthlyReportRoutes);
    await api.register(directiveRoutes);
    await api.register(taskRoutes);
    await api.register(tokenRoutes);
    await api.register(viewRoutes);
    await api.register(meetingPackRoutes);
  });
  return app;
}
