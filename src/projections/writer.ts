import { type Kysely, sql } from 'kysely';
import type { SqlClient } from '../db/sql-runner.js';
import { insertRows, onConflictUpdate } from './bulk.js';
import type { ProjectionOp, Row } from './projection.js';

type Upsert = Extract<ProjectionOp, { op: 'upsert' }>;

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
    const folded = foldByKey(run);
    const conflict = onConflictUpdate(Object.keys(op.key), Object.keys(op.set));
    await insertRows(client, op.table, Object.keys(rowOf(op)), folded.map(rowOf), conflict);
  }
}

const shapeOf = (u: Upsert) =>
  [u.table, Object.keys(u.key), Object.keys(u.set), Object.keys(u.insertOnly ?? {})].join('|');

const rowOf = (u: Upsert): Row => ({ ...u.key, ...u.set, ...u.insertOnly });

// Same columns throughout the run, so a later upsert's `set` replaces an earlier one's whole;
// `insertOnly` is what the first one would have inserted.
function foldByKey(run: readonly Upsert[]): Upsert[] {
  const byKey = new Map<string, Upsert>();
  for (const u of run) {
    const key = JSON.stringify(Object.values(u.key));
    const earlier = byKey.get(key);
    byKey.set(key, earlier ? { ...u, insertOnly: earlier.insertOnly } : u);
  }
  return [...byKey.values()];
}

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
