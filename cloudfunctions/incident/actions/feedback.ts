import { incidentContract } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import { transitionAction } from '../incident.transition'

/** The department reports back; the dispatch centre then closes (依责销号). */
export const feedback = transitionAction(incidentContract.actions.feedback, {
  transition: ({ note }, _loaded, ctx) => ({
    kind: { action: 'feedback' },
    note,
    counters: (inc) =>
      inc.departmentId
        ? [
            [
              [inc.departmentId],
              {
                reportedBack: 1,
                reportedBackOnTime: inc.dispatchDeadline !== null && ctx.now <= inc.dispatchDeadline ? 1 : 0,
              },
            ],
          ]
        : [],
    tell: (inc) => ({
      title: incidentRef('incident.tell.reported_back.title'),
      body: incidentRef('incident.tell.reported_back.body', { code: inc.code }),
    }),
  }),
})
