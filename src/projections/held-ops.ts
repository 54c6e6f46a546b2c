import type { ProjectionOp, Row } from './projection.js';

/** An upsert operation. */
export type Upsert = Extract<ProjectionOp, { op: 'upsert' }>;

/**
 * Whether two upserts can be one statement's rows: the same table, and the same columns in
 * each part (rows are written by column name, so their order does not matter). Allocates
 * nothing: a rebuild asks this once per event.
 */
export function sameShape(a: Upsert, b: Upsert): boolean {
  return (
    a.table === b.table &&
    sameColumns(a.key, b.key) &&
    sameColumns(a.set, b.set) &&
    sameColumns(a.insertOnly, b.insertOnly)
  );
}

function sameColumns(a: Row | undefined, b: Row | undefined): boolean {
  let n = 0;
  for (const column in a) {
    if (b === undefined || !Object.hasOwn(b, column)) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

/**
 * Folds an upsert into the ones before it of the same shape, keyed by row. Same columns
 * throughout, so a later upsert's `set` replaces an earlier one's whole; `insertOnly` is what
 * the first one would have inserted. The result is the row applying them in turn leaves.
 */
export function foldUpsert(byKey: Map<string, Upsert>, u: Upsert): void {
  const key = keyOf(u.key);
  const earlier = byKey.get(key);
  byKey.set(
    key,
    earlier ? { op: 'upsert', table: u.table, key: u.key, set: u.set, insertOnly: earlier.insertOnly } : u,
  );
}

// A row's key as one string, each value marked by its kind and ended by a NUL. Text values (by
// far the most common) go as they are, since PostgreSQL text never holds a NUL; others as JSON.
function keyOf(key: Row): string {
  let text = '';
  for (const column in key) {
    const value = key[column];
    text += typeof value === 'string' ? `s${value}\u0000` : `j${JSON.stringify(value)}\u0000`;
  }
  return text;
}

/**
 * A projection's operations held back for the length of a rebuild and applied once at the end,
 * folded as they come: a run of upserts of one shape keeps one entry per row, however many
 * events touched it (a stream's row is touched by each of its events), while any other
 * operation keeps its place in the order. Draining gives operations that leave the same rows
 * as applying every one of them in turn.
 */
export class HeldOps {
  private readonly segments: (Exclude<ProjectionOp, Upsert> | Map<string, Upsert>)[] = [];
  /** The first upsert of the run the last segment holds, if it holds one. */
  private runFirst: Upsert | undefined;

  add(ops: Iterable<ProjectionOp>): void {
    for (const op of ops) {
      if (op.op !== 'upsert') {
        this.segments.push(op);
        this.runFirst = undefined;
        continue;
      }
      let run = this.segments.at(-1);
      if (!(run instanceof Map) || !this.runFirst || !sameShape(op, this.runFirst)) {
        run = new Map<string, Upsert>();
        this.segments.push(run);
        this.runFirst = op;
      }
      foldUpsert(run, op);
    }
  }

  /** The held operations, in order (each run of upserts as one group), and nothing held any more. */
  drain(): (Exclude<ProjectionOp, Upsert> | Upsert[])[] {
    const ops = this.segments.map((s) => (s instanceof Map ? [...s.values()] : s));
    this.segments.length = 0;
    this.runFirst = undefined;
    return ops;
  }
}
