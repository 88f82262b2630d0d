import { VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { VolunteerRequestSchema, type VolunteerRequest } from '@shared/volunteer/volunteer.schema'
import { canStep, REQUEST_STEP_TARGET, type RequestStep } from '@shared/volunteer/volunteer.states'
import type { TxStore } from '../_core/port'

/**
 * Moves a request one step inside a transaction: re-reads it by id, checks the step is allowed from its
 * current status (volunteer.states REQUEST_STEPS), appends the step record and writes the patch.
 */
export async function stepRequest(
  tx: TxStore,
  requestId: string,
  step: RequestStep,
  by: string,
  now: number,
  note: string | null,
  patch: Partial<VolunteerRequest> = {},
): Promise<VolunteerRequest> {
  const current = await tx.get<VolunteerRequest>('volunteer_requests', requestId)
  if (!current) throw VolunteerErrors.REQUEST_NOT_FOUND()
  if (!canStep(step, current.status)) throw VolunteerErrors.REQUEST_WRONG_STATE()
  const next = VolunteerRequestSchema.parse({
    ...current,
    ...patch,
    status: REQUEST_STEP_TARGET[step],
    steps: [...current.steps, { step, by, at: now, note: note || null }],
  })
  await tx.set('volunteer_requests', next)
  return next
}
