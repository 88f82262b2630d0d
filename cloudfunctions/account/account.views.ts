import { AccountErrors } from '@shared/account/account.contract'
import { roleLabel } from '@shared/account/account.messages'
import { ACCOUNT_SERVER } from '@shared/account/account.server.messages'
import { publicHousehold } from '@shared/account/account.rules'
import type {
  Household,
  Invite,
  InviteView,
  JoinRequest,
  JoinRequestView,
  Me,
  MemberView,
  MyJoinRequest,
  RoleAssignment,
  RoleView,
  Unit,
  UnitRef,
  UnitSummary,
  User,
} from '@shared/account/account.schema'
import type { Permission } from '@shared/auth/permissions'
import { ROLES } from '@shared/auth/roles'
import { textOf, type Lang } from '@shared/i18n/i18n'
import { maskPhone } from '@shared/mask'
import type { Caller } from '../_core/caller'
import { C } from '../_core/collections'
import type { DataPort } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import { isHeadOf, membersOf, pendingRequestOf } from './account.repo'

/** A role in a unit, named for people in `lang`; null when the unit is gone (the role is then not shown). */
export async function roleView(
  rt: Runtime,
  a: Pick<RoleAssignment, 'role' | 'unitId'>,
  lang: Lang,
): Promise<RoleView | null> {
  const unit = await rt.units.ref(a.unitId)
  if (!unit) return null
  return { role: a.role, roleLabel: roleLabel(a.role, lang), unit }
}

export async function unitRefOr(rt: Runtime, unitId: string): Promise<UnitRef> {
  const unit = await rt.units.ref(unitId)
  if (!unit) throw AccountErrors.UNIT_NOT_FOUND()
  return unit
}

/** A household as a resident who is not (yet) in it may see it: the head masked, the address without names. */
export async function publicHouseholdOf(db: DataPort, h: Household): Promise<MyJoinRequest['household']> {
  const members = (await membersOf(db, [h._id])).get(h._id) ?? []
  return publicHousehold(
    h,
    members.map((m) => m.name),
  )
}

/** How messages to a requester name the household: what they may see of it. */
export function householdWords(h: { headName: string; address: string }): string {
  return h.address || h.headName
}

export async function myJoinRequestView(db: DataPort, r: JoinRequest): Promise<MyJoinRequest> {
  const h = await db.get(C.households, r.householdId)
  return {
    id: r._id,
    status: r.status,
    household: h ? await publicHouseholdOf(db, h) : { id: r.householdId, headName: '', address: '' },
    createdAt: r.createdAt,
  }
}

/** Who the caller is: name, masked phone, residence, household, pending request, roles and their permissions. */
export async function meView(rt: Runtime, { user, grants, isNew }: Caller, lang: Lang): Promise<Me> {
  const roles = (await Promise.all(grants.map((g) => roleView(rt, g, lang)))).filter((r) => r !== null)
  const permissions = [...new Set(grants.flatMap((g) => ROLES[g.role].permissions))] as Permission[]
  const [household, pending] = await Promise.all([
    user.householdId ? rt.db.get(C.households, user.householdId) : null,
    pendingRequestOf(rt.db, user._id),
  ])
  return {
    user: {
      id: user._id,
      name: user.name,
      phoneMasked: maskPhone(user.phone),
      householdId: user.householdId,
      residence: user.residenceUnitId ? await rt.units.ref(user.residenceUnitId) : null,
      lang: user.lang ?? null,
      named: !!user.namedAt || user.openid === null,
      phoneVerified: !!user.phoneVerifiedAt || (user.openid === null && !!user.phone),
    },
    household: household
      ? { id: household._id, headName: household.headName, address: household.address, head: isHeadOf(user, household) }
      : null,
    joinRequest: pending ? await myJoinRequestView(rt.db, pending) : null,
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

export async function memberView(
  rt: Runtime,
  a: RoleAssignment,
  user: User | undefined,
  lang: Lang,
): Promise<MemberView> {
  return {
    userId: a.userId,
    name: user?.name ?? textOf(ACCOUNT_SERVER['account.user_gone'], lang),
    phoneMasked: maskPhone(user?.phone),
    role: a.role,
    roleLabel: roleLabel(a.role, lang),
    unit: (await rt.units.ref(a.unitId))!,
    since: a.createdAt,
  }
}

export async function inviteView(rt: Runtime, invite: Invite, lang: Lang): Promise<InviteView> {
  return {
    code: invite._id,
    role: invite.role,
    roleLabel: roleLabel(invite.role, lang),
    unit: await unitRefOr(rt, invite.unitId),
    expiresAt: invite.expiresAt,
  }
}

/** A join request for those who decide it: the requester by name, the household in full (it is theirs to judge). */
export async function joinRequestView(
  rt: Runtime,
  r: JoinRequest,
  requester: User | undefined,
  h: Household | undefined,
  lang: Lang,
): Promise<JoinRequestView> {
  return {
    id: r._id,
    status: r.status,
    requester: {
      id: r.userId,
      name: requester?.name ?? textOf(ACCOUNT_SERVER['account.user_gone'], lang),
      phoneMasked: maskPhone(requester?.phone),
    },
    household: { id: r.householdId, headName: h?.headName ?? '', address: h?.address ?? '' },
    grid: await unitRefOr(rt, r.gridId),
    note: r.note,
    createdAt: r.createdAt,
  }
}
