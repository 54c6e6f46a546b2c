import { type Kysely, sql } from 'kysely';
import type { EventCatalogue } from '../../events/catalogue.js';
import type { LedgerSchema } from '../db/schema.js';
import { ConcurrencyError, ValidationError } from '../errors.js';
import { GENESIS, nextChain } from './chain.js';
import { type EventRow, eventColumns, toRecordedEvent } from './rows.js';
import { StreamHeadCache } from './stream-head-cache.js';
import type { AppendResult, ExpectedVersion, RecordedEvent, StreamAppend, StreamHead } from './types.js';

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

/** Anything that runs queries: the database, or a transaction on it. */
export type Executor = Kysely<LedgerSchema>;

const CONFLICT_CODES = new Set(['OV409', '23505']);

/** The append-only, ordered, hash-chained event log. */
export class EventStore {
  private readonly heads = new StreamHeadCache(50_000);

  constructor(
    private readonly db: Executor,
    private readonly catalogue: EventCatalogue,
  ) {}

  /**
   * Appends events to one or more streams atomically, in one round trip once stream heads are
   * known. Inside a transaction it must be the transaction's first write, and its only append.
   */
  async append(appends: StreamAppend[], executor: Executor = this.db): Promise<AppendResult> {
    const payload: Record<string, unknown>[] = [];
    const newHeads: [string, string, StreamHead][] = [];
    for (const a of appends) {
      const base = await this.baseHead(a, executor);
      let chain = base.chain;
      let version = base.version;
      a.events.forEach((e, i) => {
        const { schemaVersion, data } = this.catalogue.validate(e.type, e.data);
        version += 1;
        const m = e.metadata;
        const content = {
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
        const previous = chain;
        chain = nextChain(chain, content);
        payload.push({
          ...content,
          metadata: content.tags,
          occurredAt: content.occurredAt.toISOString(),
          chain: chain.toString('hex'),
          ...(i === 0 ? { previousChain: previous.toString('hex') } : {}),
        });
      });
      newHeads.push([a.streamType, a.streamId, { version, chain }]);
    }
    if (payload.length === 0) throw new ValidationError('nothing to append', []);

    let rows: { r_position: number | string; r_recorded_at: Date; r_hash: Uint8Array }[];
    try {
      rows = (
        await sql<{ r_position: number; r_recorded_at: Date; r_hash: Uint8Array }>`
        select * from ledger_append(${JSON.stringify(payload)}::jsonb)`.execute(executor)
      ).rows;
    } catch (error) {
      throw this.asConflict(error, appends) ?? error;
    }
    if (executor === this.db) for (const [t, id, head] of newHeads) this.heads.set(t, id, head);
    const events = rows.map((r, i) => {
      const p = payload[i] as Record<string, unknown> & { tags: Record<string, unknown> };
      return {
        position: Number(r.r_position),
        streamType: p.streamType as string,
        streamId: p.streamId as string,
        streamVersion: p.streamVersion as number,
        eventId: p.eventId as string,
        type: p.type as string,
        schemaVersion: p.schemaVersion as number,
        data: p.data,
        actor: p.actor as string,
        role: p.role as string,
        onBehalfOf: p.onBehalfOf as string | null,
        reason: p.reason as string | null,
        correlationId: p.correlationId as string | null,
        causationId: p.causationId as string | null,
        tags: p.tags,
        occurredAt: new Date(p.occurredAt as string),
        recordedAt: r.r_recorded_at,
        chain: Buffer.from(p.chain as string, 'hex'),
        hash: Buffer.from(r.r_hash),
      } satisfies RecordedEvent;
    });
    return {
      events,
      firstPosition: events[0]?.position ?? 0,
      lastPosition: events[events.length - 1]?.position ?? 0,
    };
  }

  /** Remembers stream heads written by a transaction, once it has committed. */
  rememberCommitted(result: AppendResult): void {
    for (const e of result.events) {
      this.heads.set(e.streamType, e.streamId, { version: e.streamVersion, chain: e.chain });
    }
  }

  /** Every event of one stream, in version order, upcast to the latest schemas. */
  async readStream(
    streamType: string,
    streamId: string,
    executor: Executor = this.db,
  ): Promise<RecordedEvent[]> {
    const { rows } = await sql<EventRow>`select ${eventColumns} from events
      where stream_type = ${streamType} and stream_id = ${streamId}
      order by stream_version`.execute(executor);
    return rows.map((r) => this.upcast(toRecordedEvent(r)));
  }

  /**
   * Events after `after` in global order, at most `limit`. Only transactions older than every
   * transaction still running are visible, so the answer is always a prefix of the final log:
   * a reader that continues from its last position never misses a late commit.
   */
  async readAll(options: ReadAllOptions = {}, executor: Executor = this.db): Promise<RecordedEvent[]> {
    const { after = 0, limit = 1000, upTo, upcast = true, visibleOnly = true } = options;
    const { rows } = await sql<EventRow>`select ${eventColumns} from events
      where position > ${after}
        ${visibleOnly ? sql`and transaction_id < pg_snapshot_xmin(pg_current_snapshot())` : sql``}
        ${upTo === undefined ? sql`` : sql`and position <= ${upTo}`}
      order by position limit ${limit}`.execute(executor);
    const events = rows.map(toRecordedEvent);
    return upcast ? events.map((e) => this.upcast(e)) : events;
  }

  /** The last position of the visible log (0 when empty). */
  async lastPosition(executor: Executor = this.db): Promise<number> {
    const { rows } = await sql<{ p: number | null }>`select max(position) as p from events
      where transaction_id < pg_snapshot_xmin(pg_current_snapshot())`.execute(executor);
    return Number(rows[0]?.p ?? 0);
  }

  private upcast(e: RecordedEvent): RecordedEvent {
    const { schemaVersion, data } = this.catalogue.upcast(e.type, e.schemaVersion, e.data);
    return schemaVersion === e.schemaVersion ? e : { ...e, schemaVersion, data };
  }

  private async baseHead(a: StreamAppend, executor: Executor): Promise<StreamHead> {
    const expected: ExpectedVersion = a.expectedVersion;
    if (expected === 'no_stream' || expected === 0) return { version: 0, chain: GENESIS };
    if (expected !== 'any') {
      const cached = this.heads.get(a.streamType, a.streamId, expected);
      if (cached) return cached;
    }
    const head = await this.readHead(a.streamType, a.streamId, executor);
    if (expected !== 'any' && head.version !== expected) {
      throw new ConcurrencyError(
        `stream ${a.streamType}/${a.streamId} is at version ${head.version}, expected ${expected}`,
        { streamType: a.streamType, streamId: a.streamId, expected, actual: head.version },
      );
    }
    return head;
  }

  private async readHead(streamType: string, streamId: string, executor: Executor): Promise<StreamHead> {
    const { rows } = await sql<{ stream_version: number; chain: Uint8Array }>`
      select stream_version, chain from events
      where stream_type = ${streamType} and stream_id = ${streamId}
      order by stream_version desc limit 1`.execute(executor);
    const row = rows[0];
    return row
      ? { version: row.stream_version, chain: Buffer.from(row.chain) }
      : { version: 0, chain: GENESIS };
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
