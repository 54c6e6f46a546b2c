import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import t from 'tap';
import { createProgram } from '../../src/cli/program.js';
import { configFromEnv } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { RebuildReport } from '../../src/projections/runner.js';
import { taskAssigned, toStream } from '../helpers/events.js';
import { tamper, testLedger } from '../helpers/ledger.js';

/** Runs one `oversight` command on a PGlite data directory, as the CLI entry point would. */
async function oversight(dataDir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const config = configFromEnv({ OVERSIGHT_DATA_DIR: dataDir });
  const { program, exitCode } = createProgram(config, { out: (x) => out.push(x), err: (x) => err.push(x) });
  await program.parseAsync(['node', 'oversight', ...args]);
  return { code: exitCode(), stdout: out.join('\n'), stderr: err.join('\n') };
}

t.test(
  'oversight verify exits 0 on an intact ledger and 1, naming the position, once tampered',
  async (t) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'oversight-cli-'));
    t.teardown(() => rm(dataDir, { recursive: true, force: true }));
    const database = await openDatabase({ kind: 'pglite', dataDir });
    await migrateToLatest(database.db);
    const ledger = testLedger(database);
    await ledger.write([toStream('moha', 'no_stream', taskAssigned('Bộ Nội vụ'))], () => null);
    await ledger.write([toStream('moj', 'no_stream', taskAssigned('Bộ Tư pháp'))], () => null);
    await database.close();

    const head = await oversight(dataDir, 'head');
    t.equal(head.code, 0, head.stderr);
    const pinned = JSON.parse(head.stdout) as { position: number; hash: string };
    t.equal(pinned.position, 2);

    const intact = await oversight(
      dataDir,
      'verify',
      '--position',
      String(pinned.position),
      '--hash',
      pinned.hash,
    );
    t.equal(intact.code, 0, intact.stderr);
    t.equal(JSON.parse(intact.stdout).ok, true);

    const reopened = await openDatabase({ kind: 'pglite', dataDir });
    await tamper(
      reopened,
      sql`update events set data = jsonb_set(data, '{deadline}', '"2025-12-31"') where position = 2`,
    );
    await reopened.close();

    const tampered = await oversight(dataDir, 'verify');
    t.equal(tampered.code, 1);
    t.match(tampered.stderr, /FAILED at position 2/);

    const migrated = await oversight(dataDir, 'migrate');
    t.equal(migrated.stdout, 'schema is up to date');
    const rebuilt = await oversight(dataDir, 'rebuild');
    t.match(rebuilt.stdout, /ledger_streams: 2 events to position 2/);
    const named = await oversight(dataDir, 'rebuild', '--json', 'ledger_streams', 'view_tasks');
    t.equal(named.code, 0, named.stderr);
    const reports = JSON.parse(named.stdout) as RebuildReport[];
    t.same(
      reports.map(({ name, events, position }) => ({ name, events, position })),
      [
        { name: 'ledger_streams', events: 2, position: 2 },
        { name: 'view_tasks', events: 2, position: 2 },
      ],
    );
    t.ok(reports.every((r) => Number.isInteger(r.milliseconds) && r.milliseconds >= 0));
  },
);
