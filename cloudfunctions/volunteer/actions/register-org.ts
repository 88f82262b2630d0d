import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { OrgSchema, type Org, type OrgAdmin } from '@shared/volunteer/volunteer.schema'
import { legacyAction } from '../../_core/wrap'
import { areaOf, ids, orgView, requireUnit } from '../support'

/** An organisation registers in a village or township; it waits for an official's approval. */
export const registerOrg = legacyAction(volunteerContract.actions.registerOrg, {
  scope: async ({ unitId }) => unitId,
  run: async (input, ctx) => {
    const unit = await requireUnit(ctx.rt, input.unitId)
    if (unit.level !== 'village' && unit.level !== 'township') throw VolunteerErrors.UNIT_NOT_ALLOWED()
    const org: Org = OrgSchema.parse({
      _id: ctx.newId('org'),
      ...input,
      ...(await areaOf(ctx.rt, unit._id)),
      status: 'pending',
      registeredBy: ctx.caller.user._id,
      registeredAt: ctx.now,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    })
    const admin: OrgAdmin = {
      _id: ids.orgAdmin(org._id, ctx.caller.user._id),
      orgId: org._id,
      userId: ctx.caller.user._id,
      addedBy: ctx.caller.user._id,
      addedAt: ctx.now,
    }
    const view = await orgView(ctx.rt, org)
    return ctx.transact(async (tx) => {
      await tx.insert('volunteer_orgs', org)
      await tx.insert('volunteer_org_admins', admin)
      return view
    })
  },
})
