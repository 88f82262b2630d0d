import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { daysFrom } from '@shared/incident/incident.rules'
import { transitionAction } from '../incident.transition'

/** 定责派单: to a department of the incident's county, with a deadline. */
export const dispatch = transitionAction(incidentContract.actions.dispatch, {
  load: async ({ departmentId }, ctx) => ({ department: await ctx.rt.units.get(departmentId) }),
  transition: ({ departmentId, deadlineDays, note }, { department }, ctx) => {
    const deadline = daysFrom(ctx.now, deadlineDays)
    return {
      kind: { action: 'dispatch' },
      note: note || `派给${department?.name ?? ''}，${deadlineDays} 天内办结`,
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
      tell: (i) => ({ title: '事件已派单', body: `您上报的事（${i.code}）已派给${department?.name}办理。` }),
    }
  },
})
