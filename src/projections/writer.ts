import { type Kysely, sql } from 'kysely';
import type { SqlClient } from '../db/sql-runner.js';
import { copyRows, insertRows, onConflictUpdate } from './bulk.js';
import { foldUpsert, sameShape, type Upsert } from './held-ops.js';
import type { ProjectionOp, Row } from './projection.js';

/** Operations in order, each run of same-shape upserts as one group, folded to one per row. */
export type OpSegment = Exclude<ProjectionOp, Upsert> | Upsert[];

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
  options: ApplyOptions = {},
): Promise<void> {
  await applySegments(builder, client, segmentsOf(ops), options);
}

/** The same for operations already grouped and folded (as HeldOps drains them). */
export async function applySegments(
  // biome-ignore lint/suspicious/noExplicitAny: compiles statements for tables named at run time
  builder: Kysely<any>,
  client: SqlClient,
  segments: readonly OpSegment[],
  options: ApplyOptions = {},
): Promise<void> {
  const { truncated } = options;
  for (const segment of segments) {
    if (!Array.isArray(segment)) {
      truncated?.delete(segment.table);
      await client.query(single(segment).compile(builder));
      continue;
    }
    const [first] = segment;
    if (!first) continue;
    if (truncated?.delete(first.table)) {
      // Nothing to clash with in a table truncated in this transaction, and one row per key.
      await copyRows(client, first.table, segment, rowOf, { freeze: true });
      continue;
    }
    const conflict = onConflictUpdate(Object.keys(first.key), Object.keys(first.set));
    await insertRows(client, first.table, Object.keys(rowOf(first)), segment.map(rowOf), conflict);
  }
}

/** How operations may be written. */
export interface ApplyOptions {
  /**
   * Tables truncated in the caller's transaction and not written since (a rebuild's): a run of
   * upserts into one of them is loaded with COPY FREEZE. Tables leave the set as they are written.
   */
  truncated?: Set<string>;
}

function segmentsOf(ops: readonly ProjectionOp[]): OpSegment[] {
  const segments: OpSegment[] = [];
  for (let i = 0; i < ops.length; ) {
    const op = ops[i] as ProjectionOp;
    if (op.op !== 'upsert') {
      segments.push(op);
      i += 1;
      continue;
    }
    const run: Upsert[] = [op];
    while (i + run.length < ops.length) {
      const next = ops[i + run.length] as ProjectionOp;
      if (next.op !== 'upsert' || !sameShape(next, op)) break;
      run.push(next);
    }
    i += run.length;
    const byKey = new Map<string, Upsert>();
    for (const u of run) foldUpsert(byKey, u);
    segments.push([...byKey.values()]);
  }
  return segments;
}

// Copied column by column: spreading the three parts cost a rebuild a second (263,000 rows).
function rowOf(u: Upsert): Row {
  const row: Row = {};
  for (const column in u.key) row[column] = u.key[column] as Row[string];
  for (const column in u.set) row[column] = u.set[column] as Row[string];
  for (const column in u.insertOnly) row[column] = u.insertOnly[column] as Row[string];
  return row;
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
