import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import { countyDeadlineRule, daysFrom } from '@shared/incident/incident.rules'
import type { DeptTask } from '@shared/incident/incident.schema'
import { countedUnits, ownCounters, type Counted, type Deltas } from '../incident.repo'
import { C } from '../../_core/collections'
import { stableId } from '../../_core/ids'
import { holdersIn, workTell, type HolderNotice } from '../incident.holders'
import { dispatchUnitOf, heldBy, openTasks, tasksOf } from '../incident.tasks'
import { transitionAction } from '../incident.transition'

/**
 * 街道吹哨、部门报到 (定责派单): one or more departments of the case's county at once, each with its task and
 * deadline (by default the county's handling deadline for the category and severity). Dispatching again while
 * departments hold the case adds parts (协办, asked for by a department or not); the permission is then checked in
 * the centre that whistled.
 */
export const dispatch = transitionAction(incidentContract.actions.dispatch, {
  // each department's task is read by that department and the centre
  texts: ({ departments }) => departments.map((d) => d.task),
  unitOf: dispatchUnitOf,
  load: async ({ departments }, ctx, incident) => {
    const units = await Promise.all(departments.map((d) => ctx.rt.units.get(d.departmentId)))
    const settings = await ctx.db.get(C.incident_settings, incident.countyId)
    const notices: HolderNotice[] = []
    for (const d of departments) {
      const userIds = (await holdersIn(ctx.rt, d.departmentId, 'incident_feedback')).filter(
        (u) => u !== ctx.caller.user._id,
      )
      if (userIds.length) notices.push({ userIds, when: (i) => i.status === 'dispatched', tell: workTell })
    }
    return {
      units,
      resolveDays: countyDeadlineRule(settings?.deadlines, incident.category, incident.severity).resolveDays,
      notices,
    }
  },
  transition: ({ departments, note }, { units, resolveDays, notices }, ctx) => {
    const names = units.map((u) => u?.name ?? '').join('、')
    const days = departments.map((d) => d.deadlineDays ?? resolveDays)
    return {
      kind: { action: 'dispatch' },
      note,
      systemNote: incidentRef('incident.note.whistled', { dept: names, days: Math.min(...days) }),
      guard: (i) => {
        const holding = new Set(openTasks(tasksOf(i)).map((t) => t.departmentId))
        for (const [k, u] of units.entries()) {
          if (u?.level !== 'department' || !u.path.includes(i.countyId)) throw IncidentErrors.NOT_A_DEPARTMENT()
          if (holding.has(departments[k]!.departmentId)) throw IncidentErrors.DEPT_HOLDS({ dept: u.name })
        }
      },
      patch: (i) => {
        const adding = i.status === 'dispatched'
        const parts: DeptTask[] = departments.map((d, k) => ({
          id: stableId('itk', i._id, String(i.seq + 1), d.departmentId),
          departmentId: d.departmentId,
          departmentName: units[k]?.name ?? '',
          kind: adding ? 'assist' : 'lead',
          task: d.task,
          status: 'assigned',
          assignedAt: ctx.now,
          assignedBy: ctx.caller.user._id,
          deadline: daysFrom(ctx.now, days[k]!),
          acceptedAt: null,
          doneAt: null,
          note: null,
          onTime: null,
          score: null,
          assistAsked: null,
        }))
        const tasks = [...(i.tasks ?? []), ...parts]
        return {
          tasks,
          ...heldBy(tasks),
          dispatchUnitId: adding ? i.dispatchUnitId : i.handlerUnitId,
          dispatchLevel: adding ? (i.dispatchLevel ?? 'township') : i.level,
          deptScore: null,
          reportedBackAt: null,
        }
      },
      notices,
      // each department's part; and, once a case, the county's 综治中心 whistling it, in every unit it counts in
      counters: (i) => [
        ...departments.map((d): [Counted, Deltas] => [ownCounters(d.departmentId), { dispatched: 1 }]),
        ...(i.level === 'county' && i.dispatchLevel !== 'county'
          ? [[countedUnits(i), { countyDispatched: 1 }] as [Counted, Deltas]]
          : []),
      ],
      tell: (i) => ({
        title: incidentRef('incident.tell.dispatched.title'),
        body: incidentRef('incident.tell.dispatched.body', { code: i.code, dept: names }),
      }),
    }
  },
})
