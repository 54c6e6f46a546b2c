import type { Database } from '../db/database.js';
import { dateInVietnam } from '../domain/occurred-at.js';
import { readTables, type UnitRow } from './schema.js';

// Parents and successors form short chains (central → province → commune, a merger or two);
// a longer walk means a cycle in bad data, not a deeper hierarchy.
const MAX_WALK = 32;

// PGlite and pg return `date` columns differently; the API speaks YYYY-MM-DD.
function normalise(row: UnitRow): UnitRow {
  const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v as string | null));
  return {
    ...row,
    registered_from: day(row.registered_from) as string,
    ended_on: day(row.ended_on),
    head_from: day(row.head_from),
  };
}

/** One unit of the register, or undefined. */
export async function findUnit(database: Database, id: string): Promise<UnitRow | undefined> {
  const query = readTables(database).selectFrom('units').selectAll().where('id', '=', id);
  const [row] = await database.sql.query<UnitRow>(query.compile());
  return row && normalise(row);
}

/** The units named, those that exist; to tell which of a list are unknown. */
export async function findUnits(database: Database, ids: readonly string[]): Promise<Map<string, UnitRow>> {
  if (ids.length === 0) return new Map();
  const query = readTables(database)
    .selectFrom('units')
    .selectAll()
    .where('id', 'in', [...ids]);
  const rows = await database.sql.query<UnitRow>(query.compile());
  return new Map(rows.map((r) => [r.id, normalise(r)]));
}

/**
 * A unit's status on a day: `upcoming` before the day it is registered from, `active` until
 * its merger, split or dissolution takes effect, even when that was recorded ahead of its date.
 */
export function statusOn<S extends string>(
  unit: { status: S; registeredFrom: string | null; endedOn: string | null },
  day: string,
): S | 'active' | 'upcoming' {
  if (unit.registeredFrom !== null && unit.registeredFrom > day) return 'upcoming';
  return unit.endedOn !== null && unit.endedOn > day ? 'active' : unit.status;
}

/** Units of the register, filtered by kind, parent and status (as of today), ordered by code. */
export async function listUnits(
  database: Database,
  filter: { kind?: string; parentId?: string | null; status?: string; limit: number; offset: number },
  today: string = todayInVietnam(),
): Promise<UnitRow[]> {
  let query = readTables(database).selectFrom('units').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.parentId !== undefined) {
    query =
      filter.parentId === null
        ? query.where('parent_id', 'is', null)
        : query.where('parent_id', '=', filter.parentId);
  }
  const { status } = filter;
  if (status === 'upcoming') {
    query = query.where('registered_from', '>', today);
  } else if (status === 'active') {
    query = query
      .where('registered_from', '<=', today)
      .where((eb) => eb.or([eb('status', '=', 'active'), eb('ended_on', '>', today)]));
  } else if (status) {
    query = query
      .where('registered_from', '<=', today)
      .where('status', '=', status)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '<=', today)]));
  }
  query = query.orderBy('code').orderBy('id').limit(filter.limit).offset(filter.offset);
  return (await database.sql.query<UnitRow>(query.compile())).map(normalise);
}

/** Today's date in Vietnam: the day "now" means for who answers. */
export const todayInVietnam = (): string => dateInVietnam(new Date());

/**
 * The unit that answers on `onDay` (default today) for obligations assigned to `id`: itself
 * until it ends, then its successor's answering unit (mergers and splits chain). A merger
 * recorded ahead of its effective date changes nothing before that date. The path walked is
 * returned too.
 */
export async function answeringUnit(
  database: Database,
  id: string,
  onDay: string = todayInVietnam(),
): Promise<{ id: string; path: string[] }> {
  const path = [id];
  let current = await findUnit(database, id);
  // The obligations passed on only once the merger or split took effect.
  const successorOf = (u: UnitRow | undefined) =>
    u?.successor_id && u.ended_on && u.ended_on <= onDay ? u.successor_id : null;
  for (let next = successorOf(current); next && path.length < MAX_WALK; next = successorOf(current)) {
    path.push(next);
    current = await findUnit(database, next);
  }
  return { id: path[path.length - 1] as string, path };
}

/**
 * Whether `id` is `scopeId` or under it, once every unit on the way up is replaced by the unit
 * answering for it on `onDay` (default today): a commune whose province merged sits under the
 * successor province from the merger's date.
 */
export async function isWithin(
  database: Database,
  id: string,
  scopeId: string,
  onDay: string = todayInVietnam(),
): Promise<boolean> {
  let cursor: string | null = id;
  for (let steps = 0; cursor && steps < MAX_WALK; steps++) {
    const answering = await answeringUnit(database, cursor, onDay);
    if (answering.id === scopeId) return true;
    const unit = await findUnit(database, answering.id);
    cursor = unit?.parent_id ?? null;
  }
  return false;
}

/**
 * Members of a group on a day: every unit of a kind that exists that day (registered by then,
 * not yet merged, split or dissolved), under a parent or at the top level. A merger recorded
 * ahead of its date leaves its predecessors members until then; their tasks pass on with it.
 */
export async function groupMembers(
  database: Database,
  group: { kind: string; parentId: string | null },
  onDay: string,
): Promise<UnitRow[]> {
  let query = readTables(database)
    .selectFrom('units')
    .selectAll()
    .where('kind', '=', group.kind)
    .where('registered_from', '<=', onDay)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', onDay)]));
  query =
    group.parentId === null
      ? query
      : query.where((eb) =>
          eb.or([
            eb('parent_id', '=', group.parentId),
            // Children registered under a predecessor of the parent belong to it now.
            eb(
              'parent_id',
              'in',
              eb.selectFrom('units as p').select('p.id').where('p.successor_id', '=', group.parentId),
            ),
          ]),
        );
  return (await database.sql.query<UnitRow>(query.orderBy('code').compile())).map(normalise);
}
