import { AccountErrors } from '@shared/account/account.contract'
import type {
  Household,
  Invite,
  InviteView,
  Me,
  MemberView,
  RoleAssignment,
  RoleView,
  Unit,
  UnitSummary,
  User,
} from '@shared/account/account.schema'
import type { Permission } from '@shared/auth/permissions'
import { ROLES } from '@shared/auth/roles'
import { maskName, maskPhone } from '@shared/mask'
import type { Caller } from '../_core/caller'
import { C } from '../_core/collections'
import type { Runtime } from '../_core/runtime'

/** A role in a unit, named for people; null when the unit is gone (the role is then not shown). */
export async function roleView(rt: Runtime, a: Pick<RoleAssignment, 'role' | 'unitId'>): Promise<RoleView | null> {
  const unit = await rt.units.ref(a.unitId)
  if (!unit) return null
  return { role: a.role, roleLabel: ROLES[a.role].label, unit }
}

/** Who the caller is: name, masked phone, residence, roles and the permissions they add up to. */
export async function meView(rt: Runtime, { user, grants, isNew }: Caller): Promise<Me> {
  const roles = (await Promise.all(grants.map((g) => roleView(rt, g)))).filter((r) => r !== null)
  const permissions = [...new Set(grants.flatMap((g) => ROLES[g.role].permissions))] as Permission[]
  return {
    user: {
      id: user._id,
      name: user.name,
      phoneMasked: maskPhone(user.phone),
      householdId: user.householdId,
      residence: user.residenceUnitId ? await rt.units.ref(user.residenceUnitId) : null,
    },
    roles,
    permissions: permissions.sort(),
    isNew,
  }
}

/** A unit to pick from the tree; grids are leaves, other units say whether anything is below them. */
export async function unitSummary(rt: Runtime, u: Unit): Promise<UnitSummary> {
  const ref = (await rt.units.ref(u._id))!
  const hasChildren = u.level !== 'grid' && (await rt.db.count(C.units, { parentId: u._id })) > 0
  return { ...ref, hasChildren }
}

/** Head names masked: enough to recognise one's own household, not to list the neighbours. */
export function householdView(h: Household) {
  return { id: h._id, headNameMasked: maskName(h.headName), address: h.address }
}

export async function memberView(rt: Runtime, a: RoleAssignment, user: User | undefined): Promise<MemberView> {
  return {
    userId: a.userId,
    name: user?.name ?? '（已注销）',
    phoneMasked: maskPhone(user?.phone),
    role: a.role,
    roleLabel: ROLES[a.role].label,
    unit: (await rt.units.ref(a.unitId))!,
    since: a.createdAt,
  }
}

export async function inviteView(rt: Runtime, invite: Invite): Promise<InviteView> {
  const unit = await rt.units.ref(invite.unitId)
  if (!unit) throw AccountErrors.UNIT_NOT_FOUND()
  return {
    code: invite._id,
    role: invite.role,
    roleLabel: ROLES[invite.role].label,
    unit,
    expiresAt: invite.expiresAt,
  }
}
