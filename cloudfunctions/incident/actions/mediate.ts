import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { MEDIATION_OUTCOME_LABELS } from '@shared/incident/incident.schema'
import { legacyAction } from '../../_core/wrap'
import { stepAction } from '../move-action'
import { countedUnits } from '../store'

/** A mediation record on a dispute: 调解成功 resolves it, 转交 escalates it, 未成功 keeps it open. */
export const mediate = legacyAction(
  incidentContract.actions.mediate,
  stepAction(async ({ outcome, note }, ctx, inc) => {
    if (inc.category !== 'dispute' || !inc.dispute) throw IncidentErrors.NOT_DISPUTE()
    const record = { at: ctx.now, byUserId: ctx.caller.user._id, byName: ctx.caller.user.name, note, outcome }
    const label = MEDIATION_OUTCOME_LABELS[outcome]
    return {
      kind:
        outcome === 'success'
          ? { move: 'resolve' }
          : outcome === 'transferred'
            ? { move: 'escalate' }
            : { record: 'mediate' },
      note: `${label}：${note}`,
      guard: (i) => {
        if (!i.open) throw IncidentErrors.NOT_OPEN()
      },
      patch: (i) => ({
        dispute: { parties: i.dispute?.parties ?? [], mediations: [...(i.dispute?.mediations ?? []), record], outcome },
      }),
      counters: (i) => [[countedUnits(i), { mediated: 1, mediatedSuccess: outcome === 'success' ? 1 : 0 }]],
      tell: (i) => ({
        title: outcome === 'success' ? '纠纷调解成功，请评价' : '纠纷调解进展',
        body: `您反映的纠纷（${i.code}）：${label}。`,
      }),
    }
  }),
)
