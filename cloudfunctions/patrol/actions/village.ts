import type { RoleAssignment } from '@shared/account/account.schema'
import { ROLES } from '@shared/auth/roles'
import { PatrolErrors } from '@shared/patrol/patrol.contract'
import type { ActionContext } from '../../_core/wrap'

/** Teams, routes and shifts belong to a village (村/社区). */
export async function assertVillage(ctx: ActionContext, villageId: string): Promise<void> {
  const unit = await ctx.rt.units.get(villageId)
  if (!unit) throw PatrolErrors.UNIT_NOT_FOUND()
  if (unit.level !== 'village') throw PatrolErrors.NOT_A_VILLAGE()
}

/** People who may patrol in the village: they hold a role with checkin_create in it or in one of its grids. */
export async function patrollersOf(ctx: ActionContext, villageId: string): Promise<string[]> {
  const grids = await ctx.rt.units.children(villageId)
  const rows = await ctx.db.find<RoleAssignment>('role_assignments', {
    where: { unitId: { $in: [villageId, ...grids.map((g) => g._id)] }, revokedAt: null },
    limit: 2000,
  })
  return [...new Set(rows.filter((r) => ROLES[r.role].permissions.includes('checkin_create')).map((r) => r.userId))]
}
