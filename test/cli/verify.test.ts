import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import t from 'tap';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { taskAssigned, toStream } from '../helpers/events.js';
import { tamper, testLedger } from '../helpers/ledger.js';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../../bin/oversight.js');

/** Runs the real CLI on a PGlite data directory; resolves with its exit code and output. */
async function oversight(dataDir: string, ...args: string[]) {
  // The CLI runs as a user would, outside tap's loader and process tracking: it compiles
  // through tsx, and its coverage would not map onto the coverage of the code tap loads.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(NODE_OPTIONS|NODE_V8_COVERAGE|_?TAP)/.test(k)),
  );
  const env = { ...inherited, OVERSIGHT_DATA_DIR: dataDir, DATABASE_URL: '' };
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
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
  },
);
