import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { StorageConfig } from '../config.js';
import { pgliteRunner, pgRunner, type SqlRunner } from './sql-runner.js';

// int8 as a JS number: positions and counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** An open database, whichever backend serves it. */
export interface Database {
  /** Builds statements (compiled, then run on `sql`) and runs migrations; no typed tables. */
  readonly db: Kysely<unknown>;
  /** Where the ledger and projection writers run their SQL: statements and transactions. */
  readonly sql: SqlRunner;
  readonly kind: StorageConfig['kind'];
  /** A short human description, never containing credentials. */
  readonly description: string;
  close(): Promise<void>;
}

/** Opens PostgreSQL (pg pool) or embedded PGlite; the same schema and SQL serve both. */
export async function openDatabase(
  storage: StorageConfig,
  onIdleError?: (error: Error) => void,
): Promise<Database> {
  if (storage.kind === 'postgres') {
    // Views are many short queries; JIT compiling one costs more than it saves.
    const pool = new pg.Pool({
      connectionString: storage.url,
      max: storage.poolSize ?? 10,
      options: '-c jit=off',
    });
    // An idle connection the server ends (restart, admin) is dropped and replaced by the pool;
    // without a listener its 'error' event would take the whole process down.
    pool.on('error', (error) => onIdleError?.(error));
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(storage.url);
    return {
      db,
      sql: pgRunner(pool),
      kind: 'postgres',
      description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => db.destroy(),
    };
  }
  const pglite = storage.dataDir === 'memory' ? await PGlite.create() : await PGlite.create(storage.dataDir);
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    sql: pgliteRunner(pglite),
    kind: 'pglite',
    description: storage.dataDir === 'memory' ? 'PGlite (in memory)' : `PGlite (${storage.dataDir})`,
    close: () => db.destroy(),
  };
}
