import type { roles } from '../../../events/tokens.js';
import type { Database } from '../../db/database.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { findUnit } from '../../read/units.js';

/**
 * Refuses the unit a token is to name unless it exists and suits the role: a unit token acts for
 * any unit, an inspection token only for an inspection commission (whose findings it then judges).
 */
export async function checkTokenUnit(
  database: Database,
  role: (typeof roles)[number],
  unitId: string | null,
  path: string,
): Promise<void> {
  if (!unitId) return;
  const unit = await findUnit(database, unitId);
  if (!unit) throw new NotFoundError(`no unit ${unitId}`, { issues: [{ path, message: 'no such unit' }] });
  if (role === 'inspection' && unit.kind !== 'inspection_commission') {
    throw new ValidationError(`an inspection token names an inspection commission, not a ${unit.kind}`, [
      { path, message: `is a ${unit.kind}, not an inspection_commission` },
    ]);
  }
}
