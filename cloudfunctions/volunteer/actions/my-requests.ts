import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import type { VolunteerRequest } from '@shared/volunteer/volunteer.schema'
import { legacyAction, type ActionContext } from '../../_core/wrap'
import { loadRequest, paged, requestView, residenceArea } from '../support'
import { stepRequest } from '../requests'

/** The needs I posted, newest first. */
export const myRequests = legacyAction(volunteerContract.actions.myRequests, {
  run: async ({ page, pageSize }, ctx) => {
    const where = { posterId: ctx.caller.user._id }
    const [rows, total] = await Promise.all([
      ctx.db.find<VolunteerRequest>('volunteer_requests', {
        where,
        orderBy: [['createdAt', 'desc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('volunteer_requests', where),
    ])
    return paged(
      await Promise.all(rows.map((r) => requestView(ctx.rt, r, ctx.caller.user._id, true))),
      page,
      pageSize,
      total,
    )
  },
})

/** Verified outcomes in my village (names masked): the published result of 群众点单. */
export const publicRequests = legacyAction(volunteerContract.actions.publicRequests, {
  run: async ({ page, pageSize }, ctx) => {
    const home = await residenceArea(ctx)
    if (!home?.area.villageId) return paged([], page, pageSize, 0)
    const where = { villageId: home.area.villageId, status: 'verified' }
    const [rows, total] = await Promise.all([
      ctx.db.find<VolunteerRequest>('volunteer_requests', {
        where,
        orderBy: [['createdAt', 'desc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('volunteer_requests', where),
    ])
    return paged(
      await Promise.all(rows.map((r) => requestView(ctx.rt, r, ctx.caller.user._id, false))),
      page,
      pageSize,
      total,
    )
  },
})

/** Loads a request the caller posted (and warms the unit cache its view reads inside the transaction). */
async function mine(ctx: ActionContext, requestId: string) {
  const req = await loadRequest(ctx, requestId)
  if (req.posterId !== ctx.caller.user._id) throw VolunteerErrors.NOT_MY_REQUEST()
  await requestView(ctx.rt, req, ctx.caller.user._id, true)
  return req
}

/** The poster withdraws a need nobody has taken yet. */
export const withdrawRequest = legacyAction(volunteerContract.actions.withdrawRequest, {
  run: async ({ requestId, note }, ctx) => {
    await mine(ctx, requestId)
    return ctx.transact(async (tx) =>
      requestView(
        ctx.rt,
        await stepRequest(tx, requestId, 'withdraw', ctx.caller.user._id, ctx.now, note),
        ctx.caller.user._id,
        true,
      ),
    )
  },
})

/** The poster confirms the organisation did what was asked; the village verifies next. */
export const confirmRequest = legacyAction(volunteerContract.actions.confirmRequest, {
  run: async ({ requestId, note }, ctx) => {
    await mine(ctx, requestId)
    return ctx.transact(async (tx) =>
      requestView(
        ctx.rt,
        await stepRequest(tx, requestId, 'confirm', ctx.caller.user._id, ctx.now, note),
        ctx.caller.user._id,
        true,
      ),
    )
  },
})
