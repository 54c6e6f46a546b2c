import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors.js';
import { isWithin } from '../read/units.js';
import type { Principal, Role } from './principal.js';

/** What a request may need the right to do. */
export type Permission =
  | 'read'
  | 'units:manage'
  | 'tokens:manage'
  | 'directives:manage'
  | 'tasks:manage'
  | 'tasks:review'
  | 'shortcomings:flag'
  | 'shortcomings:review'
  | 'unit:act';

// The roles of issue 3. A unit's own actions (acknowledge, report, remediate, file) are
// `unit:act`: a unit token within its subtree, the secretariat on a unit's behalf.
const grants: Record<Role, readonly Permission[]> = {
  admin: ['read', 'units:manage', 'tokens:manage'],
  secretariat: ['read', 'directives:manage', 'tasks:manage', 'unit:act'],
  inspection: ['read', 'shortcomings:flag', 'shortcomings:review', 'tasks:review'],
  unit: ['read', 'unit:act'],
  viewer: ['read'],
};

/** Whether the role carries the permission. */
export function may(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/** Refuses (403) unless the principal holds one of the permissions. */
export function authorize(principal: Principal, ...permissions: Permission[]): void {
  if (!permissions.some((p) => may(principal.role, p))) {
    throw new ForbiddenError(`the ${principal.role} role may not do this`, {
      role: principal.role,
      required: permissions,
    });
  }
}

/**
 * Refuses (403) a unit's action unless the principal may act for that unit: a unit token only
 * for its own unit and the units under it. Returns the unit the action is recorded on behalf of.
 */
export async function authorizeForUnit(
  database: Database,
  principal: Principal,
  unitId: string,
  ...others: Permission[]
): Promise<string | null> {
  authorize(principal, 'unit:act', ...others);
  if (principal.role === 'unit') {
    if (!principal.unitId || !(await isWithin(database, unitId, principal.unitId))) {
      throw new ForbiddenError('a unit token acts only for its own unit and the units under it', {
        role: principal.role,
        tokenUnit: principal.unitId,
        unit: unitId,
      });
    }
    return unitId;
  }
  return principal.role === 'secretariat' ? unitId : null;
}

/**
 * Refuses (403) an inspection token named for one commission acting on another commission's
 * findings; a token named for no commission acts for all of them.
 */
export function authorizeForCommission(principal: Principal, inspectionUnitId: string): void {
  if (principal.role !== 'inspection' || !principal.unitId || principal.unitId === inspectionUnitId) return;
  throw new ForbiddenError('an inspection token acts only on its own commission’s findings', {
    role: principal.role,
    tokenUnit: principal.unitId,
    inspectionUnit: inspectionUnitId,
  });
}
