import type { z } from 'zod'
import type { ActionDef } from '@shared/contract'
import type { MessageRef } from '@shared/i18n/i18n'
import { statusLabel } from '@shared/incident/incident.labels'
import { IncidentErrors } from '@shared/incident/incident.contract'
import type {
  HandlerLevel,
  Incident,
  IncidentEvent,
  IncidentStatus,
  TransitionAction,
  TransitionOutputSchema,
} from '@shared/incident/incident.schema'
import {
  CLOSE_AFTER_FEEDBACK_DAYS,
  CONFIRM_DAYS,
  acceptDue,
  daysFrom,
  deadlineRule,
  warnTime,
} from '@shared/incident/incident.rules'
import { STATUS_META, TASK_OPEN, nextState } from '@shared/incident/incident.states'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../_core/collections'
import type { PushMessage, PushProfile } from '../_core/notifier'
import { DuplicateKeyError, StaleReadError, type TxStore } from '../_core/port'
import { defineAction, type ActionContext, type ActionImpl, type PhasedAction } from '../_core/wrap'
import { noticeForTransition, type HolderNotice } from './incident.holders'
import {
  appendEvent,
  audience,
  bump,
  countedUnits,
  loadIncident,
  unitForLevel,
  inboxMessages,
  noticeMessages,
  writeMessages,
  type Counted,
  type Deltas,
  type Tell,
} from './incident.repo'

import type { RecordKind } from '@shared/incident/incident.schema'

/** One transition of a case: a move in its state table, or a record on its timeline. */
export interface Transition {
  kind: { action: TransitionAction } | { record: RecordKind }
  by: { userId: string | null; name: string }
  /** what the person typed */
  note: string
  /** what the system says of the step (an outcome, a rating, a deadline), rendered in each reader's language */
  systemNote?: MessageRef
  photos: string[]
  /** of `photos`, those whose media check had passed when adopted (`WriteRunArgs.passed`) */
  photosPassed?: string[]
  now: number
  /** extra fields (department, rating, dispute…), from the incident as read inside the transaction */
  patch?: (inc: Incident) => Partial<Incident>
  /** a stage deadline the transition sets itself (dispatch) */
  dueAt?: number
  /** extra counters: [units, deltas] */
  counters?: (inc: Incident) => Array<[Counted, Deltas]>
  /** the message for the reporter and followers (null: none) */
  tell?: (inc: Incident) => Tell | null
  /** refuse unless this holds for the incident read inside the transaction */
  guard?: (inc: Incident) => void
  /** the people who must act next (looked up before the transaction), told if the transition lands as predicted */
  notice?: HolderNotice | null
  /** more people to tell the same way (each department whistled, the centre a department asks for 协办) */
  notices?: HolderNotice[]
}

/** The deadline of the stage an incident enters (accept-by, resolve-by, department deadline, confirm-by). */
function stageDue(inc: Incident, status: IncidentStatus, now: number): number | null {
  // the accept-within hours the county's settings gave the case when it was filed
  const rule = {
    ...deadlineRule(inc.category, inc.severity),
    ...(inc.acceptHours ? { acceptHours: inc.acceptHours } : {}),
  }
  switch (status) {
    case 'submitted':
    case 'escalated':
    case 'reopened':
    case 'returned':
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
 * One transition of an incident inside the caller's transaction: reads it by id (or takes `known`, the incident as
 * read before the transaction), checks the state table, writes the new state, appends the timeline event
 * (deterministic id by sequence, so two concurrent transitions cannot both land), keeps the counters and writes the
 * inbox messages, which it returns as the pushes to send after the commit.
 *
 * `known` needs no read in the transaction, and is as exact as one: every change of a case is a transition (this
 * function) that raises its `seq` and inserts the timeline event of that `seq`, so if the case changed after `known`
 * was read, the event this transition inserts (`known.seq + 1`) exists and the insert fails: the transaction rolls
 * back and the action runs again from its `load` (StaleReadError). The one write to a case outside this function
 * (the warning sweep clearing `warnAt`, incident.sweep.ts) changes nothing a transition reads: each move sets
 * `warnAt` afresh, and a record on the timeline leaves it.
 */
export async function applyTransition(
  tx: TxStore,
  incidentId: string,
  t: Transition,
  known?: Incident,
): Promise<{ incident: Incident; event: IncidentEvent; messages: PushMessage[] }> {
  const inc = known?._id === incidentId ? known : await loadIncident(tx, incidentId)
  t.guard?.(inc)
  const now = t.now
  let status: IncidentStatus = inc.status
  let level: HandlerLevel = inc.level
  const patch: Partial<Incident> = { ...(t.patch?.(inc) ?? {}) }
  const month = bjMonth(now)
  const units = countedUnits(inc)
  const deltas: Array<[Counted, Deltas]> = []

  if ('action' in t.kind) {
    const action = t.kind.action
    const next = nextState(inc, action)
    if (!next) throw IncidentErrors.INVALID_TRANSITION()
    status = next.status
    level = next.level
    const merged = { ...inc, ...patch, status, level }
    const due = t.dueAt ?? stageDue(merged, status, now)
    Object.assign(patch, {
      status,
      level,
      open: STATUS_META[status].open,
      handlerUnitId: unitForLevel(merged, level),
      dueAt: due,
      sweepAt: due,
      // 进度预警: once per stage, when 75 % of its time has passed; with the departments, each part is warned of
      // by its own deadline (sweepPartWarnings)
      warnAt: status === 'dispatched' ? null : warnTime(now, due),
    })
    if (status === 'accepted' && !inc.acceptedAt) patch.acceptedAt = now
    if (status === 'escalated') patch.escalatedBy = t.by.userId
    if (status === 'resolved') {
      Object.assign(patch, {
        resolvedAt: now,
        resolvedLevel: inc.level,
        resolvedUnitId: inc.handlerUnitId,
        resolution: t.note || inc.resolution,
      })
      if (!inc.firstClosedAt) {
        patch.firstClosedAt = now
        deltas.push([
          units,
          {
            closed: 1,
            closedOnTime: now <= inc.resolveBy ? 1 : 0,
            closeHoursSum: hours(now - inc.reportedAt),
            // 大事全网联动: closed by the county's 综治中心
            countyClosed: inc.level === 'county' ? 1 : 0,
          },
        ])
      }
    }
    if (status === 'rejected') {
      patch.rejectReason = t.note
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
  deltas.push(...(t.counters?.(inc) ?? []))

  const seq = inc.seq + 1
  const updated: Incident = { ...inc, ...patch, seq, updatedAt: now }
  const { _id: _ignored, ...fields } = { ...patch, seq, updatedAt: now } as Partial<Incident>
  await tx.update(C.incidents, incidentId, fields)
  // each department's queue follows its parts of the case, in the same transaction
  if (patch.tasks)
    for (const task of updated.tasks ?? []) {
      const open = updated.open && TASK_OPEN[task.status]
      await tx.set(C.incident_tasks, {
        _id: task.id,
        incidentId,
        departmentId: task.departmentId,
        countyId: updated.countyId,
        open,
        deadline: task.deadline,
        warnAt: open && !task.warnedAt ? warnTime(task.assignedAt, task.deadline) : null,
      })
    }
  let event: IncidentEvent
  try {
    event = await appendEvent(tx, {
      incidentId,
      seq,
      action: 'action' in t.kind ? t.kind.action : t.kind.record,
      fromStatus: inc.status,
      toStatus: updated.status,
      level: updated.level,
      unitId: updated.handlerUnitId,
      byUserId: t.by.userId,
      byName: t.by.name,
      at: now,
      note: t.note,
      ...(t.systemNote ? { systemNote: t.systemNote } : {}),
      photos: t.photos,
      ...(t.photos.length ? { photosPassed: t.photosPassed ?? [] } : {}),
    })
  } catch (err) {
    // another transition landed first: the case is no longer the one read
    if (err instanceof DuplicateKeyError) throw new StaleReadError(C.incident_events, err.id)
    throw err
  }
  await bump(tx, month, deltas)
  const told = t.tell?.(updated) ?? null
  const inbox = told ? inboxMessages(audience(updated), incidentId, seq, told, now) : []
  // a person told the same thing twice in one transition (the lead department, and as one of those whistled) once
  const told2 = new Set(inbox.map((m) => `${m.userId} ${typeof m.title === 'string' ? m.title : m.title.key}`))
  const profiles = new Map<string, PushProfile>()
  for (const n of [...(t.notice ? [t.notice] : []), ...(t.notices ?? [])]) {
    if (!n.when(updated)) continue
    for (const [u, p] of n.profiles ?? []) profiles.set(u, p)
    const tell = n.tell(updated)
    // each person (or unit, for a notice whose holders the timer finds) told a title once
    const fresh = noticeMessages(n, incidentId, seq, tell, now).filter(
      (m) => !told2.has(`${m.userId} ${tell.title.key}`),
    )
    for (const m of fresh) told2.add(`${m.userId} ${tell.title.key}`)
    inbox.push(...fresh)
  }
  // all of the transition's messages in one insert (issue #21)
  const messages = await writeMessages(tx, inbox, profiles)
  return { incident: updated, event, messages }
}

// ---- handling actions (accept, resolve, escalate, dispatch, …) ----

/** What a handling action asks of its transition; who, when, the photos and the holders to tell are added here. */
export type TransitionSpec = Omit<Transition, 'by' | 'now' | 'photos' | 'photosPassed' | 'notice'>

type TransitionDef = ActionDef<z.ZodType<{ incidentId: string }>, typeof TransitionOutputSchema, true>
type In<A extends ActionDef> = z.output<A['input']>

export interface HandlingAction<A extends TransitionDef, L> {
  /** what the transition needs beyond the incident (before the permission check; a refusal belongs in `guard`) */
  load?: (input: In<A>, ctx: ActionContext, incident: Incident) => Promise<L>
  /** the unit the permission is checked in; by default the unit holding the case now */
  unitOf?: (incident: Incident) => string
  /** text others will read beyond the input's note and comment (always checked), checked before anything is written */
  texts?: (input: In<A>) => ReadonlyArray<string | null | undefined>
  /** the transition, from the input and what `load` read (the incident as read before the transaction) */
  transition: (input: In<A>, loaded: { incident: Incident } & L, ctx: ActionContext) => TransitionSpec
}

interface HandlingLoaded {
  unitId: string
  incidentId: string
  /** the case as `load` read it: the transaction takes it unread (applyTransition's `known`) */
  incident: Incident
  spec: TransitionSpec
  notice: HolderNotice | null
}

/** The small result a handling action keeps in its request record. */
interface HandlingResult {
  id: string
  status: IncidentStatus
  level: HandlerLevel
}

type Phases = PhasedAction<TransitionDef, HandlingLoaded, HandlingResult>

const photosOf = (input: object): string[] => ('photos' in input && Array.isArray(input.photos) ? input.photos : [])

/**
 * The free text of a handling action's input (its note, a rating's comment): the handler unit, the reporter and
 * the units above read it, so every handling action has it checked before anything is written.
 */
const FREE_TEXT = ['note', 'comment'] as const
const freeTextOf = (input: object): string[] =>
  FREE_TEXT.flatMap((k) => {
    const v = (input as Record<string, unknown>)[k]
    return typeof v === 'string' ? [v] : []
  })

/**
 * A handling action in phases. `load` reads the incident and works out the transition and who must act next
 * (a query, so before the transaction); the permission is then checked in the unit holding the case (or
 * `unitOf`'s); `run` applies the transition to the case as `load` read it, in the one transaction, and queues the
 * pushes; `present` labels the result. A retry of a request already done is answered from its record (before `load`
 * when the client marks it a retry, else when it is refused or its record's insert fails), so it gets its first
 * result even after the case has moved on to a unit the caller cannot act in.
 */
export function transitionAction<A extends TransitionDef, L extends object = Record<never, never>>(
  def: A,
  impl: HandlingAction<A, L>,
): ActionImpl<A> {
  const unitOf = impl.unitOf ?? ((inc: Incident) => inc.handlerUnitId)
  const phases: Phases & Required<Pick<Phases, 'present'>> = {
    // the case read beside the caller; a load run again (the case changed meanwhile) reads it afresh
    prefetch: (input, db) => loadIncident(db, input.incidentId),
    load: async (input, ctx) => {
      const early = ctx.takePrefetched() as Promise<Incident> | undefined
      const incident = await (early ?? loadIncident(ctx.db, input.incidentId))
      const unitId = unitOf(incident)
      const extra = ((await impl.load?.(input as In<A>, ctx, incident)) ?? {}) as L
      const spec = impl.transition(input as In<A>, { incident, ...extra }, ctx)
      const notice =
        'action' in spec.kind
          ? noticeForTransition(incident, spec.kind.action, spec.patch?.(incident) ?? {}, ctx.caller.user._id)
          : null
      return { unitId, incidentId: incident._id, incident, spec, notice }
    },
    texts: (input) => [...freeTextOf(input), ...(impl.texts?.(input as In<A>) ?? [])],
    photos: photosOf,
    run: async ({ input, loaded, tx, photos, passed, ctx }) => {
      const { incident } = await applyTransition(
        tx,
        loaded.incidentId,
        {
          ...loaded.spec,
          photos: photos(photosOf(input)),
          photosPassed: passed(photosOf(input)),
          notice: loaded.notice,
          now: ctx.now,
          by: { userId: ctx.caller.user._id, name: ctx.caller.user.name },
        },
        loaded.incident,
      )
      return { id: incident._id, status: incident.status, level: incident.level }
    },
    present: async ({ result, ctx }) => ({ ...result, statusLabel: statusLabel(result.status, ctx.lang) }),
  }
  return defineAction(def as TransitionDef, phases) as unknown as ActionImpl<A>
}
