import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StorageConfig } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** A backend a test runs against; `concurrent` when it has real parallel connections. */
export interface Backend {
  name: 'pglite' | 'postgres';
  concurrent: boolean;
  /** A fresh, migrated, empty database; dropped again by `drop`. */
  open(): Promise<{ database: Database; storage: StorageConfig; drop: () => Promise<void> }>;
}

const pglite: Backend = {
  name: 'pglite',
  concurrent: false,
  async open() {
    const storage: StorageConfig = { kind: 'pglite', dataDir: 'memory' };
    const database = await openDatabase(storage);
    await migrateToLatest(database.db);
    return { database, storage, drop: () => database.close() };
  },
};

function serverBackend(adminUrl: string): Backend {
  return {
    name: 'postgres',
    concurrent: true,
    async open() {
      const name = `oversight_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const storage: StorageConfig = { kind: 'postgres', url: url.toString(), poolSize: 10 };
      const database = await openDatabase(storage);
      await migrateToLatest(database.db);
      return {
        database,
        storage,
        drop: async () => {
          await database.close();
          await dropDatabase(adminUrl, name);
        },
      };
    },
  };
}

// Connections closed by the test may take a moment to leave the server: wait for them rather
// than terminate them, and force only as a last resort.
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await c.query(`drop database if exists ${name}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}

let container: Promise<string | undefined> | undefined;

// Only when no URL is given: a throwaway PostgreSQL in Docker, if a Docker engine answers.
async function containerUrl(): Promise<string | undefined> {
  container ??= (async () => {
    try {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const started = await new PostgreSqlContainer('postgres:16-alpine').start();
      process.once('beforeExit', () => void started.stop());
      return started.getConnectionUri();
    } catch {
      return undefined;
    }
  })();
  return container;
}

/** PGlite always; the PostgreSQL server from TEST_DATABASE_URL/DATABASE_URL, or a container. */
export async function backends(): Promise<Backend[]> {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) return [pglite, serverBackend(url)];
  if (process.env.CI) throw new Error('CI must test against a PostgreSQL server: set TEST_DATABASE_URL');
  if (process.env.OVERSIGHT_TEST_CONTAINERS !== '0') {
    const fromContainer = await containerUrl();
    if (fromContainer) return [pglite, serverBackend(fromContainer)];
  }
  return [pglite];
}
