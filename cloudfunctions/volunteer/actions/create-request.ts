import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { VolunteerRequestSchema, type VolunteerRequest } from '@shared/volunteer/volunteer.schema'
import { legacyAction } from '../../_core/wrap'
import { bumpStats, requestView, residenceArea } from '../support'

/** 群众点单: a resident posts a need in their village; the village reviews it before it is public. */
export const createRequest = legacyAction(volunteerContract.actions.createRequest, {
  scope: async (_input, ctx) => ctx.caller.user.residenceUnitId ?? ctx.scopeRoots('request_create')[0] ?? null,
  run: async (input, ctx) => {
    const home = await residenceArea(ctx)
    if (!home?.area.villageId) throw VolunteerErrors.NO_RESIDENCE()
    const user = ctx.caller.user
    const req: VolunteerRequest = VolunteerRequestSchema.parse({
      _id: ctx.newId('vreq'),
      ...home.area,
      gridId: home.gridId,
      posterId: user._id,
      posterName: user.name,
      householdId: user.householdId,
      ...input,
      status: 'submitted',
      createdAt: ctx.now,
      publishedAt: null,
      takenByOrgId: null,
      takenByOrgName: null,
      takenBy: null,
      takenAt: null,
      doneAt: null,
      outcome: null,
      volunteers: [],
      awardsPoints: false,
      verifiedAt: null,
      steps: [{ step: 'create', by: user._id, at: ctx.now, note: null }],
    })
    const view = await requestView(ctx.rt, req, user._id, true)
    return ctx.transact(async (tx) => {
      await tx.insert('volunteer_requests', req)
      await bumpStats(tx, [['village', home.area.villageId]], { requestsPosted: 1 })
      return view
    })
  },
})
