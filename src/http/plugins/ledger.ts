import fp from 'fastify-plugin';
import type { EventCatalogue } from '../../../events/catalogue.js';
import type { StorageConfig } from '../../config.js';
import { type Database, openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { Ledger } from '../../ledger/ledger.js';
import type { Projection } from '../../projections/projection.js';
import { UnitTrees } from '../../read/unit-trees.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    ledger: Ledger;
    unitTrees: UnitTrees;
  }
}

/** Options for the ledger plugin: where the data lives and what it is made of. */
export interface LedgerPluginOptions {
  storage: StorageConfig;
  catalogue: EventCatalogue;
  projections: readonly Projection[];
}

/** Opens the database, migrates it, catches projections up, and closes it with the app. */
export const ledgerPlugin = fp<LedgerPluginOptions>(
  async (app, options) => {
    const database = await openDatabase(options.storage, (error) =>
      app.log.warn({ err: error }, 'an idle database connection was closed by the server'),
    );
    app.addHook('onClose', () => database.close());
    const applied = await migrateToLatest(database.db);
    if (applied.length) app.log.info({ migrations: applied }, 'database migrated');
    const ledger = new Ledger(database, options.catalogue, options.projections);
    const rebuilt = await ledger.projections.catchUp();
    for (const r of rebuilt) app.log.info(r, 'projection caught up from the log');
    app.decorate('database', database);
    app.decorate('ledger', ledger);
    app.decorate('unitTrees', new UnitTrees(database));
  },
  { name: 'oversight-ledger' },
);
