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
import type { StorageConfig } from './config.js';
import type { App } from './http/app-type.js';
import { errorHandlerPlugin } from './http/plugins/error-handler.js';
import { ledgerPlugin } from './http/plugins/ledger.js';
import { healthRoutes } from './http/routes/health.js';
import { ledgerRoutes } from './http/routes/ledger.js';
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
  const app = Fastify({ logger: options.logger ?? false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Oversight',
        description: 'Directives, tasks, shortcomings and who answers for them, on an append-only ledger',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(errorHandlerPlugin);
  await app.register(ledgerPlugin, {
    storage: options.storage,
    catalogue: options.catalogue ?? defaultCatalogue,
    projections: options.projections ?? defaultProjections,
  });
  await app.register(healthRoutes);
  await app.register(ledgerRoutes);
  return app;
}
