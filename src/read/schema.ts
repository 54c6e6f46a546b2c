import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** A unit in the register, as the units projection keeps it. */
export interface UnitRow {
  id: string;
  code: string;
  kind: string;
  parent_id: string | null;
  name_vi: string;
  name_en: string | null;
  status: string;
  successor_id: string | null;
  registered_from: string;
  ended_on: string | null;
  head_title: string | null;
  head_name: string | null;
  head_from: string | null;
  last_position: number;
}

/** An access token as the access_tokens projection keeps it (never the secret). */
export interface AccessTokenRow {
  id: string;
  secret_sha256: string;
  name: string;
  role: string;
  unit_id: string | null;
  issued_at: Date;
  revoked_at: Date | null;
}

/** The read tables the API queries. */
export interface ReadSchema {
  units: UnitRow;
  access_tokens: AccessTokenRow;
}

/** A query builder over the read tables; run what it builds with `database.sql`. */
export function readTables(database: Database): Kysely<ReadSchema> {
  return database.db as Kysely<ReadSchema>;
}
