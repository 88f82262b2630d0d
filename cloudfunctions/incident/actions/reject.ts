import { incidentContract } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import { transitionAction } from '../incident.transition'

export const reject = transitionAction(incidentContract.actions.reject, {
  transition: ({ note }) => ({
    kind: { action: 'reject' },
    note,
    tell: (inc) => ({
      title: incidentRef('incident.tell.rejected.title'),
      body: incidentRef('incident.tell.rejected.body', { code: inc.code, note }),
    }),
  }),
})
