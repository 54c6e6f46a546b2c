import { sql } from 'kysely';
import type { UnitDocument } from '../../projections/views/units.js';
import type { Database } from '../db/database.js';
import { readDocuments } from './documents.js';
import type { Knowledge } from './knowledge.js';
import { UnitTree } from './unit-tree.js';

// Units change a few times a year while views are read constantly: trees are kept per version
// of the unit table (the last position that changed a unit), a handful at a time.
const KEEP = 8;

/** Unit trees by the position of the last unit change they include. */
export class UnitTrees {
  private readonly trees = new Map<number, UnitTree>();

  constructor(private readonly database: Database) {}

  /** The unit tree as known at the knowledge's position. */
  async at(k: Knowledge): Promise<UnitTree> {
    const query = k.current
      ? sql`select coalesce(max(from_pos), 0)::float8 as v from view_units`
      : sql`select coalesce(max(from_pos), 0)::float8 as v from view_units where from_pos <= ${k.position}`;
    const [row] = await this.database.sql.query<{ v: number }>(query.compile(this.database.db));
    const version = Number(row?.v ?? 0);
    const known = this.trees.get(version);
    if (known) return known;
    const tree = new UnitTree(await readDocuments<UnitDocument>(this.database, 'view_units', k));
    if (this.trees.size >= KEEP) this.trees.delete(this.trees.keys().next().value as number);
    this.trees.set(version, tree);
    return tree;
  }
}
