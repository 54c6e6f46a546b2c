import pg from 'pg';
import Cursor from 'pg-cursor';
import { BENCH_DATA } from './catalogue.js';
import { inParallel, type KnownStream, type Side, StreamFold } from './workload.js';

/**
 * The baseline: plain `pg` against a minimal table carrying the same payload, with no chain, no
 * validation and no stream checks. What the ledger is measured against.
 */
export class RawPostgres implements Side {
  private readonly pool: pg.Pool;

  constructor(url: string, poolSize: number) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle connection cut by the server (e.g. while the scratch database is dropped) is no crash.
    this.pool.on('error', () => {});
  }

  async createTable(): Promise<void> {
    await this.pool.query(`create table raw_events (
      id bigint generated always as identity primary key,
      stream_id text not null,
      version integer not null,
      data jsonb not null)`);
  }

  async rowCount(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('select count(*)::int as n from raw_events');
    return rows[0]?.n ?? 0;
  }

  /** One single-row INSERT per event, autocommit, one after another. */
  async sequential(known: KnownStream[], count: number): Promise<number> {
    await this.insertEach(known, count);
    return count;
  }

  /** One writer per stream set, all at once on the pool. */
  concurrent(known: KnownStream[][], count: number): Promise<number> {
    return inParallel(known, count, (k, n) => this.insertEach(k, n));
  }

  /** `batches` multi-row INSERTs of `size` rows each, one new stream per statement. */
  async batches(prefix: string, batches: number, size: number): Promise<number> {
    const versions = Array.from({ length: size }, (_, i) => i + 1);
    const data = versions.map(() => BENCH_DATA);
    for (let b = 0; b < batches; b++) {
      const ids = versions.map(() => `${prefix}-${b}`);
      await this.pool.query(
        `insert into raw_events (stream_id, version, data)
         select * from unnest($1::text[], $2::integer[], $3::jsonb[])`,
        [ids, versions, data],
      );
    }
    return batches * size;
  }

  /** Adds `count` rows server-side, unmeasured, so both logs hold the same number of rows. */
  async topUp(prefix: string, count: number): Promise<void> {
    if (count <= 0) return;
    await this.pool.query(
      `insert into raw_events (stream_id, version, data)
       select $1 || '-' || (g / 100), g % 100 + 1, $2::jsonb from generate_series(0, $3 - 1) g`,
      [prefix, BENCH_DATA, count],
    );
  }

  /** Reads the table in id order through a cursor, `chunk` rows at a time, into the fold. */
  async readAll(chunk: number, limit = Number.POSITIVE_INFINITY): Promise<number> {
    const fold = new StreamFold();
    const client = await this.pool.connect();
    try {
      const cursor = client.query(
        new Cursor<{ id: number; stream_id: string; version: number; data: unknown }>(
          'select id, stream_id, version, data from raw_events order by id',
        ),
      );
      try {
        for (;;) {
          const rows = await cursor.read(chunk);
          for (const r of rows) fold.add(r.stream_id, r.version, r.data);
          if (rows.length < chunk || fold.rows >= limit) break;
        }
      } finally {
        await cursor.close();
      }
    } finally {
      client.release();
    }
    return fold.rows;
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async insertEach(known: KnownStream[], count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const s = known[i % known.length] as KnownStream;
      s.version += 1;
      await this.pool.query('insert into raw_events (stream_id, version, data) values ($1, $2, $3)', [
        s.id,
        s.version,
        BENCH_DATA,
      ]);
    }
  }
}
