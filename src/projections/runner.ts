import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { SqlClient } from '../db/sql-runner.js';
import type { EventStore } from '../ledger/event-store.js';
import type { RecordedEvent } from '../ledger/types.js';
import {
  applyDocumentsInline,
  type Current,
  type DocumentVersion,
  evolveDocuments,
  insertVersions,
} from './document-writer.js';
import {
  type DocumentProjection,
  isDocumentProjection,
  type OpProjection,
  type Projection,
  type ProjectionOp,
} from './projection.js';
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

  /** Rebuilds every projection that is new or whose handlers changed version. */
  async catchUp(): Promise<RebuildReport[]> {
    const rows = await this.database.sql.query<{ name: string; version: number }>({
      text: 'select name, version from projection_checkpoints',
    });
    const known = new Map(rows.map((r) => [r.name, r.version]));
    const stale = this.projections.filter((p) => known.get(p.name) !== p.version);
    const reports: RebuildReport[] = [];
    for (const p of stale) reports.push(await this.rebuildOne(p));
    return reports;
  }

  /** Rebuilds the named projections (all when none named) from position 0. */
  async rebuild(names: readonly string[] = []): Promise<RebuildReport[]> {
    const unknown = names.filter((n) => !this.projections.some((p) => p.name === n));
    if (unknown.length) throw new Error(`no such projection: ${unknown.join(', ')}`);
    const chosen = names.length ? this.projections.filter((p) => names.includes(p.name)) : this.projections;
    const reports: RebuildReport[] = [];
    for (const p of chosen) reports.push(await this.rebuildOne(p));
    return reports;
  }

  private foldOps(p: OpProjection, tx: SqlClient) {
    return this.store.fold(
      [] as ProjectionOp[],
      (ops, e) => {
        ops.push(...p.handle(e));
        return ops;
      },
      {
        visibleOnly: false,
        pageSize: PAGE,
        afterPage: (ops) => applyOps(this.database.db, tx, ops.splice(0)),
      },
      tx,
    );
  }

  // Documents stay in memory while the log is read; each page writes the versions it closed,
  // and the current ones go in at the end: the same rows the inline writer leaves behind.
  private async foldDocuments(p: DocumentProjection, tx: SqlClient) {
    const current = new Map<string, Current | undefined>();
    const closed: DocumentVersion[] = [];
    const page: RecordedEvent[] = [];
    const folded = await this.store.fold(
      null,
      (_, e) => {
        page.push(e);
        return null;
      },
      {
        visibleOnly: false,
        pageSize: PAGE,
        afterPage: async () => {
          evolveDocuments(p, current, page.splice(0), closed);
          await insertVersions(this.database.db, tx, p, closed.splice(0));
        },
      },
      tx,
    );
    const open: DocumentVersion[] = [];
    for (const [id, c] of current) if (c) open.push({ id, fromPos: c.fromPos, toPos: null, doc: c.doc });
    await insertVersions(this.database.db, tx, p, open);
    return folded;
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

  // One transaction: the tables are locked first, so writers applying inline wait for the
  // rebuild and then apply their own events on top of it; nothing is applied twice or lost.
  private async rebuildOne(p: Projection): Promise<RebuildReport> {
    const started = performance.now();
    const { db } = this.database;
    return this.database.sql.transaction(async (tx) => {
      const tables = sql.join(p.tables.map((t) => sql.table(t)));
      await tx.query(sql`lock table ${tables} in access exclusive mode`.compile(db));
      for (const t of p.tables) await tx.query(sql`delete from ${sql.table(t)}`.compile(db));
      const { position: after, count } = isDocumentProjection(p)
        ? await this.foldDocuments(p, tx)
        : await this.foldOps(p, tx);
      await tx.query({
        text: `insert into projection_checkpoints (name, version, position) values ($1, $2, $3)
          on conflict (name) do update set version = excluded.version,
            position = excluded.position, updated_at = clock_timestamp()`,
        values: [p.name, p.version, after],
      });
      return {
        name: p.name,
        events: count,
        position: after,
        milliseconds: Math.round(performance.now() - started),
      };
    });
  }
}
