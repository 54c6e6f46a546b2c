import { userInfo } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { v7 as uuidv7 } from 'uuid';
import { catalogue } from '../../events/index.js';
import { roles } from '../../events/tokens.js';
import { projections } from '../../projections/index.js';
import { loadSeeds } from '../../seeds/load.js';
import { DEFAULT_SEED, generateSynthetic } from '../../seeds/synthetic/generate.js';
import { eventsProgressBar } from '../../seeds/synthetic/progress-bar.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { CommandContext } from '../domain/decider.js';
import { handleCommand } from '../domain/handle-command.js';
import { tokenDecider } from '../domain/tokens/decide.js';
import { issueToken } from '../domain/tokens/issue.js';
import { checkTokenUnit } from '../domain/tokens/token-unit.js';
import { OversightError } from '../errors.js';
import { Ledger } from '../ledger/ledger.js';
import { serve } from '../server.js';

/** Where the CLI writes: the console in real use, a buffer in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

// Whoever runs the CLI on the server's machine administers it; the ledger records who that was.
function cliContext(): CommandContext {
  const user = userInfo().username;
  return { now: new Date(), newId: uuidv7, actor: { id: `cli:${user}`, role: 'admin', name: user } };
}

function integer(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('a whole number');
  return Number(value);
}

function positiveInteger(value: string): number {
  const n = integer(value.replace(/_/g, ''));
  if (n < 1) throw new InvalidArgumentError('a whole number above 0');
  return n;
}

/** The `oversight` commands over a configuration; `exitCode()` tells how the last one ended. */
export function createProgram(config: Config, io: CliOutput): { program: Command; exitCode: () => number } {
  let exitCode = 0;
  // Commands that write pass `writes`: as the server does on start, projections the store lacks
  // are built first, so what the command writes is kept inline and the next start has nothing
  // to rebuild.
  const withLedger = async <T>(work: (ledger: Ledger) => Promise<T>, writes = false): Promise<T> => {
    const database = await openDatabase(config.storage);
    try {
      await migrateToLatest(database.db);
      const ledger = new Ledger(database, catalogue, projections);
      if (writes) await ledger.projections.catchUp();
      return await work(ledger);
    } finally {
      await database.close();
    }
  };

  const program = new Command('oversight').description(
    'Oversight: directives, tasks, shortcomings and who answers for them, on an append-only ledger.\n' +
      'Storage: DATABASE_URL (PostgreSQL) or embedded PGlite in OVERSIGHT_DATA_DIR (default ./data).',
  );

  program
    .command('serve')
    .description('migrate, catch projections up, and serve HTTP on HOST:PORT (default 127.0.0.1:3000)')
    .action(() => serve(config));

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const database = await openDatabase(config.storage);
      try {
        const applied = await migrateToLatest(database.db);
        io.out(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      } finally {
        await database.close();
      }
    });

  program
    .command('verify')
    .description('recompute every chain and seal; exit 1 with the first position that does not match')
    .option('--position <n>', 'a pinned head position to check against', Number)
    .option('--hash <hex>', 'the pinned head hash')
    .action(async (opts: { position?: number; hash?: string }) => {
      const expectHead =
        opts.position && opts.hash ? { position: opts.position, hash: opts.hash } : undefined;
      const report = await withLedger((ledger) => ledger.verify({ expectHead }));
      io.out(JSON.stringify(report, null, 2));
      if (!report.ok) {
        io.err(
          `ledger verification FAILED at position ${report.firstMismatch?.position}: ${report.firstMismatch?.reason}`,
        );
        exitCode = 1;
      }
    });

  program
    .command('head')
    .description('seal everything visible and print the head position and hash')
    .action(async () => {
      const head = await withLedger((ledger) => ledger.seal());
      io.out(JSON.stringify(head, null, 2));
    });

  program
    .command('rebuild')
    .description('rebuild projections from position 0 (all, or those named)')
    .argument('[names...]', 'projection names')
    .option('--json', 'print what was rebuilt as JSON (name, events, position, milliseconds)')
    .action(async (names: string[], opts: { json?: boolean }) => {
      const reports = await withLedger((ledger) => ledger.projections.rebuild(names));
      if (opts.json) return io.out(JSON.stringify(reports));
      for (const r of reports) {
        io.out(`${r.name}: ${r.events} events to position ${r.position} in ${r.milliseconds} ms`);
      }
    });

  program
    .command('seed')
    .description('load the facts of DOMAIN.md and the illustrative scenario; a second run appends nothing')
    .option('--no-scenario', 'only the facts, without the illustrative scenario')
    .option(
      '--synthetic',
      'instead of the scenario, generate the national-scale SYNTHETIC set (labelled synthetic) on top of the facts',
    )
    .option('--events <n>', 'about how many synthetic events', positiveInteger, 1_000_000)
    .option(
      '--seed <int>',
      'the seed of the synthetic generator (same seed, same events)',
      integer,
      DEFAULT_SEED,
    )
    .action(async (opts: { scenario: boolean; synthetic?: boolean; events: number; seed: number }) => {
      if (opts.synthetic) {
        const bar = eventsProgressBar();
        const report = await withLedger(
          (ledger) =>
            generateSynthetic(ledger, {
              events: opts.events,
              seed: opts.seed,
              progress: bar.update,
              log: (msg) => io.err(msg),
            }),
          true,
        ).finally(() => bar.stop());
        if (report.alreadyThere) {
          io.out('the store already holds a synthetic set: nothing appended');
          return;
        }
        io.out(JSON.stringify(report.byType, null, 2));
        io.out(
          `synthetic events written: ${report.events} in ${report.seconds.toFixed(1)} s, ` +
            `${report.eventsPerSecond} events/s (${report.writes} writes); ` +
            `views rebuilt from the log in ${report.viewSeconds.toFixed(1)} s`,
        );
        return;
      }
      const t = await withLedger(
        (ledger) => loadSeeds(ledger, { scenario: opts.scenario, progress: (msg) => io.err(msg) }),
        true,
      );
      io.out(`seed steps written: ${t.written}, already there: ${t.alreadyThere}`);
    });

  const token = program.command('token').description('access tokens for the HTTP API');
  token
    .command('create')
    .description('issue a token and print its secret, once')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option(
      '--unit <unitId>',
      'the unit a unit token acts for (and the units under it); for an inspection token, its commission',
    )
    .option('--name <name>', 'who or what holds the token')
    .action(async (opts: { role: string; unit?: string; name?: string }) => {
      const role = roles.find((r) => r === opts.role);
      if (!role) {
        io.err(`unknown role ${opts.role}: use one of ${roles.join(', ')}`);
        exitCode = 2;
        return;
      }
      await withLedger(async (ledger) => {
        const unitId = opts.unit?.normalize('NFC') ?? null;
        try {
          await checkTokenUnit(ledger.database, role, unitId, '--unit');
        } catch (error) {
          io.err((error as Error).message);
          exitCode = 2;
          return;
        }
        const name = (opts.name ?? `${role} token`).normalize('NFC');
        const issued = await issueToken(ledger, { name, role, unitId }, cliContext());
        io.out(JSON.stringify({ ...issued.response, secret: issued.secret }, null, 2));
        io.err('Keep the secret now: only its SHA-256 is stored, it cannot be shown again.');
      }, true);
    });
  token
    .command('revoke')
    .description('revoke a token; it stops working at once')
    .argument('<tokenId>', 'the token id')
    .requiredOption('--reason <reason>', 'why it is revoked')
    .action(async (tokenId: string, opts: { reason: string }) => {
      await withLedger(async (ledger) => {
        try {
          await handleCommand(
            ledger,
            tokenDecider,
            tokenId,
            { type: 'RevokeToken', reason: opts.reason },
            cliContext(),
          );
          io.out(`revoked ${tokenId}`);
        } catch (error) {
          if (!(error instanceof OversightError)) throw error;
          io.err(error.message);
          exitCode = 2;
        }
      }, true);
    });

  return { program, exitCode: () => exitCode };
}
