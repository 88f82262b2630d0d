import { incidentContract } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import { transitionAction } from '../incident.transition'

export const resolve = transitionAction(incidentContract.actions.resolve, {
  transition: ({ note }) => ({
    kind: { action: 'resolve' },
    note,
    tell: (inc) => ({
      title: incidentRef('incident.tell.resolved.title'),
      body: incidentRef('incident.tell.resolved.body', { code: inc.code, note }),
    }),
  }),
})
