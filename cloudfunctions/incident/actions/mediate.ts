import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { bodyParam, incidentRef, outcomeParam } from '@shared/incident/incident.labels'
import { countedUnits } from '../incident.repo'
import { transitionAction } from '../incident.transition'

/**
 * One mediation session on a dispute (矛盾纠纷调解): who mediated (the body and the mediator), the parties (as the
 * mediator records them), the notes, and the outcome. 调解成功 resolves it with the agreement (text and photos); 未成功 keeps it open for another session;
 * 转交 hands it on (司法所、信访或诉讼) and passes the case up. The dispute ledger is made from these sessions.
 */
export const mediate = transitionAction(incidentContract.actions.mediate, {
  texts: ({ agreement, mediatorName, parties }) => [
    agreement,
    mediatorName,
    ...(parties ?? []).flatMap((p) => [p.name, p.note]),
  ],
  transition: (input, _loaded, ctx) => {
    const { outcome, note } = input
    const body = input.body ?? 'mediator'
    const record = {
      at: ctx.now,
      byUserId: ctx.caller.user._id,
      byName: ctx.caller.user.name,
      note,
      outcome,
      body,
      mediatorName: input.mediatorName || ctx.caller.user.name,
      transferTo: input.transferTo ?? null,
    }
    return {
      kind:
        outcome === 'success'
          ? { action: 'resolve' }
          : outcome === 'transferred'
            ? { action: 'escalate' }
            : { record: 'mediate' },
      note,
      systemNote: incidentRef('incident.note.mediation', {
        body: bodyParam(body),
        name: record.mediatorName,
        outcome: input.transferTo ? `@incident.transfer.${input.transferTo}` : outcomeParam(outcome),
      }),
      guard: (i) => {
        if (i.category !== 'dispute' || !i.dispute) throw IncidentErrors.NOT_DISPUTE()
        if (!i.open) throw IncidentErrors.NOT_OPEN()
      },
      patch: (i) => ({
        dispute: {
          parties: input.parties?.length ? input.parties : (i.dispute?.parties ?? []),
          mediations: [...(i.dispute?.mediations ?? []), record],
          outcome,
          kind: input.kind ?? i.dispute?.kind ?? null,
          agreement: outcome === 'success' ? input.agreement : (i.dispute?.agreement ?? null),
          agreementPhotos: outcome === 'success' ? input.photos : (i.dispute?.agreementPhotos ?? []),
          transferTo: input.transferTo ?? null,
        },
      }),
      counters: (i) => [[countedUnits(i), { mediated: 1, mediatedSuccess: outcome === 'success' ? 1 : 0 }]],
      tell: (i) => ({
        title: incidentRef(outcome === 'success' ? 'incident.tell.mediated.title' : 'incident.tell.mediating.title'),
        body: incidentRef('incident.tell.mediation.body', { code: i.code, outcome: outcomeParam(outcome) }),
      }),
    }
  },
})
