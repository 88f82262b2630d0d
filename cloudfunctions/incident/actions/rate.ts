import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { RATING_LABELS } from '@shared/incident/incident.schema'
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
      note: `${RATING_LABELS[rating]}${comment ? `：${comment}` : ''}`,
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
              title: '已重新处理',
              body: `您对（${i.code}）不满意，已退回${i.level === 'grid' ? '网格' : '原办理单位'}重新处理。`,
            },
    }
  },
})
