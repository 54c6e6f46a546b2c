import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { SqlClient } from '../db/sql-runner.js';
import type { EventStore } from '../ledger/event-store.js';
import type { RecordedEvent } from '../ledger/types.js';
import { applyDocumentsInline } from './document-writer.js';
import { isDocumentProjection, type Projection } from './projection.js';
import { rebuildFromZero } from './rebuild.js';
import { applyOps } from './writer.js';

/** What a rebuild did. */
export interface RebuildReport {
  name: string;
  events: number;
  position: number;
  milliseconds: number;
}

/** The one place projections run: inline with every write, and in rebuilds from position 0. */
export class ProjectionRunner {
  constructor(
    readonly projections: readonly Projection[],
    private readonly store: EventStore,
    private readonly database: Database,
  ) {}

  /** Applies freshly appended events inside the append's transaction. */
  async applyInline(tx: SqlClient, events: readonly RecordedEvent[]): Promise<void> {
    for (const p of this.projections) {
      if (isDocumentProjection(p)) await applyDocumentsInline(this.database.db, tx, p, events);
      else
        await applyOps(
          this.database.db,
          tx,
          events.flatMap((e) => p.handle(e)),
        );
    }
  }

  /**
   * Marks every projection as needing a rebuild, for a bulk writer that appends to the log
   * alone: until catchUp() (or the next start) rebuilds them, nothing treats them as current.
   */
  async setAside(): Promise<void> {
    await this.database.sql.query({ text: 'delete from projection_checkpoints' });
  }

  /** Rebuilds every projection that is new or whose handlers changed version. */
  async catchUp(): Promise<RebuildReport[]> {
    const rows = await this.database.sql.query<{ name: string; version: number }>({
      text: 'select name, version from projection_checkpoints',
    });
    const known = new Map(rows.map((r) => [r.name, r.version]));
    const stale = this.projections.filter((p) => known.get(p.name) !== p.version);
    return this.rebuildAll(stale);
  }

  /** Rebuilds the named projections (all when none named) from position 0. */
  async rebuild(names: readonly string[] = []): Promise<RebuildReport[]> {
    const unknown = names.filter((n) => !this.projections.some((p) => p.name === n));
    if (unknown.length) throw new Error(`no such projection: ${unknown.join(', ')}`);
    const chosen = names.length ? this.projections.filter((p) => names.includes(p.name)) : this.projections;
    return this.rebuildAll(chosen);
  }

  /** A digest of a projection's tables, for comparing a live read model with a rebuilt one. */
  async checksum(name: string): Promise<string> {
    const p = this.projections.find((x) => x.name === name);
    if (!p) throw new Error(`no such projection: ${name}`);
    const parts: string[] = [];
    for (const table of p.tables) {
      const [row] = await this.database.sql.query<{ digest: string | null }>(
        sql`select md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as digest
          from ${sql.table(table)} t`.compile(this.database.db),
      );
      parts.push(`${table}:${row?.digest ?? ''}`);
    }
    return parts.join(' ');
  }

  // One transaction and one read of the log for all of them.
  private async rebuildAll(chosen: readonly Projection[]): Promise<RebuildReport[]> {
    if (chosen.length === 0) return [];
    const started = performance.now();
    const { position, count } = await this.database.sql.transaction(async (tx) => {
      const rebuilt = await rebuildFromZero(this.database.db, this.store, tx, chosen);
      for (const p of chosen) {
        await tx.query({
          text: `insert into projection_checkpoints (name, version, position) values ($1, $2, $3)
            on conflict (name) do update set version = excluded.version,
              position = excluded.position, updated_at = clock_timestamp()`,
          values: [p.name, p.version, rebuilt.position],
        });
      }
      return rebuilt;
    });
    // Timed to the commit: a rebuild is done when what it wrote is there for readers.
    const milliseconds = Math.round(performance.now() - started);
    return chosen.map((p) => ({ name: p.name, events: count, position, milliseconds }));
  }
}
