import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { incidentRef, outcomeParam } from '@shared/incident/incident.labels'
import { countedUnits } from '../incident.repo'
import { transitionAction } from '../incident.transition'

/** A mediation record on a dispute: 调解成功 resolves it, 转交 escalates it, 未成功 keeps it open. */
export const mediate = transitionAction(incidentContract.actions.mediate, {
  transition: ({ outcome, note }, _loaded, ctx) => {
    const record = { at: ctx.now, byUserId: ctx.caller.user._id, byName: ctx.caller.user.name, note, outcome }
    return {
      kind:
        outcome === 'success'
          ? { action: 'resolve' }
          : outcome === 'transferred'
            ? { action: 'escalate' }
            : { record: 'mediate' },
      note,
      systemNote: incidentRef(`incident.mediation.${outcome}`),
      guard: (i) => {
        if (i.category !== 'dispute' || !i.dispute) throw IncidentErrors.NOT_DISPUTE()
        if (!i.open) throw IncidentErrors.NOT_OPEN()
      },
      patch: (i) => ({
        dispute: { parties: i.dispute?.parties ?? [], mediations: [...(i.dispute?.mediations ?? []), record], outcome },
      }),
      counters: (i) => [[countedUnits(i), { mediated: 1, mediatedSuccess: outcome === 'success' ? 1 : 0 }]],
      tell: (i) => ({
        title: incidentRef(outcome === 'success' ? 'incident.tell.mediated.title' : 'incident.tell.mediating.title'),
        body: incidentRef('incident.tell.mediation.body', { code: i.code, outcome: outcomeParam(outcome) }),
      }),
    }
  },
})
