import type { Deadline } from '../../events/deadline.js';
import type { DirectiveDocument } from '../../projections/views/directives.js';
import type { Transition } from '../../projections/views/marks.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { UnitTree } from '../read/unit-tree.js';
import { completedOnTime, onDay, taskOverdue } from './item-state.js';
import { stateInstant } from './unit-gaps.js';

/** What a task's standing is judged from; `n` tasks alike (a tally may group identical ones). */
export interface TaskTallyLine {
  status: string;
  dueOn: string | null;
  completedOn: string | null;
  transitions: Transition[];
  n: number;
}

/** Tasks counted by state, and how many were done on time, done late, or are overdue. */
export interface Tally {
  tasks: number;
  byStatus: Record<string, number>;
  onTime: number;
  late: number;
  overdue: number;
}

/** The clock progress is judged at: `now`, and the day described (validAt), if any. */
export interface ProgressClock {
  now: Date;
  validAt: string | null;
}

/** How a task stands against its deadline: done on time, done late, overdue, or none of these. */
export type Outcome = 'on_time' | 'late' | 'overdue' | null;

/** A task's outcome at `now`, given the status it had then. */
export function outcomeOf(t: Pick<TaskDocument, 'status' | 'dueOn' | 'completedOn'>, now: Date): Outcome {
  if (t.status === 'completed') {
    const onTime = completedOnTime(t);
    return onTime === null ? null : onTime ? 'on_time' : 'late';
  }
  return taskOverdue(t, now) ? 'overdue' : null;
}

/** The line as it stood on the clock's day; undefined when it did not exist yet. */
export function standing<L extends { status: string; transitions: Transition[] }>(
  line: L,
  clock: ProgressClock,
): L | undefined {
  return clock.validAt ? onDay(line, stateInstant(clock.validAt)) : line;
}

/** Counts lines by state and outcome at the clock. */
export function tally(lines: readonly TaskTallyLine[], clock: ProgressClock): Tally {
  const t: Tally = { tasks: 0, byStatus: {}, onTime: 0, late: 0, overdue: 0 };
  for (const known of lines) {
    const line = standing(known, clock);
    if (!line) continue;
    t.tasks += line.n;
    t.byStatus[line.status] = (t.byStatus[line.status] ?? 0) + line.n;
    const outcome = outcomeOf(line, clock.now);
    if (outcome === 'on_time') t.onTime += line.n;
    else if (outcome === 'late') t.late += line.n;
    else if (outcome === 'overdue') t.overdue += line.n;
  }
  return t;
}

/** One lead unit's task under a clause. */
export interface UnitProgress {
  taskId: string;
  unitId: string;
  unitName: string;
  status: string;
  dueOn: string | null;
  completedOn: string | null;
  outcome: Outcome;
  extensions: number;
  scenario: boolean;
  synthetic: boolean;
}

/** A clause's progress: its tasks counted, and each lead unit's task. */
export interface ClauseProgress {
  reference: string;
  text: string;
  groupLabel: string | null;
  deadline: Deadline | null;
  tally: Tally;
  units: UnitProgress[];
}

/** A directive's progress, clause by clause. */
export interface DirectiveProgress {
  code: string;
  kind: string;
  title: string;
  issuedOn: string;
  issuingUnitId: string;
  scenario: boolean;
  synthetic: boolean;
  tally: Tally;
  clauses: ClauseProgress[];
}

const asLine = (t: TaskDocument): TaskTallyLine & TaskDocument => ({ ...t, n: 1 });

/**
 * A directive's progress at the clock: per clause, its tasks by state, done on time or late,
 * overdue, and each lead unit's task (the per-unit breakdown of a group clause). Tasks that
 * did not exist on `validAt` are left out.
 */
export function directiveProgress(
  directive: DirectiveDocument,
  tasks: readonly TaskDocument[],
  tree: UnitTree,
  clock: ProgressClock,
): DirectiveProgress {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const clauses = directive.clauses.map((c): ClauseProgress => {
    const docs = c.taskIds.flatMap((id) => byId.get(id) ?? []);
    const units = docs.flatMap((d): UnitProgress[] => {
      const t = standing(d, clock);
      if (!t) return [];
      return [
        {
          taskId: t.id,
          unitId: t.leadUnitId,
          unitName: tree.nameOf(t.leadUnitId),
          status: t.status,
          dueOn: t.dueOn,
          completedOn: t.status === 'completed' ? t.completedOn : null,
          outcome: outcomeOf(t, clock.now),
          extensions: t.extensions,
          scenario: t.scenario,
          synthetic: t.synthetic,
        },
      ];
    });
    return {
      reference: c.reference,
      text: c.text,
      groupLabel: c.groupLabel,
      deadline: c.deadline,
      tally: tally(docs.map(asLine), clock),
      units,
    };
  });
  return {
    code: directive.code,
    kind: directive.kind,
    title: directive.title,
    issuedOn: directive.issuedOn,
    issuingUnitId: directive.issuingUnitId,
    scenario: directive.scenario,
    synthetic: directive.synthetic,
    tally: tally(tasks.map(asLine), clock),
    clauses,
  };
}

/** A directive as the summary lists it, without its clauses. */
export type DirectiveHeading = Omit<DirectiveDocument, 'clauses'> & { clauseCount: number };

/** One line per directive: its clauses and its tasks counted at the clock. */
export function directivesSummary(
  directives: readonly DirectiveHeading[],
  lines: readonly (TaskTallyLine & { directiveCode: string })[],
  clock: ProgressClock,
) {
  const byCode = new Map<string, TaskTallyLine[]>();
  for (const l of lines) {
    const known = byCode.get(l.directiveCode);
    if (known) known.push(l);
    else byCode.set(l.directiveCode, [l]);
  }
  return directives.map((d) => ({
    code: d.code,
    kind: d.kind,
    title: d.title,
    issuedOn: d.issuedOn,
    issuingUnitId: d.issuingUnitId,
    clauses: d.clauseCount,
    scenario: d.scenario,
    synthetic: d.synthetic,
    tally: tally(byCode.get(d.code) ?? [], clock),
  }));
}
