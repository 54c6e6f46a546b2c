import { Command } from 'commander';
import { catalogue } from '../../events/index.js';
import { projections } from '../../projections/index.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { Ledger } from '../ledger/ledger.js';
import { serve } from '../server.js';

/** Where the CLI writes: the console in real use, a buffer in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The `oversight` commands over a configuration; `exitCode()` tells how the last one ended. */
export function createProgram(config: Config, io: CliOutput): { program: Command; exitCode: () => number } {
  let exitCode = 0;
  const withLedger = async <T>(work: (ledger: Ledger) => Promise<T>): Promise<T> => {
    const database = await openDatabase(config.storage);
    try {
      await migrateToLatest(database.db);
      return await work(new Ledger(database, catalogue, projections));
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
    .action(async (names: string[]) => {
      const reports = await withLedger((ledger) => ledger.projections.rebuild(names));
      for (const r of reports) {
        io.out(`${r.name}: ${r.events} events to position ${r.position} in ${r.milliseconds} ms`);
      }
    });

  return { program, exitCode: () => exitCode };
}
