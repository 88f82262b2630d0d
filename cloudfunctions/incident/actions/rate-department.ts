import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import { transitionAction } from '../incident.transition'

/** 一哨一考核: the unit that dispatched rates the department's response (1–5), once per dispatch. */
export const rateDepartment = transitionAction(incidentContract.actions.rateDepartment, {
  // the permission is checked in the unit that dispatched the case, not the one holding it
  unitOf: (incident) => {
    if (!incident.dispatchUnitId) throw IncidentErrors.NOT_DISPATCHED()
    return incident.dispatchUnitId
  },
  transition: ({ score, comment }) => ({
    kind: { record: 'rate_dept' },
    note: comment,
    systemNote: incidentRef('incident.note.dept_score', { score }),
    guard: (i) => {
      if (!i.reportedBackAt) throw IncidentErrors.NOT_REPORTED_BACK()
      if (i.deptScore !== null) throw IncidentErrors.ALREADY_RATED()
    },
    patch: () => ({ deptScore: score }),
    counters: (i) => (i.departmentId ? [[[i.departmentId], { deptRatingCount: 1, deptRatingSum: score }]] : []),
  }),
})
