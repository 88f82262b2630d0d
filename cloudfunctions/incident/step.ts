import { IncidentErrors } from '@shared/incident/incident.contract'
import {
  HANDLER_LEVEL_LABELS,
  type HandlerLevel,
  type Incident,
  type IncidentAction,
  type IncidentEvent,
  type IncidentStatus,
  type InboxMessage,
} from '@shared/incident/incident.schema'
import {
  CLOSE_AFTER_FEEDBACK_DAYS,
  CONFIRM_DAYS,
  acceptDue,
  daysFrom,
  deadlineRule,
} from '@shared/incident/incident.rules'
import { STATUS_META, nextState } from '@shared/incident/incident.states'
import { bjMonth } from '@shared/time/beijing'
import type { TxStore } from '../_core/port'
import type { HandlerNotice } from './handlers'
import {
  INCIDENTS,
  appendEvent,
  audience,
  bump,
  countedUnits,
  tellInTx,
  unitForLevel,
  type Deltas,
  type Tell,
} from './store'

type Move = Exclude<IncidentAction, 'report'>
type Record_ = 'join' | 'mediate' | 'rate_dept' | 'overdue'

export interface Step {
  /** a state move from the table, or a record that leaves the status as it is */
  kind: { move: Move } | { record: Record_ }
  by: { userId: string | null; name: string }
  note: string
  photos: string[]
  now: number
  /** extra fields (department, rating, dispute…), from the incident as read inside the transaction */
  patch?: (inc: Incident) => Partial<Incident>
  /** a stage deadline the step sets itself (dispatch) */
  dueAt?: number
  /** extra counters: [units, deltas] */
  counters?: (inc: Incident) => Array<[string[], Deltas]>
  /** the message for the reporter and followers (null: none) */
  tell?: (inc: Incident) => Tell | null
  /** refuse unless this holds for the incident read inside the transaction */
  guard?: (inc: Incident) => void
  /** the people who must act next (looked up before the transaction), told if the step lands as predicted */
  notice?: HandlerNotice | null
}

/** The deadline of the stage an incident enters (accept-by, resolve-by, department deadline, confirm-by). */
function stageDue(inc: Incident, status: IncidentStatus, now: number): number | null {
  const rule = deadlineRule(inc.category, inc.severity)
  switch (status) {
    case 'submitted':
    case 'escalated':
    case 'reopened':
      return acceptDue(rule, now)
    case 'accepted':
      return Math.max(inc.resolveBy, now)
    case 'dispatched':
      return inc.dispatchDeadline
    case 'reported_back':
      return daysFrom(now, CLOSE_AFTER_FEEDBACK_DAYS)
    case 'resolved':
      return daysFrom(now, CONFIRM_DAYS)
    default:
      return null
  }
}

const hours = (ms: number) => ms / 3_600_000

/**
 * One step of an incident inside the caller's transaction: re-reads it by id, checks the state table,
 * writes the new state, appends the timeline event (deterministic id by sequence, so two concurrent
 * steps cannot both land), keeps the counters and writes the inbox messages.
 */
export async function applyStep(
  tx: TxStore,
  incidentId: string,
  step: Step,
): Promise<{ incident: Incident; event: IncidentEvent; messages: InboxMessage[] }> {
  const inc = await tx.get<Incident>(INCIDENTS, incidentId)
  if (!inc) throw IncidentErrors.NOT_FOUND()
  step.guard?.(inc)
  const now = step.now
  let status: IncidentStatus = inc.status
  let level: HandlerLevel = inc.level
  const patch: Partial<Incident> = { ...(step.patch?.(inc) ?? {}) }
  const month = bjMonth(now)
  const units = countedUnits(inc)
  const deltas: Array<[string[], Deltas]> = []

  if ('move' in step.kind) {
    const action = step.kind.move
    const next = nextState(inc, action)
    if (!next) throw IncidentErrors.INVALID_TRANSITION()
    status = next.status
    level = next.level
    const merged = { ...inc, ...patch, status, level }
    const due = step.dueAt ?? stageDue(merged, status, now)
    Object.assign(patch, {
      status,
      level,
      open: STATUS_META[status].open,
      handlerUnitId: unitForLevel(merged, level),
      dueAt: due,
      sweepAt: due,
    })
    if (status === 'accepted' && !inc.acceptedAt) patch.acceptedAt = now
    if (status === 'escalated') patch.escalatedBy = step.by.userId
    if (status === 'resolved') {
      Object.assign(patch, {
        resolvedAt: now,
        resolvedLevel: inc.level,
        resolvedUnitId: inc.handlerUnitId,
        resolution: step.note || inc.resolution,
      })
      if (!inc.firstClosedAt) {
        patch.firstClosedAt = now
        deltas.push([
          units,
          { closed: 1, closedOnTime: now <= inc.resolveBy ? 1 : 0, closeHoursSum: hours(now - inc.reportedAt) },
        ])
      }
    }
    if (status === 'rejected') {
      patch.rejectReason = step.note
      deltas.push([units, { rejected: 1 }])
    }
    if (status === 'confirmed') patch.confirmedAt = now
    if (action === 'auto_confirm') deltas.push([units, { closedUnrated: 1 }])
    if (action === 'rate_unsatisfied') deltas.push([units, { reopened: 1 }])
    if (action === 'auto_escalate' && !inc.overdue) {
      patch.overdue = true
      deltas.push([units, { overdue: 1 }])
    }
    if (status === 'reported_back') patch.reportedBackAt = now
  }
  deltas.push(...(step.counters?.(inc) ?? []))

  const seq = inc.seq + 1
  const updated: Incident = { ...inc, ...patch, seq, updatedAt: now }
  const { _id: _ignored, ...fields } = { ...patch, seq, updatedAt: now } as Partial<Incident> & { _id?: string }
  void _ignored
  await tx.update(INCIDENTS, incidentId, fields)
  const event = await appendEvent(tx, {
    incidentId,
    seq,
    action: 'move' in step.kind ? step.kind.move : step.kind.record,
    fromStatus: inc.status,
    toStatus: updated.status,
    level: updated.level,
    unitId: updated.handlerUnitId,
    byUserId: step.by.userId,
    byName: step.by.name,
    at: now,
    note: step.note,
    photos: step.photos,
  })
  for (const [u, d] of deltas) await bump(tx, u, month, d)
  const t = step.tell?.(updated) ?? null
  const messages = t ? await tellInTx(tx, audience(updated), incidentId, seq, t, now) : []
  if (step.notice?.when(updated))
    messages.push(...(await tellInTx(tx, step.notice.userIds, incidentId, seq, step.notice.tell(updated), now)))
  return { incident: updated, event, messages }
}

export function levelLabel(level: HandlerLevel): string {
  return HANDLER_LEVEL_LABELS[level]
}
