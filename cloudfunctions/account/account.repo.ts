import { AccountErrors } from '@shared/account/account.contract'
import { INVITE_CODE_ALPHABET, type Household, type Invite, type Unit } from '@shared/account/account.schema'
import type { RoleName } from '@shared/auth/roles'
import type { Caller } from '../_core/caller'
import { C } from '../_core/collections'
import { randomCode, stableId } from '../_core/ids'
import { getOr, type DataPort, type TxStore } from '../_core/port'
import type { Runtime } from '../_core/runtime'

/**
 * The account domain's data: units (through the runtime's cached `UnitDirectory`), households, invites and role
 * assignments. Users are created by `_core/caller.ts` on a WeChat user's first call.
 */

/** A role is held once per person, role and unit: redeeming or moving twice finds the same assignment. */
export function assignmentId(userId: string, role: RoleName, unitId: string): string {
  return stableId('ra', userId, role, unitId)
}

/** An invite's id is its code: 8 of 32 symbols that cannot be misread (no 0/O, 1/I). */
export function newInviteCode(): string {
  return randomCode(INVITE_CODE_ALPHABET, 8)
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
  return grid
}

/** A household that must be in the given grid (a resident claims one of their own grid only). */
export async function loadHouseholdIn(db: DataPort, gridId: string, householdId: string): Promise<Household> {
  const household = await getOr(db, C.households, householdId, AccountErrors.HOUSEHOLD_NOT_IN_GRID)
  if (household.gridId !== gridId) throw AccountErrors.HOUSEHOLD_NOT_IN_GRID()
  return household
}

export function loadInvite(db: DataPort | TxStore, code: string): Promise<Invite> {
  return getOr(db, C.invites, code, AccountErrors.INVITE_NOT_FOUND)
}

/** The caller's resident roles in other grids than `gridId` (a move revokes them). */
export function residencesElsewhere(caller: Caller, gridId: string) {
  return caller.grants.filter((g) => g.role === 'resident' && g.unitId !== gridId)
}
