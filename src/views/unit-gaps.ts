import { shortcomingSeverities } from '../../events/shortcomings.js';
import type { Transition } from '../../projections/views/marks.js';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import { deadlineOf } from '../domain/monthly-reports/filing-status.js';
import { dateInVietnam } from '../domain/occurred-at.js';
import type { UnitTree } from '../read/unit-tree.js';
import {
  onDay,
  openShortcomingStatuses,
  remediationOverdue,
  taskDueSoon,
  taskOverdue,
} from './item-state.js';
import {
  expectedReporters,
  type FiledReport,
  monthStandings,
  type ReportingObligation,
  type ReportStanding,
} from './reporting-units.js';

/** The instant a validAt day describes: the last moment of that day in Vietnam. */
export function stateInstant(validAt: string): Date {
  return new Date(deadlineOf(validAt).getTime() - 1);
}

/** A task as the gaps need it to decide: who leads it, where it stands, when it is due. */
export interface TaskLine {
  id: string;
  unitId: string;
  status: string;
  dueOn: string | null;
  transitions: Transition[];
}

/** A shortcoming as the gaps need it to decide and order. */
export interface ShortcomingLine {
  id: string;
  unitId: string;
  status: string;
  severity: string;
  targetDate: string | null;
  transitions: Transition[];
}

/** The sections of a unit's gaps, in the order the page shows them. */
export const gapSections = [
  'openShortcomings',
  'awaitingVerification',
  'overdueTasks',
  'tasksDueSoon',
  'monthlyReports',
] as const;

/** One section of the gaps. */
export type GapSection = (typeof gapSections)[number];

/** How many items each section holds. */
export type GapCounts = Record<GapSection, number>;

/** What the gaps of a unit are computed from. */
export interface GapsInput {
  tree: UnitTree;
  unitId: string;
  now: Date;
  validAt: string | null;
  dueWithinDays: number;
  tasks: readonly TaskLine[];
  shortcomings: readonly ShortcomingLine[];
  /** The reporting months looked at, newest first. */
  months: readonly string[];
  obligations: readonly ReportingObligation[];
  reports: readonly FiledReport[];
}

/** A unit directly under the one reviewed (or that unit itself, `own`), with its counts. */
export interface RollUpRow extends GapCounts {
  unitId: string;
  name: string;
  own: boolean;
  total: number;
}

/** Every gap of the scope, sorted, with the unit each rolls up to. */
export interface FoundGaps {
  openShortcomings: ShortcomingLine[];
  awaitingVerification: ShortcomingLine[];
  overdueTasks: TaskLine[];
  tasksDueSoon: TaskLine[];
  monthlyReports: ReportStanding[];
  totals: GapCounts;
  rollUp: RollUpRow[];
}

const zero = (): GapCounts => ({
  openShortcomings: 0,
  awaitingVerification: 0,
  overdueTasks: 0,
  tasksDueSoon: 0,
  monthlyReports: 0,
});

// The gravest first: critical, high, medium, low.
const severityRank = (s: string) =>
  -shortcomingSeverities.indexOf(s as (typeof shortcomingSeverities)[number]);
// Dates (YYYY-MM-DD) and ids are ASCII: code-unit order is their order, and much cheaper than
// a collation over the thousands of lines of a province.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDue = (a: TaskLine, b: TaskLine) => byText(a.dueOn ?? '', b.dueOn ?? '') || byText(a.id, b.id);
const byGravity = (a: ShortcomingLine, b: ShortcomingLine) =>
  severityRank(a.severity) - severityRank(b.severity) ||
  byText(a.targetDate ?? '9999', b.targetDate ?? '9999') ||
  byText(a.id, b.id);

/**
 * The gaps of a unit and everything it answers for: shortcomings still owing a remedy,
 * remedies awaiting verification, overdue and soon-due tasks at `now`, and monthly reports
 * late or missing; counted per unit directly under it. On `validAt` each item stands as it
 * did that day (items not yet existing drop out).
 */
export function findGaps(input: GapsInput): FoundGaps {
  const { tree, unitId: root, now } = input;
  const at = input.validAt ? stateInstant(input.validAt) : null;
  const asOfDay = <L extends { status: string; transitions: Transition[] }>(lines: readonly L[]) =>
    at ? lines.flatMap((l) => onDay(l, at) ?? []) : [...lines];

  const shortcomings = asOfDay(input.shortcomings).filter((s) => openShortcomingStatuses.includes(s.status));
  const tasks = asOfDay(input.tasks);
  const reports = input.months.flatMap((period) => {
    const expected = expectedReporters(input.obligations, period);
    return monthStandings(period, expected, input.reports, now).expected.filter(
      (r) => r.status === 'late' || r.status === 'missing',
    );
  });
  const found = {
    openShortcomings: shortcomings.filter((s) => s.status !== 'remediation_reported').sort(byGravity),
    awaitingVerification: shortcomings.filter((s) => s.status === 'remediation_reported').sort(byGravity),
    overdueTasks: tasks.filter((t) => taskOverdue(t, now)).sort(byDue),
    tasksDueSoon: tasks.filter((t) => taskDueSoon(t, now, input.dueWithinDays)).sort(byDue),
    monthlyReports: reports.sort(
      (a, b) =>
        b.period.localeCompare(a.period) || tree.nameOf(a.unitId).localeCompare(tree.nameOf(b.unitId)),
    ),
  };

  const rows = new Map<string, RollUpRow>();
  const row = (unitId: string, own: boolean) => {
    const r = { unitId, name: tree.nameOf(unitId), own, total: 0, ...zero() };
    rows.set(unitId, r);
    return r;
  };
  row(root, true);
  for (const child of tree.childrenOf(root)) row(child.id, false);
  const totals = zero();
  for (const section of gapSections) {
    for (const item of found[section]) {
      const to = tree.rollUpTo(root, item.unitId) ?? root;
      const r = rows.get(to) ?? row(to, false);
      r[section]++;
      r.total++;
      totals[section]++;
    }
  }
  const [own, ...children] = [...rows.values()];
  children.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return { ...found, totals, rollUp: own ? [own, ...children] : children };
}

/** What a listed item never shows: its history, the deadline's wording, the remedy's texts. */
export const unlistedTaskKeys = ['transitions', 'groupLabel', 'deadline', 'originalDeadline'] as const;
export const unlistedShortcomingKeys = ['transitions', 'report', 'plan'] as const;

/** A task as the gaps page lists it: its document without what the page never shows. */
export type ListedTask = Omit<TaskDocument, (typeof unlistedTaskKeys)[number]>;

/** A shortcoming as the gaps page lists it. */
export type ListedShortcoming = Omit<ShortcomingDocument, (typeof unlistedShortcomingKeys)[number]>;

/** A listed shortcoming: what it is, against whom, who answers, where it stands. */
export function shortcomingItem(
  tree: UnitTree,
  root: string,
  s: ListedShortcoming,
  line: ShortcomingLine,
  now: Date,
) {
  const official = s.officials.at(-1) ?? null;
  return {
    id: s.id,
    unitId: s.unitId,
    unitName: tree.nameOf(s.unitId),
    answeringUnitId: tree.answeringFor(s.unitId, dateInVietnam(now)),
    rollsUpTo: tree.rollUpTo(root, s.unitId) ?? root,
    category: s.category,
    severity: s.severity,
    description: s.description,
    status: line.status,
    flaggedOn: s.flaggedOn,
    targetDate: s.targetDate,
    remediationOverdue: remediationOverdue({ status: line.status, targetDate: s.targetDate }, now),
    remediationReportedOn: line.status === 'remediation_reported' ? s.remediationReportedOn : null,
    official: official && { title: official.title, personName: official.personName },
    scenario: s.scenario,
    synthetic: s.synthetic,
  };
}

/** A listed task: which clause of which directive, who leads it, by when. */
export function taskItem(tree: UnitTree, root: string, t: ListedTask, line: TaskLine) {
  return {
    id: t.id,
    directiveCode: t.directiveCode,
    clauseReference: t.clauseReference,
    leadUnitId: t.leadUnitId,
    unitName: tree.nameOf(t.leadUnitId),
    rollsUpTo: tree.rollUpTo(root, t.leadUnitId) ?? root,
    description: t.description,
    status: line.status,
    dueOn: t.dueOn,
    extensions: t.extensions,
    percent: t.percent,
    scenario: t.scenario,
    synthetic: t.synthetic,
  };
}

/** A listed monthly report, late or missing. */
export function reportItem(tree: UnitTree, root: string, r: ReportStanding) {
  return { ...r, unitName: tree.nameOf(r.unitId), rollsUpTo: tree.rollUpTo(root, r.unitId) ?? root };
}

/** A listed item of any section. */
export type ShortcomingItem = ReturnType<typeof shortcomingItem>;
export type TaskItem = ReturnType<typeof taskItem>;
export type ReportItem = ReturnType<typeof reportItem>;

/** The documents the listed items are described from. */
export interface GapDocuments {
  tasks: ReadonlyMap<string, ListedTask>;
  shortcomings: ReadonlyMap<string, ListedShortcoming>;
}

/** The first `cap` items of each section: the ids whose documents the page needs. */
export function listedIds(found: FoundGaps, cap: number) {
  const ids = (lines: { id: string }[]) => lines.slice(0, cap).map((l) => l.id);
  return {
    tasks: [...ids(found.overdueTasks), ...ids(found.tasksDueSoon)],
    shortcomings: [...ids(found.openShortcomings), ...ids(found.awaitingVerification)],
  };
}

/** The gaps page: each section's full count and its first `cap` items, described. */
export function unitGapsSections(input: GapsInput, found: FoundGaps, docs: GapDocuments, cap: number) {
  const { tree, unitId: root, now } = input;
  const section = <L, I>(lines: L[], describe: (l: L) => I | undefined) => ({
    total: lines.length,
    items: lines.slice(0, cap).flatMap((l) => describe(l) ?? []),
  });
  const sc = (l: ShortcomingLine) => {
    const d = docs.shortcomings.get(l.id);
    return d && shortcomingItem(tree, root, d, l, now);
  };
  const task = (l: TaskLine) => {
    const d = docs.tasks.get(l.id);
    return d && taskItem(tree, root, d, l);
  };
  return {
    openShortcomings: section(found.openShortcomings, sc),
    awaitingVerification: section(found.awaitingVerification, sc),
    overdueTasks: section(found.overdueTasks, task),
    tasksDueSoon: section(found.tasksDueSoon, task),
    monthlyReports: section(found.monthlyReports, (r) => reportItem(tree, root, r)),
  };
}

/** The gaps page's sections, as built. */
export type GapSections = ReturnType<typeof unitGapsSections>;
