import { type Kysely, sql } from 'kysely';
import type { SqlClient } from '../db/sql-runner.js';
import type { ProjectionOp, Row } from './projection.js';

/**
 * The one place projection operations become SQL: Kysely builds each statement, the ledger's
 * SQL client runs it inside the caller's transaction.
 */
export async function applyOps(
  // biome-ignore lint/suspicious/noExplicitAny: compiles statements for tables named at run time
  builder: Kysely<any>,
  client: SqlClient,
  ops: readonly ProjectionOp[],
): Promise<void> {
  for (const op of ops) await client.query(statement(op).compile(builder));
}

function statement(op: ProjectionOp) {
  const table = sql.table(op.table);
  switch (op.op) {
    case 'upsert': {
      const row = { ...op.key, ...op.set, ...op.insertOnly };
      const columns = Object.keys(row);
      const updates = Object.keys(op.set).map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`);
      return sql`insert into ${table} (${sql.join(columns.map((c) => sql.ref(c)))})
        values (${sql.join(columns.map((c) => sql.val(row[c])))})
        on conflict (${sql.join(Object.keys(op.key).map((c) => sql.ref(c)))})
        ${updates.length ? sql`do update set ${sql.join(updates)}` : sql`do nothing`}`;
    }
    case 'update':
      return sql`update ${table} set ${assignments(op.set)} where ${conditions(op.where)}`;
    case 'delete':
      return sql`delete from ${table} where ${conditions(op.where)}`;
  }
}

function assignments(row: Row) {
  return sql.join(Object.entries(row).map(([c, v]) => sql`${sql.ref(c)} = ${v}`));
}

function conditions(row: Row) {
  return sql.join(
    Object.entries(row).map(([c, v]) =>
      v === null ? sql`${sql.ref(c)} is null` : sql`${sql.ref(c)} = ${v}`,
    ),
    sql` and `,
  );
}
