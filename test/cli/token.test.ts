import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { projections } from '../../projections/index.js';
import { buildApp } from '../../src/app.js';
import { createProgram } from '../../src/cli/program.js';
import { configFromEnv } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';

async function oversight(dataDir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const config = configFromEnv({ OVERSIGHT_DATA_DIR: dataDir });
  const { program, exitCode } = createProgram(config, { out: (x) => out.push(x), err: (x) => err.push(x) });
  await program.parseAsync(['node', 'oversight', ...args]);
  return { code: exitCode(), stdout: out.join('\n'), stderr: err.join('\n') };
}

t.test('oversight token create prints a secret once; revoke stops it working', async (t) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'oversight-token-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));

  const bad = await oversight(dataDir, 'token', 'create', '--role', 'emperor');
  t.equal(bad.code, 2);
  t.match(bad.stderr, /unknown role/);
  const noUnit = await oversight(dataDir, 'token', 'create', '--role', 'unit', '--unit', 'BNV');
  t.equal(noUnit.code, 2);
  t.match(noUnit.stderr, /no unit BNV/);

  const created = await oversight(
    dataDir,
    'token',
    'create',
    '--role',
    'viewer',
    '--name',
    'Thư ký cuộc họp',
  );
  t.equal(created.code, 0, created.stderr);
  // A store first written by the CLI has every projection's checkpoint, as one started by the
  // server would: the next start catches nothing up from the log.
  // (Read without starting the app, which would catch up itself.)
  const database = await openDatabase({ kind: 'pglite', dataDir });
  const checkpoints = await database.sql.query<{ name: string }>({
    text: 'select name from projection_checkpoints order by name',
  });
  await database.close();
  t.same(
    checkpoints.map((c) => c.name),
    projections.map((p) => p.name).sort(),
    'every projection has its checkpoint',
  );
  const { id, secret, role, name } = JSON.parse(created.stdout);
  t.equal(role, 'viewer');
  t.equal(name, 'Thư ký cuộc họp');
  t.match(created.stderr, /cannot be shown again/);

  const get = async () => {
    const app = await buildApp({ storage: { kind: 'pglite', dataDir } });
    try {
      return (
        await app.inject({ method: 'GET', url: '/units', headers: { authorization: `Bearer ${secret}` } })
      ).statusCode;
    } finally {
      await app.close();
    }
  };
  t.equal(await get(), 200);
  const revoked = await oversight(dataDir, 'token', 'revoke', id, '--reason', 'meeting over');
  t.equal(revoked.code, 0, revoked.stderr);
  t.equal(await get(), 401);
  const again = await oversight(dataDir, 'token', 'revoke', id, '--reason', 'again');
  t.equal(again.code, 2);
});
