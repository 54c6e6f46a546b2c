import type { ProjectionOp } from './projection.js';

/** An upsert operation. */
export type Upsert = Extract<ProjectionOp, { op: 'upsert' }>;

/** What makes two upserts one statement's rows: the table and the columns each names. */
export const shapeOf = (u: Upsert): string =>
  [u.table, Object.keys(u.key), Object.keys(u.set), Object.keys(u.insertOnly ?? {})].join('|');

/**
 * Folds an upsert into the ones before it of the same shape, keyed by row. Same columns
 * throughout, so a later upsert's `set` replaces an earlier one's whole; `insertOnly` is what
 * the first one would have inserted. The result is the row applying them in turn leaves.
 */
export function foldUpsert(byKey: Map<string, Upsert>, u: Upsert): void {
  const key = JSON.stringify(Object.values(u.key));
  const earlier = byKey.get(key);
  byKey.set(key, earlier ? { ...u, insertOnly: earlier.insertOnly } : u);
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
  private runShape: string | undefined;

  add(ops: Iterable<ProjectionOp>): void {
    for (const op of ops) {
      if (op.op !== 'upsert') {
        this.segments.push(op);
        this.runShape = undefined;
        continue;
      }
      const shape = shapeOf(op);
      let run = this.segments.at(-1);
      if (!(run instanceof Map) || shape !== this.runShape) {
        run = new Map<string, Upsert>();
        this.segments.push(run);
        this.runShape = shape;
      }
      foldUpsert(run, op);
    }
  }

  /** The held operations, in order (each run of upserts as one group), and nothing held any more. */
  drain(): (Exclude<ProjectionOp, Upsert> | Upsert[])[] {
    const ops = this.segments.map((s) => (s instanceof Map ? [...s.values()] : s));
    this.segments.length = 0;
    this.runShape = undefined;
    return ops;
  }
}
