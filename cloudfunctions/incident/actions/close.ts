import { incidentContract } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import { transitionAction } from '../incident.transition'

/** 依责销号: the dispatch centre closes; the reporter is asked to rate. */
export const close = transitionAction(incidentContract.actions.close, {
  transition: ({ note }) => ({
    kind: { action: 'close' },
    note,
    tell: (inc) => ({
      title: incidentRef('incident.tell.resolved.title'),
      body: incidentRef('incident.tell.resolved.body', { code: inc.code, note }),
    }),
  }),
})
