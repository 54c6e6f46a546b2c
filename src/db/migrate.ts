import { type Kysely, type Migration, Migrator } from 'kysely';
import * as ledger001 from './migrations/001_ledger.js';
import * as streams002 from './migrations/002_ledger_streams.js';
import * as unitsTokens003 from './migrations/003_units_and_tokens.js';
import * as views004 from './migrations/004_views.js';
import * as viewIndexes005 from './migrations/005_view_indexes.js';
import * as viewIndexDiet006 from './migrations/006_view_index_diet.js';
import * as packCovering007 from './migrations/007_pack_covering.js';
import * as knownByBtree008 from './migrations/008_known_by_btree.js';
import * as gapsIndexes009 from './migrations/009_gaps_indexes.js';
import * as scopeUntil010 from './migrations/010_scope_until.js';
import * as packListings011 from './migrations/011_pack_listings.js';
import * as registerOrder012 from './migrations/012_register_order.js';
import * as itemParts013 from './migrations/013_item_parts.js';
import * as documentStatistics014 from './migrations/014_document_statistics.js';

// A static list: migrations ship inside the app, whatever the working directory.
const migrations: Record<string, Migration> = {
  '001_ledger': ledger001,
  '002_ledger_streams': streams002,
  '003_units_and_tokens': unitsTokens003,
  '004_views': views004,
  '005_view_indexes': viewIndexes005,
  '006_view_index_diet': viewIndexDiet006,
  '007_pack_covering': packCovering007,
  '008_known_by_btree': knownByBtree008,
  '009_gaps_indexes': gapsIndexes009,
  '010_scope_until': scopeUntil010,
  '011_pack_listings': packListings011,
  '012_register_order': registerOrder012,
  '013_item_parts': itemParts013,
  '014_document_statistics': documentStatistics014,
};

/** Brings the schema up to date; throws if any migration fails. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
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
