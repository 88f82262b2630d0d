import { AccountErrors } from '@shared/account/account.contract'
import {
  INVITE_CODE_ALPHABET,
  type Household,
  type Invite,
  type JoinRequest,
  type Unit,
  type User,
} from '@shared/account/account.schema'
import type { RoleName } from '@shared/auth/roles'
import type { Caller } from '../_core/caller'
import { C } from '../_core/collections'
import { randomCode, stableId } from '../_core/ids'
import { getOr, type DataPort, type TxStore } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import type { WriteContext } from '../_core/wrap'

/**
 * The account domain's data: units (through the runtime's cached `UnitDirectory`), households and who belongs to
 * them, join requests, invites and role assignments. Users are created by `_core/caller.ts` on a WeChat user's
 * first call.
 */

/** A role is held once per person, role and unit: redeeming or moving twice finds the same assignment. */
export function assignmentId(userId: string, role: RoleName, unitId: string): string {
  return stableId('ra', userId, role, unitId)
}

/** An invite's id is its code: 8 of 32 symbols that cannot be misread (no 0/O, 1/I). */
export function newInviteCode(): string {
  return randomCode(INVITE_CODE_ALPHABET, 8)
}

/**
 * A person's n-th join request (n counted from 0). Two requests sent at once by one person count the same n, so
 * the second insert fails instead of leaving two requests pending.
 */
export function joinRequestId(userId: string, n: number): string {
  return stableId('jr', userId, String(n))
}

export async function loadUnit(rt: Runtime, unitId: string): Promise<Unit> {
  const unit = await rt.units.get(unitId)
  if (!unit) throw AccountErrors.UNIT_NOT_FOUND()
  return unit
}

/** A unit that must be a grid: where residents live and households are listed. */
export async function loadGrid(rt: Runtime, gridId: string): Promise<Unit> {
  const grid = await loadUnit(rt, gridId)
  if (grid.level !== 'grid') throw AccountErrors.NOT_A_GRID()
  if (grid.retiredAt) throw AccountErrors.UNIT_RETIRED()
  return grid
}

export function loadHousehold(db: Pick<DataPort, 'get'> | TxStore, householdId: string): Promise<Household> {
  return getOr(db, C.households, householdId, AccountErrors.HOUSEHOLD_NOT_FOUND)
}

export function loadJoinRequest(db: Pick<DataPort, 'get'> | TxStore, id: string): Promise<JoinRequest> {
  return getOr(db, C.join_requests, id, AccountErrors.JOIN_REQUEST_NOT_FOUND)
}

export function loadInvite(db: DataPort | TxStore, code: string): Promise<Invite> {
  return getOr(db, C.invites, code, AccountErrors.INVITE_NOT_FOUND)
}

/** The caller's resident roles in other grids than `gridId` (a move revokes them). */
export function residencesElsewhere(caller: Caller, gridId: string) {
  return caller.grants.filter((g) => g.role === 'resident' && g.unitId !== gridId)
}

/** The person's join request waiting for a decision (at most one: a new one withdraws the old). */
export async function pendingRequestOf(db: DataPort, userId: string): Promise<JoinRequest | null> {
  const [r] = await db.find(C.join_requests, { where: { userId, status: 'pending' }, limit: 1 })
  return r ?? null
}

/** The approved request that is the person's membership of the household (none for memberships made before). */
export async function membershipOf(db: DataPort, userId: string, householdId: string): Promise<JoinRequest | null> {
  const [r] = await db.find(C.join_requests, { where: { userId, status: 'approved', householdId }, limit: 1 })
  return r ?? null
}

/** Who belongs to each of the households, by household id. */
export async function membersOf(db: DataPort, householdIds: readonly string[]): Promise<Map<string, User[]>> {
  const out = new Map<string, User[]>(householdIds.map((id) => [id, []]))
  if (!householdIds.length) return out
  const users = await db.find(C.users, { where: { householdId: { $in: [...householdIds] } }, limit: 1000 })
  for (const u of users) if (u.householdId) out.get(u.householdId)?.push(u)
  return out
}

/** The head of a household who still belongs to it (a head who moved away decides nothing for it). */
export function isHeadOf(user: Pick<User, '_id' | 'householdId'>, h: Household): boolean {
  return h.headUserId === user._id && user.householdId === h._id
}

/**
 * Whether the caller (`me`, as read in the transaction) may decide who belongs to the household: its head, or
 * someone holding `household_approve` in its grid (the grid worker, a village official). Asked in `run`, after the
 * contract's (null) permission.
 */
export async function mayManageHousehold(
  ctx: Pick<WriteContext, 'can'>,
  h: Household,
  me: Pick<User, '_id' | 'householdId'>,
): Promise<boolean> {
  return isHeadOf(me, h) || (await ctx.can('household_approve', h.gridId))
}

/** The caller's own user as it is now (inside the transaction): memberships are decided on what is, not was. */
export async function meIn(tx: TxStore, ctx: Pick<WriteContext, 'caller'>): Promise<User> {
  return (await tx.get(C.users, ctx.caller.user._id)) ?? ctx.caller.user
}

/** The villages below a unit above village level (kept as long as the tree is: `rt.units.memo`). */
export function villagesUnder(rt: Runtime, rootId: string): Promise<string[]> {
  return rt.units.memo(`account.villages:${rootId}`, async () => {
    const out: string[] = []
    let level = [rootId]
    while (level.length) {
      const next: string[] = []
      for (const id of level) {
        for (const u of await rt.units.children(id)) {
          if (u.level === 'village') out.push(u._id)
          else if (u.level !== 'grid' && u.level !== 'department') next.push(u._id)
        }
      }
      level = next
    }
    return out
  })
}

/** A unit still in use (a retired one keeps its history, but nobody is newly placed or granted a role there). */
export async function loadLiveUnit(rt: Runtime, unitId: string): Promise<Unit> {
  const unit = await loadUnit(rt, unitId)
  if (unit.retiredAt) throw AccountErrors.UNIT_RETIRED()
  return unit
}

/** The county a unit belongs to (itself, for a county): units are managed within one county. */
export async function countyOf(rt: Runtime, unit: Unit): Promise<Unit | null> {
  for (const id of unit.path) {
    const u = id === unit._id ? unit : await rt.units.get(id)
    if (u?.level === 'county') return u
  }
  return null
}

/** Every unit below `rootId` (not itself), level by level, at most `max` (null: more than that). */
export async function subtreeOf(rt: Runtime, rootId: string, max: number): Promise<Unit[] | null> {
  const out: Unit[] = []
  let level = [rootId]
  while (level.length) {
    const next: string[] = []
    for (const id of level) {
      for (const u of await rt.units.children(id)) {
        out.push(u)
        if (out.length > max) return null
        if (u.level !== 'grid') next.push(u._id)
      }
    }
    level = next
  }
  return out
}

/** The grids below a unit (itself, when it is one), live or retired. */
export function gridsUnder(rt: Runtime, rootId: string): Promise<Unit[]> {
  return rt.units.memo(`account.grids:${rootId}`, async () => {
    const root = await rt.units.get(rootId)
    if (!root) return []
    if (root.level === 'grid') return [root]
    const out: Unit[] = []
    let level = [rootId]
    while (level.length) {
      const next: string[] = []
      for (const id of level)
        for (const u of await rt.units.children(id)) {
          if (u.level === 'grid') out.push(u)
          else if (u.level !== 'department') next.push(u._id)
        }
      level = next
    }
    return out
  })
}

export function rosterPersonId(phone: string): string {
  return stableId('rp', phone)
}
export function rosterRoleId(phone: string, role: RoleName, unitId: string): string {
  return stableId('rr', phone, role, unitId)
}
export function phoneClaimId(phone: string): string {
  return stableId('ph', phone)
}
export function householdIdOf(gridId: string, householdNo: string): string {
  return stableId('hh', gridId, householdNo)
}
