import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import { daysFrom } from '@shared/incident/incident.rules'
import { transitionAction } from '../incident.transition'

/** 定责派单: to a department of the incident's county, with a deadline. */
export const dispatch = transitionAction(incidentContract.actions.dispatch, {
  load: async ({ departmentId }, ctx) => ({ department: await ctx.rt.units.get(departmentId) }),
  transition: ({ departmentId, deadlineDays, note }, { department }, ctx) => {
    const deadline = daysFrom(ctx.now, deadlineDays)
    return {
      kind: { action: 'dispatch' },
      note,
      systemNote: incidentRef('incident.note.dispatched', { dept: department?.name ?? '', days: deadlineDays }),
      guard: (i) => {
        if (department?.level !== 'department' || !department.path.includes(i.countyId))
          throw IncidentErrors.NOT_A_DEPARTMENT()
      },
      patch: (i) => ({
        departmentId,
        dispatchUnitId: i.handlerUnitId,
        dispatchDeadline: deadline,
        deptScore: null,
        reportedBackAt: null,
      }),
      dueAt: deadline,
      counters: () => [[[departmentId], { dispatched: 1 }]],
      tell: (i) => ({
        title: incidentRef('incident.tell.dispatched.title'),
        body: incidentRef('incident.tell.dispatched.body', { code: i.code, dept: department?.name ?? '' }),
      }),
    }
  },
})
