import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadOrg } from '../volunteer.repo'
import { orgView } from '../volunteer.views'
import { audit } from '../../_core/audit'

/** An official approves or turns down a registered organisation (a refusal says why), once. */
export const decideOrg = defineAction(volunteerContract.actions.decideOrg, {
  load: async ({ orgId }, ctx) => ({ unitId: (await loadOrg(ctx.db, orgId)).unitId }),
  texts: ({ note }) => [note],
  run: async ({ input: { orgId, approve, note }, tx, ctx }) => {
    if (!approve && !note) throw VolunteerErrors.NOTE_REQUIRED()
    const current = await tx.get(C.volunteer_orgs, orgId)
    if (!current || current.status !== 'pending') throw VolunteerErrors.ORG_ALREADY_DECIDED()
    await tx.update(C.volunteer_orgs, orgId, {
      status: approve ? 'approved' : 'rejected',
      decidedBy: ctx.caller.user._id,
      decidedAt: ctx.now,
      decisionNote: note || null,
    })
    await audit(tx, ctx, {
      what: 'volunteer.org',
      unitId: current.unitId,
      subjectId: orgId,
      before: { status: current.status },
      after: { status: approve ? 'approved' : 'rejected', note },
    })
    return { orgId }
  },
  present: async ({ result, ctx }) => orgView(ctx.rt, await loadOrg(ctx.db, result.orgId), ctx.lang),
})
