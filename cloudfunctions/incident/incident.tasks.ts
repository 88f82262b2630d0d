import type { z } from 'zod'
import type { ActionDef } from '@shared/contract'
import { IncidentErrors } from '@shared/incident/incident.contract'
import { incidentRef, statusLabel } from '@shared/incident/incident.labels'
import type { DeptTask, Incident, RecordKind, TransitionOutputSchema } from '@shared/incident/incident.schema'
import { TASK_OPEN, caseStepAfterTasks, nextTaskStatus, type TaskAction } from '@shared/incident/incident.states'
import type { Deltas } from './incident.repo'
import { defineAction, type ActionContext, type ActionImpl } from '../_core/wrap'
import { caseLine, holdersIn, type HolderNotice } from './incident.holders'
import { loadIncident, ownCounters, type Tell } from './incident.repo'
import { applyTransition } from './incident.transition'

/**
 * 街道吹哨、部门报到: the parts of a whistled case, one per department. The parts live on the case (read and
 * written with it in one transaction); each department's queue (`incident_tasks`) follows them in the same
 * transaction (applyTransition). The case stays `dispatched` while a department holds a part and goes back to the
 * centre when none does (`caseStepAfterTasks`).
 */

const hours = (ms: number) => ms / 3_600_000

/**
 * Where the centre's steps on a case are checked (定责派单, 依责销号): in the unit holding the case, or, while
 * departments hold it, in the centre that whistled (it may add a department, 协办, or be told who has not reported
 * back). The steps themselves, the list of departments to choose from and the view's offer of the button all use
 * this, so the page never offers what the function refuses.
 */
export function dispatchUnitOf(inc: Incident): string {
  return inc.status === 'dispatched' ? (inc.dispatchUnitId ?? inc.handlerUnitId) : inc.handlerUnitId
}

/** The parts of a case; a case dispatched before parts existed has one, made from its department fields. */
export function tasksOf(inc: Incident): DeptTask[] {
  if (inc.tasks?.length) return inc.tasks
  if (!inc.departmentId || !inc.dispatchDeadline) return []
  const done = inc.reportedBackAt
  return [
    {
      id: `legacy-${inc._id}`,
      departmentId: inc.departmentId,
      departmentName: '',
      kind: 'lead',
      task: '',
      status: inc.status === 'dispatched' ? 'assigned' : done ? 'reported_back' : 'assigned',
      assignedAt: inc.updatedAt,
      assignedBy: inc.escalatedBy ?? '',
      deadline: inc.dispatchDeadline,
      acceptedAt: null,
      doneAt: done,
      note: null,
      onTime: done ? done <= inc.dispatchDeadline : null,
      score: inc.deptScore,
      assistAsked: null,
    },
  ]
}

export const openTasks = (tasks: readonly DeptTask[]) => tasks.filter((t) => TASK_OPEN[t.status])

/** Where the case waits while departments hold it: with the first open part (its department and deadline). */
export function heldBy(tasks: readonly DeptTask[]): Pick<Incident, 'departmentId' | 'dispatchDeadline'> | null {
  const open = openTasks(tasks)
  if (!open.length) return null
  return {
    departmentId: open[0]!.departmentId,
    dispatchDeadline: Math.min(...open.map((t) => t.deadline)),
  }
}

/** The part a department caller acts on: the one named, else the first open one of a department they act in. */
async function partFor(
  inc: Incident,
  departmentId: string | undefined,
  ctx: ActionContext,
): Promise<DeptTask | undefined> {
  const tasks = tasksOf(inc)
  if (departmentId) return tasks.find((t) => t.departmentId === departmentId && TASK_OPEN[t.status])
  for (const t of openTasks(tasks)) if (await ctx.can('incident_feedback', t.departmentId)) return t
  return undefined
}

type TaskInput = { incidentId: string; departmentId?: string; note: string; photos?: string[] }
type TaskDef = ActionDef<z.ZodType<TaskInput>, typeof TransitionOutputSchema, true>

const RECORD_OF: Record<TaskAction, RecordKind> = {
  report_in: 'report_in',
  feedback: 'task_feedback',
  return: 'task_return',
  assist: 'assist',
}

/** The centre is told when the case comes back to it, or when a department asks for 协办. */
function centreNotice(userIds: string[], action: TaskAction): HolderNotice | null {
  if (!userIds.length) return null
  return {
    userIds,
    when: (i) =>
      action === 'assist' ? i.status === 'dispatched' : i.status === 'reported_back' || i.status === 'returned',
    tell: (i): Tell => ({
      title: incidentRef(
        action === 'assist'
          ? 'incident.work.assist'
          : i.status === 'returned'
            ? 'incident.work.returned'
            : 'incident.work.reported_back',
      ),
      body: incidentRef('incident.work.body', caseLine(i)),
    }),
  }
}

/**
 * A department's step on its part: 报到 (report_in), report back (feedback), hand back as not ours (return), ask for
 * 协办 (assist). The permission (`incident_feedback`) is checked in the part's department; the part is re-read with
 * the case inside the transaction and moved by its own table (`nextTaskStatus`); the case moves only when the last
 * open part is done.
 */
export function taskAction<A extends TaskDef>(def: A, action: TaskAction): ActionImpl<A> {
  return defineAction(def as TaskDef, {
    load: async (input, ctx) => {
      const incident = await loadIncident(ctx.db, input.incidentId)
      const part = await partFor(incident, input.departmentId, ctx)
      const centre = incident.dispatchUnitId ?? incident.townshipId
      const permission = action === 'assist' ? 'incident_dispatch' : 'incident_close'
      const userIds = (await holdersIn(ctx.rt, centre, permission)).concat(
        action !== 'assist' ? await holdersIn(ctx.rt, centre, 'incident_dispatch') : [],
      )
      return {
        // a caller with no part of it is checked in the department holding the case (and refused there)
        unitId: part?.departmentId ?? input.departmentId ?? incident.handlerUnitId,
        partId: part?.id ?? null,
        notice: centreNotice([...new Set(userIds)], action),
      }
    },
    texts: (input) => [input.note],
    photos: (input) => input.photos ?? [],
    run: async ({ input, loaded, tx, photos, passed, ctx }) => {
      const inc = await loadIncident(tx, input.incidentId)
      const tasks = tasksOf(inc)
      const i = tasks.findIndex((t) => t.id === loaded.partId)
      const part = tasks[i]
      const to = part ? nextTaskStatus(part.status, action) : null
      if (!part || !to || inc.status !== 'dispatched') throw IncidentErrors.INVALID_TRANSITION()
      const now = ctx.now
      const done = action === 'feedback' || action === 'return'
      const updated: DeptTask = {
        ...part,
        status: to,
        ...(action === 'report_in' ? { acceptedAt: now } : {}),
        ...(done ? { doneAt: now, note: input.note, onTime: now <= part.deadline } : {}),
        ...(action === 'assist' ? { assistAsked: input.note } : {}),
      }
      const next = tasks.map((t, k) => (k === i ? updated : t))
      const step = done ? caseStepAfterTasks(next) : null
      const held = heldBy(next)
      const deltas: Deltas =
        action === 'report_in'
          ? { deptAccepted: 1, deptAcceptHoursSum: hours(now - part.assignedAt) }
          : action === 'feedback'
            ? { reportedBack: 1, reportedBackOnTime: now <= part.deadline ? 1 : 0 }
            : action === 'return'
              ? { deptReturned: 1 }
              : { assistAsked: 1 }
      const { incident } = await applyTransition(tx, inc._id, {
        kind: step ? { action: step } : { record: RECORD_OF[action] },
        by: { userId: ctx.caller.user._id, name: ctx.caller.user.name },
        note: input.note,
        systemNote: incidentRef('incident.note.task_of', { dept: part.departmentName }),
        photos: photos(input.photos ?? []),
        photosPassed: passed(input.photos ?? []),
        now,
        patch: () => ({
          tasks: next,
          ...(held ?? {}),
          // a record leaves the status alone, but the case waits with the first department still holding it
          ...(!step && held
            ? { handlerUnitId: held.departmentId!, dueAt: held.dispatchDeadline, sweepAt: held.dispatchDeadline }
            : {}),
          ...(step === 'feedback' ? { reportedBackAt: now } : {}),
        }),
        counters: () => [[ownCounters(part.departmentId), deltas]],
        tell:
          step === 'feedback'
            ? (u) => ({
                title: incidentRef('incident.tell.reported_back.title'),
                body: incidentRef('incident.tell.reported_back.body', { code: u.code }),
              })
            : undefined,
        notice: loaded.notice,
      })
      return { id: incident._id, status: incident.status, level: incident.level }
    },
    present: async ({ result, ctx }) => ({ ...result, statusLabel: statusLabel(result.status, ctx.lang) }),
  }) as unknown as ActionImpl<A>
}
