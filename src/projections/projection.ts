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
export interface OpProjection {
  name: string;
  version: number;
  tables: readonly string[];
  handle(event: RecordedEvent): ProjectionOp[];
}

/**
 * A read model of documents kept in versions: each event that changes a document closes its
 * current version and starts the next at the event's position, so the model can be read as of
 * any position. `evolve` is pure and returns the very same object when the event leaves the
 * document alone; undefined ends the document.
 */
export interface DocumentProjection<D = unknown> {
  name: string;
  version: number;
  /** The versioned table: id, from_pos, to_pos, doc, and the `columns`. */
  table: string;
  tables: readonly string[];
  /** The ids of the documents an event may change. */
  keysOf(event: RecordedEvent): readonly string[];
  evolve(doc: D | undefined, event: RecordedEvent, id: string): D | undefined;
  /** The columns views filter and sort on, derived from the document. */
  columns(doc: D): Row;
  /** Parts a document is given when it begins and keeps for good: stored once, not per version. */
  fixed?: FixedParts<D>;
}

/**
 * Where a document's fixed parts live: `keys` of the document, one row per item in `table`
 * (id, fixed), and `view`, which joins them back to the versions as whole documents.
 */
export interface FixedParts<D = unknown> {
  keys: readonly (keyof D & string)[];
  table: string;
  view: string;
}

/** Where readers find a document projection's whole documents. */
export function documentsOf(p: DocumentProjection): string {
  return p.fixed?.view ?? p.table;
}

// One shared empty answer: a rebuild asks every projection about every event, and most
// events are none of its business (a million empty arrays fewer to collect).
const NO_KEYS: readonly string[] = Object.freeze([]);

/** `keysOf` for a projection with one document per stream of `streamType`, keyed by stream id. */
export function streamsOf(streamType: string): (event: RecordedEvent) => readonly string[] {
  return (e) => (e.streamType === streamType ? [e.streamId] : NO_KEYS);
}

/** Any read model the runner keeps. */
export type Projection = OpProjection | DocumentProjection;

/** Whether a read model keeps versioned documents. */
export function isDocumentProjection(p: Projection): p is DocumentProjection {
  return 'evolve' in p;
}
