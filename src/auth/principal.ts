import type { roles } from '../../events/tokens.js';
import type { Database } from '../db/database.js';
import { readTables } from '../read/schema.js';
import { secretDigest } from './secret.js';

/** A role a token carries. */
export type Role = (typeof roles)[number];

/** Who is calling: the token, its name, its role, and the unit a unit token speaks for. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  unitId: string | null;
}

/** The principal a bearer secret stands for, or undefined if unknown or revoked. */
export async function principalFor(database: Database, secret: string): Promise<Principal | undefined> {
  const query = readTables(database)
    .selectFrom('access_tokens')
    .select(['id', 'name', 'role', 'unit_id'])
    .where('secret_sha256', '=', secretDigest(secret))
    .where('revoked_at', 'is', null);
  const [row] = await database.sql.query<{ id: string; name: string; role: Role; unit_id: string | null }>(
    query.compile(),
  );
  return row && { tokenId: row.id, name: row.name, role: row.role, unitId: row.unit_id };
}
