import type { OrgUnit, Unit } from '@shared/account/account.schema'
import { C } from '../_core/collections'
import type { Runtime } from '../_core/runtime'
import { villagesUnder } from './account.repo'

/**
 * The 组织架构 page's numbers for one unit: households registered in it (a grid's by grid, a village's by village,
 * above by its villages, one indexed count each) and people holding a role in the unit itself.
 */
export async function orgUnitView(rt: Runtime, u: Unit): Promise<OrgUnit> {
  const ref = (await rt.units.ref(u._id))!
  const households =
    u.level === 'grid'
      ? rt.db.count(C.households, { gridId: u._id })
      : u.level === 'village'
        ? rt.db.count(C.households, { villageId: u._id })
        : u.level === 'department'
          ? Promise.resolve(0)
          : villagesUnder(rt, u._id).then(async (ids) =>
              (await Promise.all(ids.map((id) => rt.db.count(C.households, { villageId: id })))).reduce(
                (a, b) => a + b,
                0,
              ),
            )
  const [hh, staff, children] = await Promise.all([
    households,
    rt.db.count(C.role_assignments, { unitId: u._id, revokedAt: null, role: { $ne: 'resident' } }),
    u.level === 'grid' ? Promise.resolve(0) : rt.db.count(C.units, { parentId: u._id }),
  ])
  return {
    ...ref,
    code: u.code ?? (/^\d{6,12}$/.test(u._id) ? u._id : null),
    retired: !!u.retiredAt,
    hasChildren: children > 0,
    households: hh,
    staff,
  }
}

/** A unit as the audit log keeps it (what an admin changed). */
export function unitSnapshot(u: Unit): Record<string, unknown> {
  return { name: u.name, level: u.level, parentId: u.parentId, code: u.code ?? null, retiredAt: u.retiredAt ?? null }
}
