import { incidentContract } from '@shared/incident/incident.contract'
import { incidentRef, levelParam } from '@shared/incident/incident.labels'
import { countedUnits } from '../incident.repo'
import { transitionAction } from '../incident.transition'

/**
 * 大事全网联动: a township centre passes what it cannot solve to the county's 综治中心, whose dispatchers whistle the
 * county's departments and close it; counted (countyEscalated) in every unit the case counts in.
 */
export const escalateToCounty = transitionAction(incidentContract.actions.escalateToCounty, {
  transition: ({ note }) => ({
    kind: { action: 'to_county' },
    note,
    counters: (inc) => [[countedUnits(inc), { countyEscalated: 1 }]],
    tell: (inc) => ({
      title: incidentRef('incident.tell.to_county.title'),
      body: incidentRef('incident.tell.escalated.body', { code: inc.code, level: levelParam(inc.level) }),
    }),
  }),
})
