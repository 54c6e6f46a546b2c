import { CopyBuffer } from '../db/copy-text.js';
import { quoteIdent as ident } from '../db/identifier.js';
import type { SqlClient } from '../db/sql-runner.js';
import type { Row, Value } from './projection.js';

// A table's column types never change while the process runs (migrations run before anything
// is written), so they are read once per table.
const typesByTable = new Map<string, Promise<Map<string, string>>>();

function columnTypes(client: SqlClient, table: string): Promise<Map<string, string>> {
  let types = typesByTable.get(table);
  if (!types) {
    types = client
      .query<{ name: string; type: string }>({
        text: `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
          from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped`,
        values: [table],
      })
      .then((rows) => new Map(rows.map((r) => [r.name, r.type])));
    types.catch(() => typesByTable.delete(table));
    typesByTable.set(table, types);
  }
  return types;
}

// Arrays of parameters travel as text; dates go as ISO strings, which every driver passes alike.
const plain = (v: Value | undefined): string | number | boolean | null =>
  v === undefined ? null : v instanceof Date ? v.toISOString() : v;

/**
 * Writes many rows in one statement whatever their number: one array parameter per column,
 * unnested into rows, so the statement's size and its parameters do not grow with the rows.
 * `onConflict` is appended as written (e.g. `on conflict (id) do update set …`).
 */
export async function insertRows(
  client: SqlClient,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const types = await columnTypes(client, table);
  const arrays = columns.map((c) => {
    const type = types.get(c);
    if (!type) throw new Error(`${table} has no column ${c}`);
    return { type, values: rows.map((r) => plain(r[c])) };
  });
  await client.query({
    text: `insert into ${ident(table)} (${columns.map(ident).join(', ')})
      select * from unnest(${arrays.map((a, i) => `$${i + 1}::${a.type}[]`).join(', ')}) ${onConflict}`,
    values: arrays.map((a) => a.values),
  });
}

/** `on conflict (key) do update set …` for the given columns, or `do nothing` without any. */
export function onConflictUpdate(key: readonly string[], set: readonly string[]): string {
  const updates = set.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ');
  return `on conflict (${key.map(ident).join(', ')}) ${updates ? `do update set ${updates}` : 'do nothing'}`;
}

// Rows go in slices, so one load stays a few megabytes whatever the number of items.
const SLICE = 5000;

/** How many items to work through before giving way to pending I/O (see giveWay). */
export const WORK_SLICE = 200;

/**
 * Lets pending I/O run (setImmediate comes after the poll phase), then goes on. A load in
 * flight only moves on (its socket drained, the next COPY begun) while this side is not busy.
 */
export const giveWay = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// Buffers the loads lay their rows out in, kept between loads (see CopyBuffer). Loads running at
// once on other connections take buffers of their own.
const spares: CopyBuffer[] = [];
const SPARES_KEPT = 4;

/**
 * Loads items as rows with COPY, a slice of thousands at a time, each row made only when it is
 * laid out: several times cheaper for the server than the same rows as statement parameters.
 * Columns are the first row's keys. `freeze` needs a table truncated or created in the
 * caller's transaction.
 */
export async function copyRows<T>(
  client: SqlClient,
  table: string,
  items: readonly T[],
  toRow: (item: T) => Row,
  options: { freeze?: boolean } = {},
): Promise<void> {
  // Two buffers in turn: the next slice is laid out here while the server loads the last one,
  // a few hundred rows at a time, giving way in between so the load in flight moves on.
  const buffers = [spares.pop() ?? new CopyBuffer(), spares.pop() ?? new CopyBuffer()] as const;
  let loading: Promise<void> = Promise.resolve();
  try {
    for (let i = 0, n = 0; i < items.length; i += SLICE, n++) {
      const buffer = (n % 2 === 0 ? buffers[0] : buffers[1]).clear();
      const end = Math.min(i + SLICE, items.length);
      for (let j = i; j < end; j += WORK_SLICE) {
        buffer.add(items.slice(j, Math.min(j + WORK_SLICE, end)), toRow);
        if (j + WORK_SLICE < end) await giveWay();
      }
      const { columns, data } = buffer.laidOut;
      await loading;
      loading = client.copyIn(table, columns, data, options);
    }
    await loading;
  } finally {
    // Never handed back while a load may still read it.
    await loading.catch(() => {});
    for (const buffer of buffers) if (spares.length < SPARES_KEPT) spares.push(buffer);
  }
}
