import { incidentContract } from '@shared/incident/incident.contract'
import { incidentRef, levelParam } from '@shared/incident/incident.labels'
import { transitionAction } from '../incident.transition'

export const accept = transitionAction(incidentContract.actions.accept, {
  transition: ({ note }) => ({
    kind: { action: 'accept' },
    note,
    tell: (inc) => ({
      title: incidentRef('incident.tell.accepted.title'),
      body: incidentRef('incident.tell.accepted.body', { code: inc.code, level: levelParam(inc.level) }),
    }),
  }),
})
