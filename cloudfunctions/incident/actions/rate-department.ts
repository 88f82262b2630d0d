import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import type { DeptTask } from '@shared/incident/incident.schema'
import { ownCounters } from '../incident.repo'
import { tasksOf } from '../incident.tasks'
import { transitionAction } from '../incident.transition'

/** The part rated: the department named, else the only one that reported back and is not yet rated. */
function ratedPart(tasks: readonly DeptTask[], departmentId: string | undefined): DeptTask {
  const done = tasks.filter((t) => t.status === 'reported_back' && (!departmentId || t.departmentId === departmentId))
  const unrated = done.filter((t) => t.score === null)
  if (!done.length) throw IncidentErrors.NOT_REPORTED_BACK()
  if (!unrated.length) throw IncidentErrors.ALREADY_RATED()
  if (unrated.length > 1) throw IncidentErrors.WHICH_DEPARTMENT()
  return unrated[0]!
}

/** 一哨一考核: the centre that whistled rates each department's response (1–5), once per part reported back. */
export const rateDepartment = transitionAction(incidentContract.actions.rateDepartment, {
  // the permission is checked in the unit that dispatched the case, not the one holding it
  unitOf: (incident) => {
    if (!incident.dispatchUnitId) throw IncidentErrors.NOT_DISPATCHED()
    return incident.dispatchUnitId
  },
  transition: ({ score, comment, departmentId }) => ({
    kind: { record: 'rate_dept' },
    note: comment,
    guard: (i) => void ratedPart(tasksOf(i), departmentId),
    patch: (i) => {
      if (!i.tasks?.length) return { deptScore: score }
      const part = ratedPart(i.tasks, departmentId)
      return { deptScore: score, tasks: i.tasks.map((t) => (t.id === part.id ? { ...t, score } : t)) }
    },
    systemNote: incidentRef('incident.note.dept_score', { score }),
    counters: (i) => [
      [ownCounters(ratedPart(tasksOf(i), departmentId).departmentId), { deptRatingCount: 1, deptRatingSum: score }],
    ],
  }),
})
