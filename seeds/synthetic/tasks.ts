// SYNTHETIC — one task's life after its assignment: acknowledged, progress, completion on time,
// late or never, confirmed or returned, sometimes extended or cancelled. Not real data.
import type { Deadline } from '../../events/deadline.js';
import { dueDate } from '../../src/domain/deadline.js';
import { type TaskCommand, taskDecider } from '../../src/domain/tasks/decide.js';
import { addDays, DAY_MS, dayStart, daysLater, officeHours } from './calendar.js';
import { StepList, type World } from './world.js';

/** Shares of the task outcomes: completion reported on time, late, or never. */
const fates = { onTime: 65, late: 20, never: 15 } as const;
const RETURNED = 0.1;
const EXTENDED = 0.05;
const CANCELLED = 0.02;

const grantedBy = { name: 'Deputy Head (synthetic)', title: 'Central Organizing Committee' };
const endOfDay = (date: string) => dayStart(date) + DAY_MS - 1;

/** Plans a freshly assigned task's life and schedules it on the world's timeline. */
export function planTask(
  w: World,
  taskId: string,
  leadUnitId: string,
  assignedAt: number,
  deadline: Deadline,
): void {
  const { rng, book } = w;
  const s = new StepList(assignedAt);
  const as =
    (role: 'unit' | 'inspection' | 'secretariat', command: TaskCommand) =>
    (at: number): void => {
      book.run(taskDecider, taskId, command, w.ctx(at, role, role === 'unit' ? leadUnitId : null));
    };
  const schedule = () => w.schedule(s.steps, () => book.forget('task', taskId));

  const fate = rng.weighted(fates);
  if (fate === 'never' && rng.chance(0.3)) {
    // never even acknowledged
    schedule();
    return;
  }
  s.add(daysLater(rng, assignedAt, rng.int(1, 6)), as('unit', { type: 'AcknowledgeTask', note: null }));
  if (rng.chance(CANCELLED)) {
    s.add(
      daysLater(rng, s.at, rng.int(5, 30)),
      as('secretariat', { type: 'CancelTask', reason: 'Withdrawn: overtaken by a later plan (synthetic)' }),
    );
    schedule();
    return;
  }

  let due = dueDate(deadline);
  if (due === null) {
    // Standing work ("continue to…"): progress reports, never a completion.
    for (let i = rng.int(1, 3); i > 0; i--) {
      s.add(
        daysLater(rng, s.at, rng.int(20, 60)),
        progress(as, 'Continuing work under way (synthetic)', null),
      );
    }
    schedule();
    return;
  }
  if (rng.chance(EXTENDED)) {
    const extended = addDays(due, rng.int(15, 45));
    s.add(
      officeHours(rng, Math.max(s.at + DAY_MS, endOfDay(due) - rng.int(2, 10) * DAY_MS)),
      as('secretariat', {
        type: 'ExtendTaskDeadline',
        newDeadline: { kind: 'date', date: extended },
        grantedBy,
        reason: 'Depends on a decree not yet issued (synthetic)',
      }),
    );
    due = extended;
  }

  const dueAt = endOfDay(due);
  const earliest = s.at + 2 * DAY_MS;
  const completeAt =
    fate === 'onTime' && earliest < dueAt
      ? earliest + rng.next() * (dueAt - earliest - 12 * 60 * 60 * 1000)
      : fate === 'never'
        ? null
        : Math.max(earliest, dueAt + rng.int(2, 45) * DAY_MS);
  const until = completeAt ?? dueAt + 30 * DAY_MS;
  const reports = rng.int(1, 3);
  for (let i = 1; i <= reports; i++) {
    const at = s.at + ((until - s.at) * i) / (reports + 1);
    const percent = Math.round((80 * i) / (reports + 1) / 5) * 5 + 10;
    s.add(officeHours(rng, at), progress(as, `Implementation at about ${percent}% (synthetic)`, percent));
  }
  if (completeAt === null) {
    schedule();
    return;
  }

  const complete = as('unit', {
    type: 'ReportTaskCompletion',
    summary: 'Done as planned; report filed (synthetic)',
    evidence: [{ kind: 'document', code: `SYN-BC-${taskId.slice(0, 8)}` }],
  });
  s.add(officeHours(rng, completeAt), complete);
  if (rng.chance(RETURNED)) {
    s.add(
      daysLater(rng, s.at, rng.int(2, 8)),
      as('inspection', {
        type: 'ReturnTaskCompletion',
        reason: 'Evidence incomplete (synthetic)',
        note: null,
      }),
    );
    s.add(daysLater(rng, s.at, rng.int(4, 15)), complete);
  }
  s.add(daysLater(rng, s.at, rng.int(2, 8)), as('inspection', { type: 'ConfirmTaskCompletion', note: null }));
  schedule();
}

function progress(
  as: (role: 'unit', command: TaskCommand) => (at: number) => void,
  narrative: string,
  percent: number | null,
) {
  return as('unit', { type: 'ReportTaskProgress', narrative, percent });
}
