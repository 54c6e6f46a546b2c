import { sql } from 'kysely';
import { foundationProjections as projections } from '../../projections/index.js';
import type { Database } from '../../src/db/database.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { testCatalogue } from './catalogue.js';

/** A ledger over the fixture catalogue and the foundation projections (the views read domain events only). */
export function testLedger(database: Database): Ledger {
  return new Ledger(database, testCatalogue, projections);
}

/** How many events the log holds. */
export async function countEvents(database: Database): Promise<number> {
  const [row] = await database.sql.query<{ n: number }>({ text: 'select count(*)::int as n from events' });
  return row?.n ?? 0;
}

/**
 * Runs `statements` as a superuser would behind the application's back: with the append-only
 * triggers switched off for the duration.
 */
export async function tamper(database: Database, ...statements: ReturnType<typeof sql>[]): Promise<void> {
  const run = [
    sql`alter table events disable trigger user`,
    sql`alter table ledger_checkpoints disable trigger user`,
    ...statements,
    sql`alter table events enable trigger user`,
    sql`alter table ledger_checkpoints enable trigger user`,
  ];
  await database.sql.transaction(async (tx) => {
    for (const statement of run) await tx.query(statement.compile(database.db));
  });
}
