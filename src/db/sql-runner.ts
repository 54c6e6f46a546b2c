import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type { CompiledQuery } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdent as ident } from './identifier.js';

/** A statement; `name` makes PostgreSQL plan it once per connection (the hot paths use it). */
export interface Statement {
  name?: string;
  text: string;
  values?: readonly unknown[];
  /** Rows as arrays in column order: cheaper than objects on wide, hot reads. */
  rowMode?: 'array';
}

/** Runs statements on one connection or transaction. */
export interface SqlClient {
  query<R>(statement: Statement | CompiledQuery): Promise<R[]>;
  /**
   * Loads rows with COPY: `data` is COPY's text format, as bytes (see withCopyData, copy-text.ts). The
   * cheapest way into a table, by far, for thousands of rows. `freeze` (only for a table
   * truncated in the same transaction) writes the rows frozen and their pages all-visible, so
   * index-only scans work at once, with no VACUUM first.
   */
  copyIn(
    table: string,
    columns: readonly string[],
    data: Uint8Array<ArrayBuffer>,
    options?: { freeze?: boolean },
  ): Promise<void>;
}

const copyStatement = (table: string, columns: readonly string[], source: string, freeze = false) =>
  `copy ${ident(table)} (${columns.map(ident).join(', ')}) from ${source}${freeze ? ' with (freeze)' : ''}`;

/** Runs statements, and transactions on one connection. */
export interface SqlRunner extends SqlClient {
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
}

function normalise(statement: Statement | CompiledQuery): Statement {
  return 'sql' in statement ? { text: statement.sql, values: statement.parameters } : statement;
}

/** Over a pg pool: named statements are prepared once per pooled connection. */
export function pgRunner(pool: pg.Pool): SqlRunner {
  const on = (client: pg.Pool | pg.PoolClient): SqlClient => ({
    async query<R>(statement: Statement | CompiledQuery) {
      const s = normalise(statement);
      const config: pg.QueryConfig = { name: s.name, text: s.text, values: s.values as unknown[] };
      const result = s.rowMode
        ? await client.query({ ...config, rowMode: 'array' })
        : await client.query(config);
      return result.rows as R[];
    },
    async copyIn(table, columns, data, options = {}) {
      const connection = 'release' in client ? client : await client.connect();
      try {
        await pipeline(
          Readable.from([data]),
          connection.query(copyFrom(copyStatement(table, columns, 'stdin', options.freeze))),
        );
      } finally {
        if (connection !== client) connection.release();
      }
    },
  });
  return {
    ...on(pool),
    async transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(on(client));
        await client.query('commit');
        client.release();
        return result;
      } catch (error) {
        try {
          await client.query('rollback');
          // The append's short session lock is released by the statement itself; this only
          // matters if the statement was interrupted between taking and releasing it.
          await client.query('select pg_advisory_unlock_all()');
          client.release();
        } catch (cleanup) {
          client.release(cleanup as Error);
        }
        throw error;
      }
    },
  };
}

/** Over PGlite: one connection; its transaction() keeps other queries out meanwhile. */
export function pgliteRunner(db: PGlite): SqlRunner {
  const on = (client: PGlite | PGliteTransaction): SqlClient => ({
    async query<R>(statement: Statement | CompiledQuery) {
      const s = normalise(statement);
      const result = await client.query<R>(s.text, s.values as unknown[], { rowMode: s.rowMode });
      return result.rows;
    },
    async copyIn(table, columns, data, options = {}) {
      // PGlite takes COPY's input as a blob standing in for the file /dev/blob.
      await client.query(copyStatement(table, columns, `'/dev/blob'`, options.freeze), [], {
        blob: new Blob([data]),
      });
    },
  });
  return {
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
  };
}
