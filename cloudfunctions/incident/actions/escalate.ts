import { incidentContract } from '@shared/incident/incident.contract'
import { incidentRef, levelParam } from '@shared/incident/incident.labels'
import { transitionAction } from '../incident.transition'

/** 吹哨: one level up (grid → village → township). */
export const escalate = transitionAction(incidentContract.actions.escalate, {
  transition: ({ note }) => ({
    kind: { action: 'escalate' },
    note,
    tell: (inc) => ({
      title: incidentRef('incident.tell.escalated.title'),
      body: incidentRef('incident.tell.escalated.body', { code: inc.code, level: levelParam(inc.level) }),
    }),
  }),
})
