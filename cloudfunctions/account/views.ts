import type { RoleAssignment, RoleView } from '@shared/account/account.schema'
import { ROLES } from '@shared/auth/roles'
import type { Runtime } from '../_core/runtime'

export async function roleView(rt: Runtime, a: Pick<RoleAssignment, 'role' | 'unitId'>): Promise<RoleView | null> {
  const unit = await rt.units.ref(a.unitId)
  if (!unit) return null
  return { role: a.role, roleLabel: ROLES[a.role].label, unit }
}
