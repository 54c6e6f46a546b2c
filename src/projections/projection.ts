import type { RecordedEvent } from '../ledger/types.js';

/** A column value a projection may write. */
export type Value = string | number | boolean | null | Date;

/** A row fragment keyed by column name. */
export type Row = Record<string, Value>;

/** What a handler asks the projection writer to do; handlers never touch the database. */
export type ProjectionOp =
  /** Insert `key`+`set`+`insertOnly`, or on a key clash update `set` only. */
  | { op: 'upsert'; table: string; key: Row; set: Row; insertOnly?: Row }
  | { op: 'update'; table: string; where: Row; set: Row }
  | { op: 'delete'; table: string; where: Row };

/**
 * A read model: pure, deterministic handlers over events, owning its tables. Bump `version`
 * whenever the handlers change; the runner then rebuilds it from position 0.
 */
export interface Projection {
  name: string;
  version: number;
  tables: readonly string[];
  handle(event: RecordedEvent): ProjectionOp[];
}
