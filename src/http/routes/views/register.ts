import type { z } from 'zod';
import { authorize } from '../../../auth/permissions.js';
import { NotFoundError } from '../../../errors.js';
import { readShortcomings, shortcomingPage, shortcomingWhere } from '../../../read/register.js';
import type { UnitTree } from '../../../read/unit-tree.js';
import { openShortcomingStatuses } from '../../../views/item-state.js';
import {
  pageOf,
  type RegisterFilter,
  type RegisterPage,
  type RegisterPaging,
  type RegisterRow,
  registerRow,
  registerView,
  unitOrdinals,
} from '../../../views/register.js';
import type { App } from '../../app-type.js';
import { type CsvColumn, sendCsv, wantsCsv } from '../../csv.js';
import { readErrors } from '../../schemas/common.js';
import { registerAnswer, registerQuery } from '../../schemas/views-register.js';
import { clockStamp, type ViewClock, viewClock } from '../../view-clock.js';

const listed = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The unit with the units merged into it (through chains of mergers), but not those under it. */
export function unitAlone(tree: UnitTree, id: string): Set<string> {
  const scope = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of tree.units) {
      if (u.successorId && scope.has(u.successorId) && !scope.has(u.id)) {
        scope.add(u.id);
        grew = true;
      }
    }
  }
  return scope;
}

/** A unit to scope by, known as of the view's knowledge, or a 404 naming the field. */
export function scopeUnit(tree: UnitTree, id: string, field: string) {
  if (!tree.get(id)) throw new NotFoundError(`no unit ${id}`, { field });
  return { id, name: tree.nameOf(id) };
}

/** Every column of a register line, for the CSV export. */
export const registerCsvColumns: CsvColumn<RegisterRow>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'category', value: (r) => r.category },
  { header: 'severity', value: (r) => r.severity },
  { header: 'status', value: (r) => r.status },
  { header: 'description', value: (r) => r.description },
  { header: 'flagged_on', value: (r) => r.flaggedOn },
  { header: 'target_date', value: (r) => r.targetDate },
  { header: 'original_target_date', value: (r) => r.originalTargetDate },
  { header: 'rejections', value: (r) => r.rejections },
  { header: 'recurrence_of', value: (r) => r.recurrenceOf },
  { header: 'official_name', value: (r) => r.accountableOfficial?.personName },
  { header: 'official_title', value: (r) => r.accountableOfficial?.title },
  { header: 'answering_official_name', value: (r) => r.answeringOfficial?.personName },
  { header: 'answering_official_title', value: (r) => r.answeringOfficial?.title },
  { header: 'answering_official_is', value: (r) => r.answeringOfficial?.source },
  { header: 'unit_id', value: (r) => r.flaggedAgainst.id },
  { header: 'unit_name', value: (r) => r.flaggedAgainst.name },
  { header: 'answering_unit_id', value: (r) => r.answeringUnit.id },
  { header: 'answering_unit_name', value: (r) => r.answeringUnit.name },
  { header: 'inspection_unit_id', value: (r) => r.inspectionUnit.id },
  { header: 'inspection_unit_name', value: (r) => r.inspectionUnit.name },
  { header: 'report_title', value: (r) => r.report.title },
  { header: 'report_date', value: (r) => r.report.date },
  { header: 'overdue', value: (r) => r.overdue },
  { header: 'scenario', value: (r) => r.scenario },
  { header: 'synthetic', value: (r) => r.synthetic },
];

// Only the units in scope need a place in the order the query joins on.
const inScope = (ordinals: ReadonlyMap<string, number>, scope: ReadonlySet<string> | null) =>
  scope ? new Map([...scope].map((id) => [id, ordinals.get(id) ?? ordinals.size])) : ordinals;

/**
 * The units whose obligations ever passed to a unit this person headed at some time: where they
 * may answer by office (a closed item keeps whoever answered when it closed, so not only today).
 */
function headedBy(tree: UnitTree, personName: string): string[] {
  const headed = new Set(
    tree.units.filter((u) => u.heads.some((h) => h.personName === personName)).map((u) => u.id),
  );
  return tree.units
    .filter((u) => tree.answerersSince(u.id, '').some((span) => headed.has(span.unitId)))
    .map((u) => u.id);
}

/**
 * The register as of the clock. Without validAt or an official the columns answer: filtered,
 * ordered and paged in SQL. With validAt the status is the day's, so SQL narrows by what cannot
 * change (scope, category, severity, flagged by then, not closed by then when only open ones are
 * wanted, those the official may answer for) and the rest is the pure view. `all` ignores
 * paging (the CSV export).
 */
async function readRegister(
  app: App,
  tree: UnitTree,
  clock: ViewClock,
  filter: RegisterFilter,
  paging: RegisterPaging,
  all: boolean,
): Promise<RegisterPage> {
  const unitIds = filter.scope ? [...filter.scope] : null;
  // Who answers personally depends on the day (named officials, mergers, heads in office), so a
  // filter by official narrows in SQL to those the person may answer for and decides on each.
  if (clock.validAt || filter.official) {
    const onlyOpen =
      filter.overdue ||
      (filter.statuses.length > 0 && filter.statuses.every((s) => openShortcomingStatuses.includes(s)));
    const docs = await readShortcomings(app.database, clock.knowledge, {
      unitIds,
      categories: filter.categories,
      severities: filter.severities,
      flaggedBy: clock.validAt,
      openOn: clock.validAt && onlyOpen ? clock.validAt : null,
      answerableBy: filter.official
        ? { personName: filter.official, unitIds: headedBy(tree, filter.official) }
        : null,
    });
    return registerView(docs, tree, clock, filter, all ? { ...paging, page: 1, pageSize: 0 } : paging);
  }
  const where = shortcomingWhere({
    unitIds,
    statuses: filter.statuses,
    categories: filter.categories,
    severities: filter.severities,
    overdueAt: filter.overdue ? clock.now : null,
  });
  const { docs, total } = await shortcomingPage(
    app.database,
    clock.knowledge,
    where,
    { ...paging, unitOrder: paging.sort === 'unit' ? inScope(unitOrdinals(tree), filter.scope) : null },
    all ? null : paging.pageSize,
    all ? 0 : (paging.page - 1) * paging.pageSize,
  );
  return pageOf(
    docs.map((d) => registerRow(d, tree, clock.now, null)),
    total,
    paging,
  );
}

/** GET /views/shortcomings: the shortcomings register, filtered, sorted and paged. */
export async function registerRoutes(app: App): Promise<void> {
  app.get(
    '/views/shortcomings',
    {
      schema: {
        summary:
          'The shortcomings register: by unit (through mergers), status, category, severity, official, overdue; paged and sorted; as of any moment; CSV',
        tags: ['views'],
        querystring: registerQuery,
        response: { 200: registerAnswer, ...readErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const q: z.output<typeof registerQuery> = request.query;
      const clock = await viewClock(app.database, q);
      const tree = await app.unitTrees.at(clock.knowledge);
      const subunits = q.includeSubunits === 'true';
      const unit = q.unitId ? scopeUnit(tree, q.unitId, 'querystring.unitId') : null;
      const filter: RegisterFilter = {
        scope: unit ? (subunits ? tree.scopeOf(unit.id) : unitAlone(tree, unit.id)) : null,
        statuses: listed(q.status),
        categories: listed(q.category),
        severities: listed(q.severity),
        official: q.official ?? null,
        overdue: q.overdue === 'true',
      };
      const paging: RegisterPaging = { sort: q.sort, order: q.order, page: q.page, pageSize: q.pageSize };
      const csv = wantsCsv(request);
      const page = await readRegister(app, tree, clock, filter, paging, csv);
      if (csv) return sendCsv(reply, 'shortcomings.csv', registerCsvColumns, page.rows);
      return {
        ...clockStamp(clock),
        unit: unit && { ...unit, includeSubunits: subunits },
        ...page,
      };
    },
  );
}
