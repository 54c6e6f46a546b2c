// SYNTHETIC — what every planner shares: the random stream, ids, streams, clock and register.
import type { Role } from '../../src/auth/principal.js';
import type { CommandContext } from '../../src/domain/decider.js';
import { DAY_MS, dateOf, dayStart, windowEnd } from './calendar.js';
import { type SyntheticIds, syntheticContext } from './context.js';
import type { Random } from './random.js';
import type { StreamBook } from './streams.js';
import { Timeline } from './timeline.js';
import type { SyntheticRegister } from './units.js';

const OFFICE_OPENS = 8 * 60 * 60 * 1000;

/** One thing that happens at a moment: it runs commands through the stream book. */
export interface Step {
  at: number;
  act: () => void;
}

/** A sequence of steps of one item (a task, a shortcoming…), and what to do after the last. */
export interface Plan {
  steps: Step[];
  next: number;
  done?: () => void;
}

/** The generator's shared state; planners schedule steps, the driver runs them in time order. */
export class World {
  readonly timeline = new Timeline<Plan>();
  private readonly counters = new Map<string, number>();

  constructor(
    readonly rng: Random,
    readonly ids: SyntheticIds,
    readonly book: StreamBook,
    readonly register: SyntheticRegister,
  ) {}

  /** The context of a command at `at`, in a role, perhaps on a unit's behalf. */
  ctx(at: number, role: Role, onBehalfOf: string | null = null): CommandContext {
    return syntheticContext(this.ids, at, role, onBehalfOf);
  }

  /** The next number in a named sequence (directive numbers, report numbers), from 1. */
  count(name: string): number {
    const n = (this.counters.get(name) ?? 0) + 1;
    this.counters.set(name, n);
    return n;
  }

  /** Schedules a plan's steps; those after the simulated year are left out. */
  schedule(steps: Step[], done?: () => void): void {
    const kept = steps.filter((s) => s.at <= windowEnd);
    if (kept.length === 0) {
      done?.();
      return;
    }
    this.timeline.push((kept[0] as Step).at, { steps: kept, next: 0, done });
  }
}

/**
 * Builds one item's steps, each on a later day than the one before (and than the start, when
 * the start itself wrote to the stream): a stream then never has two events in one day's batch.
 */
export class StepList {
  readonly steps: Step[] = [];

  constructor(
    private last: number,
    startWrote = true,
  ) {
    // A start that wrote nothing only bounds the first step from below.
    if (!startWrote) this.last = dayStart(dateOf(last)) - DAY_MS;
  }

  /** The time of the latest step (or the start). */
  get at(): number {
    return this.last;
  }

  /** Adds a step at `at`, or at the next morning if `at` is not on a later day; returns its time. */
  add(at: number, act: (at: number) => void): number {
    const time = Math.max(at, dayStart(dateOf(this.last)) + DAY_MS + OFFICE_OPENS);
    this.steps.push({ at: time, act: () => act(time) });
    this.last = time;
    return time;
  }
}
