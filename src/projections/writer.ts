// biome-ignore-all lint/suspicious/noExplicitAny: projection tables are named at run time
import { type Kysely, sql } from 'kysely';
import type { ProjectionOp, Row } from './projection.js';

/** The one place projection operations become SQL. */
export async function applyOps(db: Kysely<any>, ops: readonly ProjectionOp[]): Promise<void> {
  for (const op of ops) await sql`${statement(op)}`.execute(db);
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
