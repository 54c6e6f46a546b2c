import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { UnitTree } from '../read/unit-tree.js';
import {
  type AccountabilityClock,
  answeringDay,
  asStood,
  isOpen,
  shortcomingAnswererOn,
} from './accountability.js';
import { remediationOverdue, taskOverdue, taskOwed } from './item-state.js';

/** Owed tasks of one unit with one due day (null: recurring or open-ended), counted. */
export interface OwedTaskGroup {
  unitId: string;
  dueOn: string | null;
  count: number;
}

/** Owed tasks as they stood on the day, counted by unit and due day. */
export function owedTaskGroups(tasks: readonly TaskDocument[], clock: AccountabilityClock): OwedTaskGroup[] {
  const groups = new Map<string, OwedTaskGroup>();
  for (const doc of tasks) {
    const t = asStood(doc, clock);
    if (!t || !taskOwed(t)) continue;
    const key = `${t.leadUnitId}\u0000${t.dueOn ?? ''}`;
    const g = groups.get(key) ?? { unitId: t.leadUnitId, dueOn: t.dueOn, count: 0 };
    g.count += 1;
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** An official who answers for something on the day, at one unit, with what they answer for. */
export interface AccountableOfficialLine {
  personName: string;
  title: string;
  unitId: string;
  unitName: string;
  /** Whether they head that unit on the day (else they were named for particular shortcomings). */
  isHead: boolean;
  tasks: number;
  overdueTasks: number;
  shortcomings: number;
  overdueRemediations: number;
}

/** Every official answering for something on the day, and what nobody is named for. */
export interface AccountableOfficials {
  officials: AccountableOfficialLine[];
  /** Obligations of answering units with no head on record and no official named. */
  unanswered: { tasks: number; shortcomings: number };
}

/** Folds a name for search: lower case, without diacritics (đ as d), so "ha giang" finds "Hà Giang". */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd');
}

/**
 * Who answers for what on the day: the heads of the units answering for owed tasks, and the
 * officials answering for open shortcomings (named for them, else the answering unit's head),
 * with counts; `name` keeps those whose name contains it, ignoring case and diacritics.
 * Shortcomings are mapped to the day here; task groups come already counted for it.
 */
export function accountableOfficials(
  tree: UnitTree,
  owedTasks: readonly OwedTaskGroup[],
  shortcomings: readonly ShortcomingDocument[],
  clock: AccountabilityClock,
  name?: string,
): AccountableOfficials {
  const day = answeringDay(clock);
  const lines = new Map<string, AccountableOfficialLine>();
  const unanswered = { tasks: 0, shortcomings: 0 };
  const lineOf = (unitId: string, official: { title: string; personName: string }) => {
    const key = JSON.stringify([unitId, official.title, official.personName]);
    let line = lines.get(key);
    if (!line) {
      const head = tree.headOn(unitId, day);
      line = {
        personName: official.personName,
        title: official.title,
        unitId,
        unitName: tree.nameOf(unitId),
        isHead: head?.personName === official.personName && head.title === official.title,
        tasks: 0,
        overdueTasks: 0,
        shortcomings: 0,
        overdueRemediations: 0,
      };
      lines.set(key, line);
    }
    return line;
  };

  for (const g of owedTasks) {
    const answering = tree.answeringFor(g.unitId, day);
    const head = tree.headOn(answering, day);
    if (!head) {
      unanswered.tasks += g.count;
      continue;
    }
    const line = lineOf(answering, head);
    line.tasks += g.count;
    // Every task of a group is owed; the status only tells taskOverdue so.
    if (taskOverdue({ status: 'assigned', dueOn: g.dueOn }, clock.now)) line.overdueTasks += g.count;
  }
  for (const doc of shortcomings) {
    const s = asStood(doc, clock);
    if (!s || !isOpen(s)) continue;
    const span = shortcomingAnswererOn(s, tree, day);
    if (!span) continue;
    if (!span.official) {
      unanswered.shortcomings += 1;
      continue;
    }
    const line = lineOf(span.unitId, span.official);
    line.shortcomings += 1;
    if (remediationOverdue(s, clock.now)) line.overdueRemediations += 1;
  }

  const wanted = name ? foldName(name) : undefined;
  const officials = [...lines.values()]
    .filter((l) => wanted === undefined || foldName(l.personName).includes(wanted))
    .sort(
      (a, b) =>
        b.tasks + b.shortcomings - (a.tasks + a.shortcomings) ||
        a.personName.localeCompare(b.personName, 'vi') ||
        a.unitId.localeCompare(b.unitId),
    );
  return { officials, unanswered };
}
