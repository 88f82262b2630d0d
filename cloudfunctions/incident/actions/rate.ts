import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import { countedUnits } from '../incident.repo'
import { transitionAction } from '../incident.transition'

/** The reporter rates: 满意 / 基本满意 close the case; 不满意 sends it back to whoever resolved it. */
export const rate = transitionAction(incidentContract.actions.rate, {
  // any signed-in caller may call it (permission null): only the reporter gets further
  load: async (_input, ctx, incident) => {
    if (incident.reporterId !== ctx.caller.user._id) throw IncidentErrors.NOT_REPORTER()
    return {}
  },
  transition: ({ rating, comment }) => {
    const ok = rating !== 'unsatisfied'
    return {
      kind: { action: ok ? 'rate_ok' : 'rate_unsatisfied' },
      note: comment,
      systemNote: incidentRef(`incident.rating.${rating}`),
      patch: () => ({ rating, ratingComment: comment || null }),
      counters: (i) => [
        [
          countedUnits(i),
          {
            rated: 1,
            satisfied: rating === 'satisfied' ? 1 : 0,
            basic: rating === 'basic' ? 1 : 0,
            unsatisfied: ok ? 0 : 1,
            resolvedSatisfied: ok ? 1 : 0,
          },
        ],
      ],
      tell: (i) =>
        ok
          ? null
          : {
              title: incidentRef('incident.tell.reopened.title'),
              body: incidentRef(
                i.level === 'grid' ? 'incident.tell.reopened.body_grid' : 'incident.tell.reopened.body_unit',
                { code: i.code },
              ),
            },
    }
  },
})
