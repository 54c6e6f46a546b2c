import { type Kysely, sql } from 'kysely';
import type { SqlClient } from '../db/sql-runner.js';
import { insertRows, onConflictUpdate } from './bulk.js';
import { foldUpsert, shapeOf, type Upsert } from './held-ops.js';
import type { ProjectionOp, Row } from './projection.js';

/**
 * The one place projection operations become SQL: Kysely builds each statement, the ledger's
 * SQL client runs it inside the caller's transaction. A run of upserts into one table with
 * the same columns becomes one statement over arrays, each key's upserts folded into one first
 * (PostgreSQL refuses to touch a row twice in one INSERT … ON CONFLICT).
 */
export async function applyOps(
  // biome-ignore lint/suspicious/noExplicitAny: compiles statements for tables named at run time
  builder: Kysely<any>,
  client: SqlClient,
  ops: readonly ProjectionOp[],
): Promise<void> {
  for (let i = 0; i < ops.length; ) {
    const op = ops[i] as ProjectionOp;
    if (op.op !== 'upsert') {
      await client.query(single(op).compile(builder));
      i += 1;
      continue;
    }
    const run: Upsert[] = [op];
    const shape = shapeOf(op);
    while (i + run.length < ops.length) {
      const next = ops[i + run.length] as ProjectionOp;
      if (next.op !== 'upsert' || next.table !== op.table || shapeOf(next) !== shape) break;
      run.push(next);
    }
    i += run.length;
    const byKey = new Map<string, Upsert>();
    for (const u of run) foldUpsert(byKey, u);
    const folded = [...byKey.values()];
    const conflict = onConflictUpdate(Object.keys(op.key), Object.keys(op.set));
    await insertRows(client, op.table, Object.keys(rowOf(op)), folded.map(rowOf), conflict);
  }
}

const rowOf = (u: Upsert): Row => ({ ...u.key, ...u.set, ...u.insertOnly });

function single(op: Exclude<ProjectionOp, Upsert>) {
  const table = sql.table(op.table);
  switch (op.op) {
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
