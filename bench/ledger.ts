import { sql } from 'kysely';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { EventStore } from '../src/ledger/event-store.js';
import { benchCatalogue, benchEvent } from './catalogue.js';
import { inParallel, type KnownStream, type Side, StreamFold } from './workload.js';

const STREAM_TYPE = 'bench_task';

/** The system under test: the event store, hash chain and all, doing what the raw side does. */
export class LedgerUnderTest implements Side {
  private constructor(
    private readonly database: Database,
    private readonly store: EventStore,
  ) {}

  static async open(url: string, poolSize: number): Promise<LedgerUnderTest> {
    const database = await openDatabase({ kind: 'postgres', url, poolSize });
    try {
      await migrateToLatest(database.db);
    } catch (error) {
      await database.close();
      throw error;
    }
    return new LedgerUnderTest(database, new EventStore(database.sql, benchCatalogue));
  }

  async eventCount(): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from events`.execute(
      this.database.db,
    );
    return rows[0]?.n ?? 0;
  }

  /** One event per append with the exact expected version, one after another. */
  async sequential(known: KnownStream[], count: number): Promise<number> {
    await this.appendEach(known, count);
    return count;
  }

  /** One writer per stream set, all at once on the pool. */
  concurrent(known: KnownStream[][], count: number): Promise<number> {
    return inParallel(known, count, (k, n) => this.appendEach(k, n));
  }

  /** `batches` appends of `size` events each, every one to a new stream ('no_stream'). */
  async batches(prefix: string, batches: number, size: number): Promise<number> {
    for (let b = 0; b < batches; b++) {
      await this.store.append([
        {
          streamType: STREAM_TYPE,
          streamId: `${prefix}-${b}`,
          expectedVersion: 'no_stream',
          events: Array.from({ length: size }, benchEvent),
        },
      ]);
    }
    return batches * size;
  }

  /** Appends `count` events (unmeasured) in batches of up to 100, so both logs match in size. */
  async topUp(prefix: string, count: number): Promise<void> {
    for (let done = 0, b = 0; done < count; b++) {
      const size = Math.min(100, count - done);
      await this.batches(`${prefix}-${b}`, 1, size);
      done += size;
    }
  }

  /** Folds the whole log in global order (the store's fold, pages of `chunk` rows). */
  async readAll(chunk: number, limit = Number.POSITIVE_INFINITY): Promise<number> {
    const fold = new StreamFold();
    await this.store.fold(
      fold,
      (f, e) => {
        f.add(e.streamId, e.streamVersion, e.data);
        return f;
      },
      { pageSize: chunk, upcast: false, upTo: Number.isFinite(limit) ? limit : undefined },
    );
    return fold.rows;
  }

  close(): Promise<void> {
    return this.database.close();
  }

  private async appendEach(known: KnownStream[], count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const s = known[i % known.length] as KnownStream;
      await this.store.append([
        {
          streamType: STREAM_TYPE,
          streamId: s.id,
          expectedVersion: s.version === 0 ? 'no_stream' : s.version,
          events: [benchEvent()],
        },
      ]);
      s.version += 1;
    }
  }
}
