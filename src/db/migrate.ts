import { type Kysely, type Migration, Migrator } from 'kysely';
import * as ledger001 from './migrations/001_ledger.js';

// A static list: migrations ship inside the app, whatever the working directory.
const migrations: Record<string, Migration> = {
  '001_ledger': ledger001,
};

/** Brings the schema up to date; throws if any migration fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
