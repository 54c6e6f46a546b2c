import type { EventCatalogue } from '../../events/catalogue.js';
import type { SqlClient } from '../db/sql-runner.js';
import { ConcurrencyError, ValidationError } from '../errors.js';
import { GENESIS } from './chain.js';
import { batchPayload, eventParameters, type PreparedEvent, prepareAppend } from './prepare.js';
import { type EventRow, type EventTuple, toRecordedEvent, tupleToRecordedEvent } from './rows.js';
import * as q from './statements.js';
import { StreamHeadCache } from './stream-head-cache.js';
import type { AppendResult, RecordedEvent, StreamAppend, StreamHead } from './types.js';

/** How to read the global log. */
export interface ReadAllOptions {
  after?: number;
  limit?: number;
  upTo?: number;
  /** Upcast to the latest schemas (default); false reads events exactly as stored. */
  upcast?: boolean;
  /**
   * Only the prefix no running transaction can still add to (default). A rebuild that holds
   * its tables locked reads every committed event instead.
   */
  visibleOnly?: boolean;
}

const CONFLICT_CODES = new Set(['OV409', '23505']);

/** The append-only, ordered, hash-chained event log. */
export class EventStore {
  private readonly heads = new StreamHeadCache(50_000);

  constructor(
    private readonly sql: SqlClient,
    private readonly catalogue: EventCatalogue,
  ) {}

  /**
   * Appends events to one or more streams atomically, in one round trip once stream heads are
   * known. Inside a transaction it must be the transaction's first write, and its only append.
   */
  async append(appends: StreamAppend[], client: SqlClient = this.sql): Promise<AppendResult> {
    const bases = await this.baseHeads(appends, client);
    const { events: prepared, links, heads } = prepareAppend(appends, bases, this.catalogue);
    if (prepared.length === 0) throw new ValidationError('nothing to append', []);

    const [link] = links;
    let rows: { first: number | string; at: number; count?: number }[];
    try {
      rows = await client.query(
        prepared.length === 1
          ? q.named('append_one', q.APPEND_ONE, [
              link?.streamType ?? null,
              link?.streamId ?? null,
              link?.version ?? null,
              link?.hash ?? null,
              1,
              ...eventParameters(prepared[0] as PreparedEvent),
            ])
          : q.named('append_many', q.APPEND_MANY, [
              links.map((l) => l.streamType),
              links.map((l) => l.streamId),
              links.map((l) => l.version),
              links.map((l) => l.hash),
              prepared.length,
              ...batchPayload(prepared),
            ]),
      );
    } catch (error) {
      throw this.asConflict(error, appends) ?? error;
    }
    const row = rows[0];
    if (!row || (row.count ?? 1) !== prepared.length)
      throw new Error('the ledger did not record the whole append');
    const first = Number(row.first);
    const recordedAt = new Date(row.at);
    if (client === this.sql) this.remember(heads);
    const events = prepared.map(({ event }, i) => {
      event.position = first + i;
      event.recordedAt = recordedAt;
      return event;
    });
    return { events, heads, firstPosition: first, lastPosition: first + events.length - 1 };
  }

  /** Remembers stream heads written by a transaction, once it has committed. */
  rememberCommitted(result: AppendResult): void {
    this.remember(result.heads);
  }

  /** Every event of one stream, in version order, upcast to the latest schemas. */
  async readStream(
    streamType: string,
    streamId: string,
    client: SqlClient = this.sql,
  ): Promise<RecordedEvent[]> {
    const rows = await client.query<EventRow & { hash: Uint8Array }>(
      q.named('read_stream', q.READ_STREAM, [streamType, streamId]),
    );
    // Only committed facts go into the cache: a transaction may yet roll back what it read.
    const last = rows[rows.length - 1];
    if (last && client === this.sql) {
      this.heads.set(streamType, streamId, { version: last.stream_version, hash: Buffer.from(last.hash) });
    }
    return rows.map((r) => this.upcast(toRecordedEvent(r)));
  }

  /**
   * Events after `after` in global order: `limit` of them, or fewer at the end of what can be
   * read. Only transactions older than every transaction still running are visible, so the
   * answer is always a prefix of the final log: a reader that continues from its last position
   * never misses a late commit.
   */
  async readAll(options: ReadAllOptions = {}, client: SqlClient = this.sql): Promise<RecordedEvent[]> {
    const {
      after = 0,
      limit = 1000,
      upTo = Number.MAX_SAFE_INTEGER,
      upcast = true,
      visibleOnly = true,
    } = options;
    const rows = await this.page(after, limit, upTo, visibleOnly, client);
    const events = rows.map(tupleToRecordedEvent);
    return upcast ? events.map((e) => this.upcast(e)) : events;
  }

  /**
   * Folds the log in global order from `after`, page by page. Each row becomes an event just
   * before the reducer sees it, so events die young instead of piling up a page at a time.
   * The next page is asked for before the current one is folded: the database reads while the
   * reducer works. Each page is still read after the last position of the one before, so the
   * fold sees exactly what reading page after page would.
   */
  async fold<S>(
    initial: S,
    reducer: (state: S, event: RecordedEvent) => S,
    options: Omit<ReadAllOptions, 'limit'> & {
      pageSize?: number;
      /** Runs after each page is folded, before the fold goes on (e.g. to flush its work). */
      afterPage?: (state: S) => Promise<void>;
    } = {},
    client: SqlClient = this.sql,
  ): Promise<{ state: S; position: number; count: number }> {
    const { pageSize = 5000, upTo = Number.MAX_SAFE_INTEGER, upcast = true, visibleOnly = true } = options;
    let state = initial;
    let position = options.after ?? 0;
    let count = 0;
    let next = this.page(position, pageSize, upTo, visibleOnly, client);
    for (;;) {
      const rows = await next;
      const last = rows[rows.length - 1];
      if (last) position = Number(last[0]);
      const more = rows.length >= pageSize;
      if (more) next = this.page(position, pageSize, upTo, visibleOnly, client);
      try {
        for (const row of rows) {
          const e = tupleToRecordedEvent(row);
          state = reducer(state, upcast ? this.upcast(e) : e);
        }
        await options.afterPage?.(state);
      } catch (error) {
        // Nothing is left running on the caller's connection once the fold has failed.
        if (more) await next.catch(() => undefined);
        throw error;
      }
      count += rows.length;
      if (!more) return { state, position, count };
    }
  }

  /**
   * Up to `limit` events after `after`, never past `upTo` (the hot read path, as array rows).
   * Each query reads a window of positions, so no plan can touch more rows than the window. A
   * window comes back short where positions went unused (taken by an append that rolled back)
   * or at the end of what may be read; one index probe tells which, and where to go on.
   */
  private async page(
    after: number,
    limit: number,
    upTo: number,
    visibleOnly: boolean,
    client: SqlClient,
  ): Promise<EventTuple[]> {
    let rows: EventTuple[] = [];
    let from = after;
    while (rows.length < limit) {
      const to = Math.min(upTo, from + limit - rows.length);
      if (to <= from) break;
      const window = await client.query<EventTuple>({
        ...(visibleOnly
          ? q.named('read_all', q.READ_ALL, [from, to])
          : q.named('read_all_committed', q.READ_ALL_COMMITTED, [from, to])),
        rowMode: 'array',
      });
      inPositionOrder(window);
      rows = rows.length === 0 ? window : rows.concat(window);
      if (window.length === to - from) {
        from = to;
        continue;
      }
      const seen = window.length > 0 ? Number((window[window.length - 1] as EventTuple)[0]) : from;
      const [next] = await client.query<{ position: number | string; visible: boolean }>(
        q.named('next_position', q.NEXT_POSITION, [seen]),
      );
      if (!next || (visibleOnly && !next.visible) || Number(next.position) > upTo) break;
      from = Number(next.position) - 1;
    }
    return rows;
  }

  private remember(heads: AppendResult['heads']): void {
    for (const h of heads) this.heads.set(h.streamType, h.streamId, h.head);
  }

  private upcast(e: RecordedEvent): RecordedEvent {
    const { schemaVersion, data } = this.catalogue.upcast(e.type, e.schemaVersion, e.data);
    return schemaVersion === e.schemaVersion ? e : { ...e, schemaVersion, data };
  }

  // The head an append starts from when it is known without asking the database.
  private knownHead(a: StreamAppend): StreamHead | undefined {
    const expected = a.expectedVersion;
    if (expected === 'no_stream' || expected === 0) return { version: 0, hash: GENESIS };
    return expected === 'any' ? undefined : this.heads.get(a.streamType, a.streamId, expected);
  }

  // Each append's starting head: from the cache where it is known, the rest read from the
  // database, in one round trip however many streams a batch touches.
  private async baseHeads(appends: readonly StreamAppend[], client: SqlClient): Promise<StreamHead[]> {
    const known = appends.map((a) => this.knownHead(a));
    const missing = appends.filter((_, i) => known[i] === undefined);
    if (missing.length === 0) return known as StreamHead[];
    const read = new Map<number, StreamHead>();
    if (missing.length === 1) {
      const a = missing[0] as StreamAppend;
      const [row] = await client.query<{ stream_version: number; hash: Uint8Array }>(
        q.named('read_head', q.READ_HEAD, [a.streamType, a.streamId]),
      );
      if (row) read.set(1, { version: row.stream_version, hash: Buffer.from(row.hash) });
    } else {
      const rows = await client.query<{ ord: number; stream_version: number; hash: Uint8Array }>(
        q.named('read_heads', q.READ_HEADS, [
          missing.map((a) => a.streamType),
          missing.map((a) => a.streamId),
        ]),
      );
      for (const r of rows) read.set(r.ord, { version: r.stream_version, hash: Buffer.from(r.hash) });
    }
    let next = 0;
    return appends.map((a, i) => {
      const cached = known[i];
      if (cached) return cached;
      next += 1;
      const head = read.get(next) ?? { version: 0, hash: GENESIS };
      const expected = a.expectedVersion;
      if (expected !== 'any' && head.version !== expected) {
        throw new ConcurrencyError(
          `stream ${a.streamType}/${a.streamId} is at version ${head.version}, expected ${expected}`,
          { streamType: a.streamType, streamId: a.streamId, expected, actual: head.version },
        );
      }
      return head;
    });
  }

  private asConflict(error: unknown, appends: StreamAppend[]): ConcurrencyError | undefined {
    const code = (error as { code?: string }).code;
    if (!code || !CONFLICT_CODES.has(code)) return undefined;
    for (const a of appends) this.heads.forget(a.streamType, a.streamId);
    const streams = appends.map((a) => `${a.streamType}/${a.streamId}`).join(', ');
    return new ConcurrencyError(`another writer appended to ${streams} first`, {
      streams: appends.map((a) => ({
        streamType: a.streamType,
        streamId: a.streamId,
        expected: a.expectedVersion,
      })),
    });
  }
}

// Rows come in the order the plan found them, nearly always the order they were written in.
function inPositionOrder(rows: EventTuple[]): void {
  for (let i = 1; i < rows.length; i++) {
    if (Number((rows[i - 1] as EventTuple)[0]) > Number((rows[i] as EventTuple)[0])) {
      rows.sort((a, b) => Number(a[0]) - Number(b[0]));
      return;
    }
  }
}
