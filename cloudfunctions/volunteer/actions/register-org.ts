import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { OrgSchema, type Org, type OrgAdmin } from '@shared/volunteer/volunteer.schema'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { areaOf, ids, loadOrg, requireUnit } from '../volunteer.repo'
import { orgView } from '../volunteer.views'

/** An organisation registers in a village or township; it waits for an official's approval. */
export const registerOrg = defineAction(volunteerContract.actions.registerOrg, {
  load: async ({ unitId }, ctx) => {
    const unit = await requireUnit(ctx.rt, unitId)
    return { unitId, unit, area: await areaOf(ctx.rt, unitId) }
  },
  texts: ({ name, intro, contactName }) => [name, intro, contactName],
  run: async ({ input, loaded, tx, ctx }) => {
    if (loaded.unit.level !== 'village' && loaded.unit.level !== 'township') throw VolunteerErrors.UNIT_NOT_ALLOWED()
    const me = ctx.caller.user._id
    const org: Org = OrgSchema.parse({
      _id: ctx.newId('org'),
      ...input,
      ...loaded.area,
      status: 'pending',
      registeredBy: me,
      registeredAt: ctx.now,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    })
    const admin: OrgAdmin = {
      _id: ids.orgAdmin(org._id, me),
      orgId: org._id,
      userId: me,
      addedBy: me,
      addedAt: ctx.now,
    }
    await tx.insert(C.volunteer_orgs, org)
    await tx.insert(C.volunteer_org_admins, admin)
    return { orgId: org._id }
  },
  present: async ({ result, ctx }) => orgView(ctx.rt, await loadOrg(ctx.db, result.orgId), ctx.lang),
})
