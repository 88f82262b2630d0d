import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { legacyAction } from '../../_core/wrap'
import { stepAction } from '../move-action'
import { loadIncident } from '../store'

/** 一哨一考核: the unit that dispatched rates the department's response (1–5), once per dispatch. */
export const rateDepartment = legacyAction(
  incidentContract.actions.rateDepartment,
  stepAction(
    async ({ score, comment }, _ctx, inc) => {
      if (!inc.reportedBackAt) throw IncidentErrors.NOT_REPORTED_BACK()
      return {
        kind: { record: 'rate_dept' },
        note: `部门响应评分 ${score} 分${comment ? `：${comment}` : ''}`,
        guard: (i) => {
          if (i.deptScore !== null) throw IncidentErrors.ALREADY_RATED()
        },
        patch: () => ({ deptScore: score }),
        counters: (i) => (i.departmentId ? [[[i.departmentId], { deptRatingCount: 1, deptRatingSum: score }]] : []),
      }
    },
    async ({ incidentId }, ctx) => {
      const inc = await loadIncident(ctx, incidentId)
      if (!inc.dispatchUnitId) throw IncidentErrors.NOT_DISPATCHED()
      return inc.dispatchUnitId
    },
  ),
)
