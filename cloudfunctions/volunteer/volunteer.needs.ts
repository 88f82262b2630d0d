import { VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { NeedSchema, type Need, type Org } from '@shared/volunteer/volunteer.schema'
import { canTransition, NEED_TRANSITION_TARGET, type NeedTransition } from '@shared/volunteer/volunteer.states'
import { C } from '../_core/collections'
import type { TxStore } from '../_core/port'
import { ANYWHERE } from '../_core/wrap'

/**
 * Makes one transition of a need inside a transaction: re-reads it by id, checks the transition is allowed from
 * its current status (volunteer.states NEED_TRANSITIONS), appends it to the need's history and writes the patch.
 */
export async function transitionNeed(
  tx: TxStore,
  needId: string,
  transition: NeedTransition,
  by: string,
  now: number,
  note: string | null,
  patch: Partial<Need> = {},
): Promise<Need> {
  const current = await tx.get(C.volunteer_needs, needId)
  if (!current) throw VolunteerErrors.NEED_NOT_FOUND()
  if (!canTransition(transition, current.status)) throw VolunteerErrors.NEED_WRONG_STATE()
  const next = NeedSchema.parse({
    ...current,
    ...patch,
    status: NEED_TRANSITION_TARGET[transition],
    transitions: [...current.transitions, { transition, by, at: now, note: note || null }],
  })
  await tx.set(C.volunteer_needs, next)
  return next
}

/**
 * The unit the village's and organisations' permissions on a need are checked in: its village. createNeed
 * always sets one; without it the permission is checked anywhere in the caller's scope.
 */
export function needUnit(need: Need): string | typeof ANYWHERE {
  return need.villageId ?? ANYWHERE
}

/** Whether a need lies in an organisation's service area (its village, or its township's villages). */
export function inOrgArea(org: Org, need: Need): boolean {
  return org.villageId ? need.villageId === org.villageId : need.townshipId === org.townshipId
}
