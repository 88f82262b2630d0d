import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import type { Org } from '@shared/volunteer/volunteer.schema'
import { legacyAction } from '../../_core/wrap'
import { loadOrg, orgView } from '../support'

/** An official approves or turns down a registered organisation (a refusal says why). */
export const decideOrg = legacyAction(volunteerContract.actions.decideOrg, {
  scope: async ({ orgId }, ctx) => (await loadOrg(ctx, orgId)).unitId,
  run: async ({ orgId, approve, note }, ctx) => {
    if (!approve && !note) throw VolunteerErrors.NOTE_REQUIRED()
    const org = await loadOrg(ctx, orgId)
    const decided: Org = {
      ...org,
      status: approve ? 'approved' : 'rejected',
      decidedBy: ctx.caller.user._id,
      decidedAt: ctx.now,
      decisionNote: note || null,
    }
    const view = await orgView(ctx.rt, decided)
    return ctx.transact(async (tx) => {
      const current = await tx.get<Org>('volunteer_orgs', orgId)
      if (!current || current.status !== 'pending') throw VolunteerErrors.ORG_ALREADY_DECIDED()
      await tx.update('volunteer_orgs', orgId, {
        status: decided.status,
        decidedBy: decided.decidedBy,
        decidedAt: decided.decidedAt,
        decisionNote: decided.decisionNote,
      })
      return view
    })
  },
})
