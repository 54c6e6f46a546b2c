import type { EventCatalogue } from '../../events/catalogue.js';
import type { SqlClient } from '../db/sql-runner.js';
import { ConcurrencyError, ValidationError } from '../errors.js';
import { type ChainedContent, canonicalJson, GENESIS, nextChain } from './chain.js';
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

type Payload = ChainedContent & { hash: Buffer; dataJson: string; tagsJson: string };

/** The batch as one JSON array, splicing in the canonical data and tags already made. */
function batchJson(payload: readonly Payload[]): string {
  return `[${payload
    .map(({ data: _d, tags: _t, dataJson, tagsJson, hash, ...rest }) => {
      const head = JSON.stringify({ ...rest, hash: hash.toString('hex') });
      return `${head.slice(0, -1)},"data":${dataJson},"tags":${tagsJson}}`;
    })
    .join(',')}]`;
}

/** One event as the typed parameters of APPEND_ONE, in column order. */
function eventParameters(e: Payload): unknown[] {
  return [
    e.streamType,
    e.streamId,
    e.streamVersion,
    e.eventId,
    e.type,
    e.schemaVersion,
    e.dataJson,
    e.actor,
    e.role,
    e.onBehalfOf,
    e.reason,
    e.correlationId,
    e.causationId,
    e.tagsJson,
    e.occurredAt.toISOString(),
    e.hash,
  ];
}

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
    const payload: Payload[] = [];
    const links: { streamType: string; streamId: string; version: number; hash: Buffer }[] = [];
    const heads: AppendResult['heads'] = [];
    for (const a of appends) {
      const base = await this.baseHead(a, client);
      if (base.version > 0) {
        links.push({
          streamType: a.streamType,
          streamId: a.streamId,
          version: base.version,
          hash: base.hash,
        });
      }
      let { hash, version } = base;
      for (const e of a.events) {
        const { schemaVersion, data } = this.catalogue.validate(e.type, e.data);
        const m = e.metadata;
        version += 1;
        const content: ChainedContent = {
          streamType: a.streamType,
          streamId: a.streamId,
          streamVersion: version,
          eventId: e.eventId.toLowerCase(),
          type: e.type,
          schemaVersion,
          data,
          actor: m.actor,
          role: m.role,
          onBehalfOf: m.onBehalfOf ?? null,
          reason: m.reason ?? null,
          correlationId: m.correlationId?.toLowerCase() ?? null,
          causationId: m.causationId?.toLowerCase() ?? null,
          tags: m.tags ?? {},
          occurredAt: new Date(m.occurredAt.getTime()),
        };
        const dataJson = canonicalJson(data);
        const tagsJson = canonicalJson(content.tags);
        hash = nextChain(hash, content, dataJson, tagsJson);
        payload.push({ ...content, hash, dataJson, tagsJson });
      }
      heads.push({ streamType: a.streamType, streamId: a.streamId, head: { version, hash } });
    }
    if (payload.length === 0) throw new ValidationError('nothing to append', []);

    const [link] = links;
    const take =
      payload.length === 1
        ? [link?.streamType ?? null, link?.streamId ?? null, link?.version ?? null, link?.hash ?? null, 1]
        : [
            links.map((l) => l.streamType),
            links.map((l) => l.streamId),
            links.map((l) => l.version),
            links.map((l) => l.hash),
            payload.length,
          ];
    let rows: { first: number | string; at: number; count: number }[];
    try {
      rows = await client.query(
        payload.length === 1
          ? q.named('append_one', q.APPEND_ONE, [...take, ...eventParameters(payload[0] as Payload)])
          : q.named('append_many', q.APPEND_MANY, [...take, batchJson(payload)]),
      );
    } catch (error) {
      throw this.asConflict(error, appends) ?? error;
    }
    const row = rows[0];
    if (!row || row.count !== payload.length) throw new Error('the ledger did not record the whole append');
    const first = Number(row.first);
    const recordedAt = new Date(row.at);
    if (client === this.sql) this.remember(heads);
    const events: RecordedEvent[] = payload.map(({ hash: _hash, dataJson: _d, tagsJson: _t, ...e }, i) => ({
      ...e,
      position: first + i,
      recordedAt,
    }));
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
   * Events after `after` in global order, at most `limit`. Only transactions older than every
   * transaction still running are visible, so the answer is always a prefix of the final log:
   * a reader that continues from its last position never misses a late commit.
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
   */
  async fold<S>(
    initial: S,
    reducer: (state: S, event: RecordedEvent) => S,
    options: Omit<ReadAllOptions, 'limit'> & {
      pageSize?: number;
      /** Runs after each page, before the next is read (e.g. to flush work the page produced). */
      afterPage?: (state: S) => Promise<void>;
    } = {},
    client: SqlClient = this.sql,
  ): Promise<{ state: S; position: number; count: number }> {
    const { pageSize = 5000, upTo = Number.MAX_SAFE_INTEGER, upcast = true, visibleOnly = true } = options;
    let state = initial;
    let position = options.after ?? 0;
    let count = 0;
    for (;;) {
      const rows = await this.page(position, pageSize, upTo, visibleOnly, client);
      for (const row of rows) {
        const e = tupleToRecordedEvent(row);
        state = reducer(state, upcast ? this.upcast(e) : e);
      }
      count += rows.length;
      await options.afterPage?.(state);
      const last = rows[rows.length - 1];
      if (last) position = Number(last[0]);
      if (rows.length < pageSize) return { state, position, count };
    }
  }

  // One page of the log after `after`, as array rows (the hot read path).
  private page(after: number, limit: number, upTo: number, visibleOnly: boolean, client: SqlClient) {
    const values = [after, limit, upTo];
    const statement = visibleOnly
      ? q.named('read_all', q.READ_ALL, values)
      : q.named('read_all_committed', q.READ_ALL_COMMITTED, values);
    return client.query<EventTuple>({ ...statement, rowMode: 'array' });
  }

  private remember(heads: AppendResult['heads']): void {
    for (const h of heads) this.heads.set(h.streamType, h.streamId, h.head);
  }

  private upcast(e: RecordedEvent): RecordedEvent {
    const { schemaVersion, data } = this.catalogue.upcast(e.type, e.schemaVersion, e.data);
    return schemaVersion === e.schemaVersion ? e : { ...e, schemaVersion, data };
  }

  private async baseHead(a: StreamAppend, client: SqlClient): Promise<StreamHead> {
    const expected = a.expectedVersion;
    if (expected === 'no_stream' || expected === 0) return { version: 0, hash: GENESIS };
    if (expected !== 'any') {
      const cached = this.heads.get(a.streamType, a.streamId, expected);
      if (cached) return cached;
    }
    const [row] = await client.query<{ stream_version: number; hash: Uint8Array }>(
      q.named('read_head', q.READ_HEAD, [a.streamType, a.streamId]),
    );
    const head = row
      ? { version: row.stream_version, hash: Buffer.from(row.hash) }
      : { version: 0, hash: GENESIS };
    if (expected !== 'any' && head.version !== expected) {
      throw new ConcurrencyError(
        `stream ${a.streamType}/${a.streamId} is at version ${head.version}, expected ${expected}`,
        { streamType: a.streamType, streamId: a.streamId, expected, actual: head.version },
      );
    }
    return head;
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
