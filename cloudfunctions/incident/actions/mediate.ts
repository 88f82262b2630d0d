import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { MEDIATION_OUTCOME_LABELS } from '@shared/incident/incident.schema'
import { countedUnits } from '../incident.repo'
import { transitionAction } from '../incident.transition'

/** A mediation record on a dispute: 调解成功 resolves it, 转交 escalates it, 未成功 keeps it open. */
export const mediate = transitionAction(incidentContract.actions.mediate, {
  transition: ({ outcome, note }, _loaded, ctx) => {
    const record = { at: ctx.now, byUserId: ctx.caller.user._id, byName: ctx.caller.user.name, note, outcome }
    const label = MEDIATION_OUTCOME_LABELS[outcome]
    return {
      kind:
        outcome === 'success'
          ? { action: 'resolve' }
          : outcome === 'transferred'
            ? { action: 'escalate' }
            : { record: 'mediate' },
      note: `${label}：${note}`,
      guard: (i) => {
        if (i.category !== 'dispute' || !i.dispute) throw IncidentErrors.NOT_DISPUTE()
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
  },
})
