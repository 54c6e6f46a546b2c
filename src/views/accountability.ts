import type { OfficialTerm, ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import { deadlineOf } from '../domain/monthly-reports/filing-status.js';
import { dateInVietnam } from '../domain/occurred-at.js';
import type { UnitTree } from '../read/unit-tree.js';
import { type Answerer, type AnswerSpan, answerers, answeringOn, shortcomingItem } from './answerers.js';
import {
  onDay,
  openShortcomingStatuses,
  remediationOverdue,
  taskDueSoon,
  taskOverdue,
  taskOwed,
} from './item-state.js';

/** The clock an accountability view answers against (a ViewClock fits). */
export interface AccountabilityClock {
  now: Date;
  validAt: string | null;
}

/** The day "now" means for who answers: validAt, else the day of the clock in Vietnam. */
export function answeringDay(clock: AccountabilityClock): string {
  return clock.validAt ?? dateInVietnam(clock.now);
}

/** The item as it stood at the end of validAt (undefined if it did not exist yet); as known, without one. */
export function asStood<D extends { transitions: TaskDocument['transitions']; status: string }>(
  doc: D,
  clock: AccountabilityClock,
): D | undefined {
  return clock.validAt ? onDay(doc, new Date(deadlineOf(clock.validAt).getTime() - 1)) : doc;
}

/** The units whose open obligations a unit answers for on a day: itself, unless it ended, and every predecessor passed to it. */
export function answeredUnits(tree: UnitTree, unitId: string, day: string): string[] {
  // Every unit, not just recorded predecessors: a split records obligations on one side only.
  return tree.units.filter((u) => tree.answeringFor(u.id, day) === unitId).map((u) => u.id);
}

/** An owed task in an accountability list. */
export interface OwedTaskLine {
  id: string;
  directiveCode: string;
  clauseReference: string;
  description: string;
  status: string;
  dueOn: string | null;
  overdue: boolean;
  dueSoon: boolean;
  scenario: boolean;
  synthetic: boolean;
}

/** An open shortcoming in an accountability list, with who answers for it personally. */
export interface OpenShortcomingLine {
  id: string;
  category: string;
  severity: string;
  description: string;
  status: string;
  flaggedOn: string;
  targetDate: string | null;
  remediationOverdue: boolean;
  official: Answerer | null;
  scenario: boolean;
  synthetic: boolean;
}

/** Obligations a unit took over from one predecessor. */
export interface InheritedObligations {
  predecessorId: string;
  predecessorName: string;
  /** The day it merged (or split) and its obligations passed on. */
  mergedOn: string | null;
  how: string;
  tasks: OwedTaskLine[];
  shortcomings: OpenShortcomingLine[];
}

/** What a unit answers for on a day: its own obligations and those inherited through mergers. */
export interface UnitAccountability {
  unit: {
    id: string;
    name: string;
    nameEn: string | null;
    kind: string;
    status: string;
    endedOn: string | null;
  };
  head: OfficialTerm | null;
  /** Who answers for the unit's obligations on the day: itself, or its successor once it ended. */
  answeringUnitId: string;
  totals: { tasks: number; overdueTasks: number; shortcomings: number; overdueRemediations: number };
  own: { tasks: OwedTaskLine[]; shortcomings: OpenShortcomingLine[] };
  inherited: InheritedObligations[];
}

/**
 * A unit's accountability from candidate documents (those of the units it answers for, as
 * known): each as it stood on the day, kept when still owed or open and answered for by it.
 */
export function unitAccountability(
  tree: UnitTree,
  unitId: string,
  tasks: readonly TaskDocument[],
  shortcomings: readonly ShortcomingDocument[],
  clock: AccountabilityClock,
): UnitAccountability | undefined {
  const unit = tree.get(unitId);
  if (!unit) return undefined;
  const day = answeringDay(clock);
  const answers = (id: string) => tree.answeringFor(id, day) === unitId;
  const taskLines = tasks
    .map((t) => asStood(t, clock))
    .filter((t): t is TaskDocument => t !== undefined && taskOwed(t) && answers(t.leadUnitId))
    .sort(byDueThenId)
    .map((t) => ({ unitId: t.leadUnitId, line: owedTaskLine(t, clock.now) }));
  const shortcomingLines = shortcomings
    .map((s) => asStood(s, clock))
    .filter((s): s is ShortcomingDocument => s !== undefined && isOpen(s) && answers(s.unitId))
    .sort((a, b) => a.flaggedOn.localeCompare(b.flaggedOn) || a.id.localeCompare(b.id))
    .map((s) => ({ unitId: s.unitId, line: openShortcomingLine(s, tree, day, clock.now) }));

  const groups = new Map<string, InheritedObligations>();
  const groupOf = (id: string) => {
    let g = groups.get(id);
    if (!g) {
      const p = tree.get(id);
      g = {
        predecessorId: id,
        predecessorName: tree.nameOf(id),
        mergedOn: p?.endedOn ?? null,
        how: p?.status ?? 'unknown',
        tasks: [],
        shortcomings: [],
      };
      groups.set(id, g);
    }
    return g;
  };
  const own: UnitAccountability['own'] = { tasks: [], shortcomings: [] };
  for (const t of taskLines) (t.unitId === unitId ? own : groupOf(t.unitId)).tasks.push(t.line);
  for (const s of shortcomingLines) (s.unitId === unitId ? own : groupOf(s.unitId)).shortcomings.push(s.line);

  return {
    unit: {
      id: unit.id,
      name: unit.nameVi,
      nameEn: unit.nameEn,
      kind: unit.kind,
      status: unit.status,
      endedOn: unit.endedOn,
    },
    head: tree.headOn(unitId, day),
    answeringUnitId: tree.answeringFor(unitId, day),
    totals: {
      tasks: taskLines.length,
      overdueTasks: taskLines.filter((t) => t.line.overdue).length,
      shortcomings: shortcomingLines.length,
      overdueRemediations: shortcomingLines.filter((s) => s.line.remediationOverdue).length,
    },
    own,
    inherited: [...groups.values()].sort(
      (a, b) =>
        (a.mergedOn ?? '').localeCompare(b.mergedOn ?? '') ||
        a.predecessorName.localeCompare(b.predecessorName, 'vi'),
    ),
  };
}

/** Whether a shortcoming still owes a remedy. */
export function isOpen(s: Pick<ShortcomingDocument, 'status'>): boolean {
  return openShortcomingStatuses.includes(s.status);
}

function byDueThenId(a: TaskDocument, b: TaskDocument): number {
  // Open-ended work (no due day) after everything dated.
  return (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id.localeCompare(b.id);
}

function owedTaskLine(t: TaskDocument, now: Date): OwedTaskLine {
  return {
    id: t.id,
    directiveCode: t.directiveCode,
    clauseReference: t.clauseReference,
    description: t.description,
    status: t.status,
    dueOn: t.dueOn,
    overdue: taskOverdue(t, now),
    dueSoon: taskDueSoon(t, now),
    scenario: t.scenario,
    synthetic: t.synthetic,
  };
}

/** Which unit and who personally answer for a shortcoming on a day (undefined outside its life). */
export function shortcomingAnswererOn(
  s: ShortcomingDocument,
  tree: UnitTree,
  day: string,
): AnswerSpan | undefined {
  return answeringOn(answerers(shortcomingItem(s), tree), day);
}

function openShortcomingLine(
  s: ShortcomingDocument,
  tree: UnitTree,
  day: string,
  now: Date,
): OpenShortcomingLine {
  return {
    id: s.id,
    category: s.category,
    severity: s.severity,
    description: s.description,
    status: s.status,
    flaggedOn: s.flaggedOn,
    targetDate: s.targetDate,
    remediationOverdue: remediationOverdue(s, now),
    official: shortcomingAnswererOn(s, tree, day)?.official ?? null,
    scenario: s.scenario,
    synthetic: s.synthetic,
  };
}
