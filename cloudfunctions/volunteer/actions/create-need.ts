import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { NeedSchema, type Need } from '@shared/volunteer/volunteer.schema'
import { C } from '../../_core/collections'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { bumpCounters, residenceArea } from '../volunteer.repo'
import { needDetail } from '../volunteer.views'

/** 群众点单: a resident posts a need in their village; the village reviews it before it is public. */
export const createNeed = defineAction(volunteerContract.actions.createNeed, {
  // need_create is checked in the caller's residence (their grid), where residents hold it
  load: async (_input, ctx) => ({
    unitId: ctx.caller.user.residenceUnitId ?? ctx.scopeRoots('need_create')[0] ?? ANYWHERE,
    home: await residenceArea(ctx),
  }),
  texts: ({ title, description, placeName }) => [title, description, placeName],
  run: async ({ input, loaded: { home }, tx, ctx }) => {
    if (!home?.area.villageId) throw VolunteerErrors.NO_RESIDENCE()
    const user = ctx.caller.user
    const need: Need = NeedSchema.parse({
      _id: ctx.newId('need'),
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
      transitions: [{ transition: 'create', by: user._id, at: ctx.now, note: null }],
    })
    await tx.insert(C.volunteer_needs, need)
    await bumpCounters(tx, [['village', home.area.villageId]], { needsPosted: 1 })
    return { needId: need._id }
  },
  present: ({ result, ctx }) => needDetail(ctx, result.needId),
})
