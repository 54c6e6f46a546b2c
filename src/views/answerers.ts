import type { OfficialTerm, ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { UnitTree } from '../read/unit-tree.js';

/** Who answered personally: a named accountable official, or the head of the answering unit. */
export interface Answerer {
  title: string;
  personName: string;
  since: string;
  source: 'named' | 'head';
}

/** One span of who answered for an item: [from, until) in valid days, until null while it lasts. */
export interface AnswerSpan {
  from: string;
  until: string | null;
  unitId: string;
  unitName: string;
  official: Answerer | null;
}

/** What the answerers of an item are computed from: its unit, its life, and named officials. */
export interface AnswerableItem {
  unitId: string;
  /** The day it was assigned or flagged. */
  startedOn: string;
  /** The day nobody answers for it any more (closed, completed, ended), if it came. */
  endedOn: string | null;
  /** Officials named to answer for it (shortcomings), in order, each from its `since`. */
  officials: readonly OfficialTerm[];
}

/** A task as an answerable item: the head of the answering unit answers for it. */
export function taskItem(t: TaskDocument): AnswerableItem {
  return {
    unitId: t.leadUnitId,
    startedOn: t.assignedOn,
    endedOn: t.closedOn ?? t.completedOn,
    officials: [],
  };
}

/** A shortcoming as an answerable item: its named accountable officials answer for it. */
export function shortcomingItem(s: ShortcomingDocument): AnswerableItem {
  return { unitId: s.unitId, startedOn: s.flaggedOn, endedOn: s.closedOn, officials: s.officials };
}

const within = (day: string, from: string, until: string | null) =>
  from <= day && (until === null || day < until);

/**
 * Who answered for an item when: the item's unit until it merged, then each successor from the
 * merger's date; within a unit's span, an official named while that unit answered (from the day
 * named), otherwise the unit's head in office. An official named for a predecessor does not
 * carry over a merger: the successor's head answers until someone is named for it.
 */
export function answerers(item: AnswerableItem, tree: UnitTree): AnswerSpan[] {
  // Start from whoever answered on the first day: an item flagged against a unit that had
  // already merged belongs to the successor from the outset.
  const first = tree.answeringFor(item.unitId, item.startedOn);
  const unitSpans = tree
    .answerersSince(first, item.startedOn)
    .map((s) => ({ ...s, from: s.from ?? item.startedOn }))
    .map((s) => ({ ...s, until: clipUntil(s.until, item.endedOn) }))
    // A closed item stops passing on: successors formed after it closed never answered for it.
    .filter((s, i) => i === 0 || s.until === null || s.from < s.until);
  const spans: AnswerSpan[] = [];
  for (const u of unitSpans) {
    const named = item.officials.filter((o) => within(o.since, u.from, u.until));
    const heads = tree.get(u.unitId)?.heads ?? [];
    const breaks = new Set([u.from]);
    for (const term of [...heads, ...named])
      if (u.from < term.since && within(term.since, u.from, u.until)) breaks.add(term.since);
    const days = [...breaks].sort();
    days.forEach((from, i) => {
      const until = days[i + 1] ?? u.until;
      const official = officialOn(named, tree, u.unitId, from);
      const last = spans.at(-1);
      if (last && last.unitId === u.unitId && sameOfficial(last.official, official)) {
        last.until = until;
      } else {
        spans.push({ from, until, unitId: u.unitId, unitName: tree.nameOf(u.unitId), official });
      }
    });
  }
  return spans;
}

/** The span answering on a day, if the item existed and was still answered for then. */
export function answeringOn(spans: readonly AnswerSpan[], day: string): AnswerSpan | undefined {
  return spans.find((s) => within(day, s.from, s.until));
}

function clipUntil(until: string | null, endedOn: string | null): string | null {
  if (endedOn === null) return until;
  return until === null || endedOn < until ? endedOn : until;
}

function officialOn(
  named: readonly OfficialTerm[],
  tree: UnitTree,
  unitId: string,
  day: string,
): Answerer | null {
  const last = named.filter((o) => o.since <= day).at(-1);
  if (last) return { title: last.title, personName: last.personName, since: last.since, source: 'named' };
  const head = tree.headOn(unitId, day);
  return head ? { title: head.title, personName: head.personName, since: head.since, source: 'head' } : null;
}

function sameOfficial(a: Answerer | null, b: Answerer | null): boolean {
  if (a === null || b === null) return a === b;
  return a.title === b.title && a.personName === b.personName && a.source === b.source && a.since === b.since;
}

/**
 * Who answers personally for a shortcoming on a day, as the accountability view has it: the
 * official named while its answering unit answers, else that unit's head in office; for one
 * closed by then, whoever answered last. Null when nobody is on record.
 */
export function answeringOfficial(doc: ShortcomingDocument, tree: UnitTree, day: string): Answerer | null {
  const spans = answerers(shortcomingItem(doc), tree);
  const closed = doc.closedOn !== null && doc.closedOn <= day;
  return (answeringOn(spans, day) ?? (closed ? spans.at(-1) : undefined))?.official ?? null;
}
