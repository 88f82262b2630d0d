import type { Permission } from './permissions'
import { ROLES, type RoleName } from './roles'

/** A role held in a unit (only the fields access checks need). */
export interface Grant {
  role: RoleName
  unitId: string
}

/**
 * Whether any of the grants gives `permission` in the unit whose path (root → unit, inclusive) is
 * `unitPath`. A grant held in unit U covers U and every unit below it.
 */
export function can(grants: readonly Grant[], permission: Permission, unitPath: readonly string[]): boolean {
  return grants.some((g) => ROLES[g.role].permissions.includes(permission) && unitPath.includes(g.unitId))
}

/** Whether any grant gives the permission anywhere (to show or hide an entry in the UI). */
export function hasAnywhere(grants: readonly Grant[], permission: Permission): boolean {
  return grants.some((g) => ROLES[g.role].permissions.includes(permission))
}

/** Unit ids where the grants give `permission` (the roots of the caller's scope for it). */
export function scopeRoots(grants: readonly Grant[], permission: Permission): string[] {
  return [...new Set(grants.filter((g) => ROLES[g.role].permissions.includes(permission)).map((g) => g.unitId))]
}

/** Whether a holder of `grants` may hand out `role` in the unit at `unitPath` by invite. */
export function canGrantRole(grants: readonly Grant[], role: RoleName, unitPath: readonly string[]): boolean {
  return grants.some(
    (g) =>
      ROLES[g.role].permissions.includes('invite_create') &&
      ROLES[g.role].grants.includes(role) &&
      unitPath.includes(g.unitId),
  )
}
