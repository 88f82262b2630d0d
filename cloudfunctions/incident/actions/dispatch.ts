import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { daysFrom } from '@shared/incident/incident.rules'
import { legacyAction } from '../../_core/wrap'
import { stepAction } from '../move-action'

/** 定责派单: to a department of the incident's county, with a deadline. */
export const dispatch = legacyAction(
  incidentContract.actions.dispatch,
  stepAction(async ({ departmentId, deadlineDays, note }, ctx, inc) => {
    const dept = await ctx.rt.units.get(departmentId)
    if (!dept || dept.level !== 'department' || !dept.path.includes(inc.countyId))
      throw IncidentErrors.NOT_A_DEPARTMENT()
    const deadline = daysFrom(ctx.now, deadlineDays)
    return {
      kind: { move: 'dispatch' },
      note: note || `派给${dept.name}，${deadlineDays} 天内办结`,
      patch: (i) => ({
        departmentId,
        dispatchUnitId: i.handlerUnitId,
        dispatchDeadline: deadline,
        deptScore: null,
        reportedBackAt: null,
      }),
      dueAt: deadline,
      counters: () => [[[departmentId], { dispatched: 1 }]],
      tell: (i) => ({ title: '事件已派单', body: `您上报的事（${i.code}）已派给${dept.name}办理。` }),
    }
  }),
)
