import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import { dispatchUnitOf, openTasks, tasksOf } from '../incident.tasks'
import { transitionAction } from '../incident.transition'

/**
 * 依责销号: the dispatch centre closes; the reporter is asked to rate. While departments still hold parts of the case
 * the centre that whistled is told which ones have not reported back (checked in that centre, so a caller outside it
 * learns nothing of the departments), and nothing changes.
 */
export const close = transitionAction(incidentContract.actions.close, {
  unitOf: dispatchUnitOf,
  // the departments' names as the tree has them (a part made before parts existed carries none)
  load: async (_input, ctx, incident) => {
    const names = new Map<string, string>()
    for (const t of openTasks(tasksOf(incident)))
      names.set(t.departmentId, (await ctx.rt.units.get(t.departmentId))?.name ?? t.departmentName)
    return { names }
  },
  transition: ({ note }, { names }) => ({
    kind: { action: 'close' },
    note,
    // the parts as read inside the transaction: a department whistled since the page was opened is named too
    guard: (inc) => {
      const open = openTasks(tasksOf(inc))
      const name = (t: (typeof open)[number]) => t.departmentName || names.get(t.departmentId) || t.departmentId
      if (open.length) throw IncidentErrors.PARTS_OPEN({ depts: open.map(name).join('、') })
    },
    tell: (inc) => ({
      title: incidentRef('incident.tell.resolved.title'),
      body: incidentRef('incident.tell.resolved.body', { code: inc.code, note }),
    }),
  }),
})
