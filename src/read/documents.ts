import { type RawBuilder, sql } from 'kysely';
import { projections } from '../../projections/index.js';
import type { Database } from '../db/database.js';
import { isDocumentProjection } from '../projections/projection.js';
import type { Knowledge } from './knowledge.js';

/** The versioned view tables and the documents they hold. */
export type ViewTable =
  | 'view_units'
  | 'view_directives'
  | 'view_tasks'
  | 'view_shortcomings'
  | 'view_monthly_reports';

/** The versions in force at the knowledge's position: each document as it was known then. */
export function inForce(k: Knowledge, alias = 't'): RawBuilder<unknown> {
  const from = sql.ref(`${alias}.from_pos`);
  const to = sql.ref(`${alias}.to_pos`);
  // coalesce(to_pos, ∞) is the expression the end-of-range indexes are on (migration 008).
  return k.current
    ? sql`${to} is null`
    : sql`${from} <= ${k.position} and coalesce(${to}, 9223372036854775807) > ${k.position}`;
}

// The views that join an item's fixed parts to its versions (migration 013). Documents are read
// as their two parts and joined here: jsonb's `||` on the server had doubled the read (400
// listed tasks: 1.9 ms apart, 3.8 ms joined, 1.5 ms before the parts were split).
const itemsOf = new Map(
  projections
    .filter(isDocumentProjection)
    .flatMap((p) => (p.fixed ? [[p.fixed.view, p.fixed.table] as const] : [])),
);

// `<doc>, <fixed> from <table> t`: the version's own part, less `omit`, and the item's fixed
// part (null where the table keeps whole documents). The view's own join drops out, since its
// `doc` is not read; the items are joined here instead.
function documentParts(table: ViewTable, omit: readonly string[] = []): RawBuilder<unknown> {
  const items = itemsOf.get(table);
  const own = items ? sql`t.varying` : sql`t.doc`;
  const doc = omit.length > 0 ? sql`${own} - ${[...omit]}::text[]` : own;
  return items
    ? sql`${doc} as doc, f.fixed from ${sql.table(table)} t left join ${sql.table(items)} f on f.id = t.id`
    : sql`${doc} as doc, null::jsonb as fixed from ${sql.table(table)} t`;
}

/**
 * Documents of a view table as of the knowledge, narrowed by `where` (conditions on the
 * table's columns, alias `t`), ordered by `orderBy` and paged when asked.
 */
export async function readDocuments<D>(
  database: Database,
  table: ViewTable,
  k: Knowledge,
  options: {
    where?: RawBuilder<unknown>[];
    orderBy?: RawBuilder<unknown>;
    limit?: number;
    offset?: number;
  } = {},
): Promise<D[]> {
  const conditions = [inForce(k), ...(options.where ?? [])];
  const query = sql`select ${documentParts(table)} where ${sql.join(conditions, sql` and `)}
    ${options.orderBy ? sql`order by ${options.orderBy}` : sql``}
    ${options.limit !== undefined ? sql`limit ${options.limit}` : sql``}
    ${options.offset ? sql`offset ${options.offset}` : sql``}`;
  const rows = await database.sql.query<{
    doc: Record<string, unknown>;
    fixed: Record<string, unknown> | null;
  }>(query.compile(database.db));
  return rows.map((r) => whole(r.fixed, r.doc, NONE) as D);
}

const NONE: ReadonlySet<string> = new Set();

/** How many documents of a view table match, as of the knowledge. */
export async function countDocuments(
  database: Database,
  table: ViewTable,
  k: Knowledge,
  where: RawBuilder<unknown>[] = [],
): Promise<number> {
  const query = sql`select count(*)::int as n from ${sql.table(table)} t
    where ${sql.join([inForce(k), ...where], sql` and `)}`;
  const [row] = await database.sql.query<{ n: number }>(query.compile(database.db));
  return row?.n ?? 0;
}

/**
 * Documents of a view table as of the knowledge, by id, in the order of `ids`; `omit` leaves
 * top-level keys out (a page that lists items has no use for their histories).
 */
export async function documentsById<D extends { id: string }, K extends Exclude<keyof D, 'id'> = never>(
  database: Database,
  table: ViewTable,
  k: Knowledge,
  ids: readonly string[],
  omit: readonly (K & string)[] = [],
): Promise<(Omit<D, K> & Pick<D, 'id'>)[]> {
  if (ids.length === 0) return [];
  const parts = documentParts(table, omit);
  // Per id, only the version in force: the last one begun by the position, if not yet closed
  // then. One table row each, however many versions the item has.
  const known = k.current
    ? sql`select ${parts} where t.id = i.id and t.to_pos is null`
    : sql`select t.to_pos, ${parts} where t.id = i.id and t.from_pos <= ${k.position}
        order by t.from_pos desc limit 1`;
  const rows = await database.sql.query<{
    doc: Record<string, unknown>;
    fixed: Record<string, unknown> | null;
  }>(
    sql`select v.doc, v.fixed from unnest(${[...ids]}::text[]) with ordinality as i(id, n)
      cross join lateral (${known}) v
      ${k.current ? sql`` : sql`where v.to_pos is null or v.to_pos > ${k.position}`}
      order by i.n`.compile(database.db),
  );
  const left = new Set<string>(omit);
  return rows.map((r) => whole(r.fixed, r.doc, left) as Omit<D, K> & Pick<D, 'id'>);
}

// A document from its parts, as the view's `fixed || doc` gives it, less the keys left out.
function whole(
  fixed: Record<string, unknown> | null,
  doc: Record<string, unknown>,
  omit: ReadonlySet<string>,
): Record<string, unknown> {
  if (!fixed) return doc;
  const joined: Record<string, unknown> = {};
  for (const key in fixed) if (!omit.has(key)) joined[key] = fixed[key];
  for (const key in doc) joined[key] = doc[key];
  return joined;
}
