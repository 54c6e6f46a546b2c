import { type Kysely, sql } from 'kysely';
import type { LedgerSchema } from '../db/schema.js';
import type { EventStore } from '../ledger/event-store.js';
import type { RecordedEvent } from '../ledger/types.js';
import type { Projection } from './projection.js';
import { applyOps } from './writer.js';

/** What a rebuild did. */
export interface RebuildReport {
  name: string;
  events: number;
  position: number;
  milliseconds: number;
}

const PAGE = 5000;

/** The one place projections run: inline with every write, and in rebuilds from position 0. */
export class ProjectionRunner {
  constructor(
    readonly projections: readonly Projection[],
    private readonly store: EventStore,
  ) {}

  /** Applies freshly appended events inside the append's transaction. */
  async applyInline(trx: Kysely<LedgerSchema>, events: readonly RecordedEvent[]): Promise<void> {
    for (const p of this.projections)
      await applyOps(
        trx,
        events.flatMap((e) => p.handle(e)),
      );
  }

  /** Rebuilds every projection that is new or whose handlers changed version. */
  async catchUp(db: Kysely<LedgerSchema>): Promise<RebuildReport[]> {
    const { rows } = await sql<{ name: string; version: number }>`
      select name, version from projection_checkpoints`.execute(db);
    const known = new Map(rows.map((r) => [r.name, r.version]));
    const stale = this.projections.filter((p) => known.get(p.name) !== p.version);
    const reports: RebuildReport[] = [];
    for (const p of stale) reports.push(await this.rebuildOne(db, p));
    return reports;
  }

  /** Rebuilds the named projections (all when none named) from position 0. */
  async rebuild(db: Kysely<LedgerSchema>, names: readonly string[] = []): Promise<RebuildReport[]> {
    const unknown = names.filter((n) => !this.projections.some((p) => p.name === n));
    if (unknown.length) throw new Error(`no such projection: ${unknown.join(', ')}`);
    const chosen = names.length ? this.projections.filter((p) => names.includes(p.name)) : this.projections;
    const reports: RebuildReport[] = [];
    for (const p of chosen) reports.push(await this.rebuildOne(db, p));
    return reports;
  }

  /** A digest of a projection's tables, for comparing a live read model with a rebuilt one. */
  async checksum(db: Kysely<LedgerSchema>, name: string): Promise<string> {
    const p = this.projections.find((x) => x.name === name);
    if (!p) throw new Error(`no such projection: ${name}`);
    const parts: string[] = [];
    for (const table of p.tables) {
      const { rows } = await sql<{ digest: string | null }>`
        select md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as digest
        from ${sql.table(table)} t`.execute(db);
      parts.push(`${table}:${rows[0]?.digest ?? ''}`);
    }
    return parts.join(' ');
  }

  // One transaction: the tables are locked first, so writers applying inline wait for the
  // rebuild and then apply their own events on top of it; nothing is applied twice or lost.
  private async rebuildOne(db: Kysely<LedgerSchema>, p: Projection): Promise<RebuildReport> {
    const started = performance.now();
    return db.transaction().execute(async (trx) => {
      const tables = sql.join(p.tables.map((t) => sql.table(t)));
      await sql`lock table ${tables} in access exclusive mode`.execute(trx);
      for (const t of p.tables) await sql`delete from ${sql.table(t)}`.execute(trx);
      let after = 0;
      let count = 0;
      for (;;) {
        const events = await this.store.readAll({ after, limit: PAGE, visibleOnly: false }, trx);
        await applyOps(
          trx,
          events.flatMap((e) => p.handle(e)),
        );
        count += events.length;
        after = events[events.length - 1]?.position ?? after;
        if (events.length < PAGE) break;
      }
      await sql`insert into projection_checkpoints (name, version, position)
        values (${p.name}, ${p.version}, ${after})
        on conflict (name) do update set version = excluded.version,
          position = excluded.position, updated_at = clock_timestamp()`.execute(trx);
      return {
        name: p.name,
        events: count,
        position: after,
        milliseconds: Math.round(performance.now() - started),
      };
    });
  }
}
