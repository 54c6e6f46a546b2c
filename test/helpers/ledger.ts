import { sql } from 'kysely';
import { projections } from '../../projections/index.js';
import type { Database } from '../../src/db/database.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { testCatalogue } from './catalogue.js';

/** A ledger over the fixture catalogue and the real projections. */
export function testLedger(database: Database): Ledger {
  return new Ledger(database.db, testCatalogue, projections);
}

/** How many events the log holds. */
export async function countEvents(database: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from events`.execute(database.db);
  return rows[0]?.n ?? 0;
}

/**
 * Runs `statement` as a superuser would behind the application's back: with the append-only
 * triggers switched off for the duration.
 */
export async function tamper(database: Database, ...statements: ReturnType<typeof sql>[]): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await sql`alter table events disable trigger user`.execute(trx);
    await sql`alter table ledger_checkpoints disable trigger user`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
    await sql`alter table events enable trigger user`.execute(trx);
    await sql`alter table ledger_checkpoints enable trigger user`.execute(trx);
  });
}
