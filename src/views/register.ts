import { shortcomingSeverities } from '../../events/shortcomings.js';
import type { Transition } from '../../projections/views/marks.js';
import type { OfficialTerm, ShortcomingDocument } from '../../projections/views/shortcomings.js';
import { dateInVietnam } from '../domain/occurred-at.js';
import type { UnitTree } from '../read/unit-tree.js';
import { type Answerer, answeringOfficial } from './answerers.js';
import { onDay, remediationOverdue } from './item-state.js';

/** A shortcoming's statuses in the order of its life: what `sort=status` follows. */
export const shortcomingStatuses = [
  'open',
  'in_progress',
  'remediation_reported',
  'closed_implemented',
  'closed_not_implemented',
  'dismissed',
] as const;

/** The keys the register sorts on; every sort ends with the id, so pages never shuffle. */
export const registerSortKeys = ['flaggedOn', 'targetDate', 'severity', 'unit', 'status'] as const;
export type RegisterSortKey = (typeof registerSortKeys)[number];

/** What the register is narrowed to; an empty list means "any". */
export interface RegisterFilter {
  /** Unit ids in scope (UnitTree.scopeOf), or null for every unit. */
  scope: ReadonlySet<string> | null;
  statuses: readonly string[];
  categories: readonly string[];
  severities: readonly string[];
  official: string | null;
  overdue: boolean;
}

/** How the register is ordered and paged. */
export interface RegisterPaging {
  sort: RegisterSortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** A unit named: its id and its (Vietnamese) name as known. */
export interface NamedUnit {
  id: string;
  name: string;
}

/** One line of the register. */
export interface RegisterRow {
  id: string;
  category: string;
  severity: string;
  status: string;
  description: string;
  flaggedOn: string;
  targetDate: string | null;
  /** The first committed date, shown only once it has been revised. */
  originalTargetDate: string | null;
  targetRevisions: number;
  rejections: number;
  recurrenceOf: string | null;
  /** The official last named for it (null if none was). */
  accountableOfficial: OfficialTerm | null;
  /** Who answers personally on the view's day: see answeringOfficial. */
  answeringOfficial: Answerer | null;
  /** The unit named in the supervision report. */
  flaggedAgainst: NamedUnit;
  /** The unit that answers for it (its successor once the flagged unit was merged). */
  answeringUnit: NamedUnit;
  inspectionUnit: NamedUnit;
  report: ShortcomingDocument['report'];
  overdue: boolean;
  scenario: boolean;
  synthetic: boolean;
}

/** The instant a valid-time day is described at: its last millisecond in Vietnam. */
export function endOfDay(day: string): Date {
  return new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 24 * 60 * 60 * 1000 - 1);
}

const rejectionsIn = (transitions: readonly Transition[], until: string): number => {
  // Only a rejection takes a reported remedy back to work (the decider allows nothing else).
  let n = 0;
  for (let i = 1; i < transitions.length; i++) {
    const [at, , to] = transitions[i] as Transition;
    if (at <= until && to === 'in_progress' && transitions[i - 1]?.[2] === 'remediation_reported') n++;
  }
  return n;
};

/**
 * The shortcoming as it stood at the end of a day: its status, the official then answering
 * and the rejections made by then; undefined before it was flagged.
 */
export function shortcomingOnDay(doc: ShortcomingDocument, day: string): ShortcomingDocument | undefined {
  const at = endOfDay(day);
  const then = onDay(doc, at);
  if (!then) return undefined;
  const officials = doc.officials.filter((o) => o.since <= day);
  const rejections = rejectionsIn(doc.transitions, at.toISOString());
  if (officials.length === doc.officials.length && rejections === doc.rejections) return then;
  return { ...then, officials, rejections };
}

/** The day a remedy was last reported by the end of a day (or ever, without one). */
export function remediationReportedBy(doc: ShortcomingDocument, day: string | null): string | null {
  const until = day ? endOfDay(day).toISOString() : null;
  let reported: string | null = null;
  for (const [at, , to] of doc.transitions) {
    if (until !== null && at > until) break;
    if (to === 'remediation_reported') reported = dateInVietnam(new Date(at));
  }
  return reported ?? (day ? null : doc.remediationReportedOn);
}

/** A unit by id and name. */
export const named = (tree: UnitTree, id: string): NamedUnit => ({ id, name: tree.nameOf(id) });

/** A register line: the document with its units named and overdue at `now`. */
export function registerRow(
  doc: ShortcomingDocument,
  tree: UnitTree,
  now: Date,
  validAt: string | null,
): RegisterRow {
  const day = validAt ?? dateInVietnam(now);
  return {
    id: doc.id,
    category: doc.category,
    severity: doc.severity,
    status: doc.status,
    description: doc.description,
    flaggedOn: doc.flaggedOn,
    targetDate: doc.targetDate,
    originalTargetDate: doc.targetRevisions > 0 ? doc.originalTargetDate : null,
    targetRevisions: doc.targetRevisions,
    rejections: doc.rejections,
    recurrenceOf: doc.recurrenceOf,
    accountableOfficial: doc.officials.at(-1) ?? null,
    answeringOfficial: answeringOfficial(doc, tree, day),
    flaggedAgainst: named(tree, doc.unitId),
    answeringUnit: named(tree, tree.answeringFor(doc.unitId, day)),
    inspectionUnit: named(tree, doc.inspectionUnitId),
    report: doc.report,
    overdue: remediationOverdue(doc, now),
    scenario: doc.scenario,
    synthetic: doc.synthetic,
  };
}

// Trees are cached per unit version (UnitTrees), so their ordering is computed once each.
const ordinalsByTree = new WeakMap<UnitTree, ReadonlyMap<string, number>>();

/**
 * Each unit's place when the register is sorted by unit: by the name of the unit answering
 * for it, then by its own name (Vietnamese collation), so a merged province's items sit with
 * its successor's.
 */
export function unitOrdinals(tree: UnitTree): ReadonlyMap<string, number> {
  const known = ordinalsByTree.get(tree);
  if (known) return known;
  const collator = new Intl.Collator('vi');
  const keyed = tree.units.map((u) => ({
    id: u.id,
    answering: tree.nameOf(tree.eventualAnswerer(u.id)),
    own: u.nameVi,
  }));
  keyed.sort(
    (a, b) => collator.compare(a.answering, b.answering) || collator.compare(a.own, b.own) || cmp(a.id, b.id),
  );
  const ordinals = new Map(keyed.map((k, i) => [k.id, i]));
  ordinalsByTree.set(tree, ordinals);
  return ordinals;
}

// Code-unit order, which for the ids in use is PostgreSQL's "C" collation.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const rank = (list: readonly string[], value: string) => {
  const i = list.indexOf(value);
  return i < 0 ? Number.POSITIVE_INFINITY : i;
};

/** The register's order over documents, as the SQL orders the same columns (nulls last when ascending). */
export function registerComparator(
  paging: Pick<RegisterPaging, 'sort' | 'order'>,
  ordinals: ReadonlyMap<string, number>,
): (a: ShortcomingDocument, b: ShortcomingDocument) => number {
  const key = (d: ShortcomingDocument): string | number => {
    switch (paging.sort) {
      case 'flaggedOn':
        return d.flaggedOn;
      case 'targetDate':
        return d.targetDate ?? '\uffff';
      case 'severity':
        return rank(shortcomingSeverities, d.severity);
      case 'unit':
        return ordinals.get(d.unitId) ?? Number.POSITIVE_INFINITY;
      case 'status':
        return rank(shortcomingStatuses, d.status);
    }
  };
  const sign = paging.order === 'asc' ? 1 : -1;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    const byKey = ka < kb ? -1 : ka > kb ? 1 : 0;
    return sign * (byKey || cmp(a.id, b.id));
  };
}

/**
 * Whether a document (as it stood) passes the filter at `now`; `officialOf` names who answers
 * for it personally (asked only when the filter names an official).
 */
export function inRegister(
  doc: ShortcomingDocument,
  filter: RegisterFilter,
  now: Date,
  officialOf: (doc: ShortcomingDocument) => string | undefined,
): boolean {
  return (
    (filter.scope === null || filter.scope.has(doc.unitId)) &&
    (filter.statuses.length === 0 || filter.statuses.includes(doc.status)) &&
    (filter.categories.length === 0 || filter.categories.includes(doc.category)) &&
    (filter.severities.length === 0 || filter.severities.includes(doc.severity)) &&
    (!filter.overdue || remediationOverdue(doc, now)) &&
    (filter.official === null || officialOf(doc) === filter.official)
  );
}

/** A page of the register and how many lines match in all. */
export interface RegisterPage {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  rows: RegisterRow[];
}

/** Pages already-ordered rows with the total they came from. */
export function pageOf(rows: RegisterRow[], total: number, paging: RegisterPaging): RegisterPage {
  return {
    total,
    page: paging.page,
    pageSize: paging.pageSize,
    pages: Math.ceil(total / paging.pageSize),
    rows,
  };
}

/**
 * The register from documents alone: each taken as it stood on `validAt` (when given), then
 * filtered, ordered and paged. What the SQL path computes for the current state, and what
 * the valid-time path computes in full. `paging.pageSize` 0 means every row.
 */
export function registerView(
  docs: readonly ShortcomingDocument[],
  tree: UnitTree,
  clock: { now: Date; validAt: string | null },
  filter: RegisterFilter,
  paging: RegisterPaging,
): RegisterPage {
  const { now, validAt } = clock;
  const day = validAt ?? dateInVietnam(now);
  const officialOf = (d: ShortcomingDocument) => answeringOfficial(d, tree, day)?.personName;
  const matching = docs
    .map((d) => (validAt ? shortcomingOnDay(d, validAt) : d))
    .filter((d): d is ShortcomingDocument => d !== undefined && inRegister(d, filter, now, officialOf))
    .sort(registerComparator(paging, paging.sort === 'unit' ? unitOrdinals(tree) : new Map()));
  const start = (paging.page - 1) * paging.pageSize;
  const slice = paging.pageSize ? matching.slice(start, start + paging.pageSize) : matching;
  return pageOf(
    slice.map((d) => registerRow(d, tree, now, validAt)),
    matching.length,
    paging,
  );
}
