import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import type { User } from '@shared/account/account.schema'
import type { Org, VolunteerRequest } from '@shared/volunteer/volunteer.schema'
import { formatBj } from '@shared/time/beijing'
import { creditSystemAward } from '../../points/points.api'
import { legacyAction } from '../../_core/wrap'
import { recordVolunteerHours } from '../hours'
import { writeInbox } from '../notifier'
import { stepRequest } from '../requests'
import { areaFilter, bumpStats, householdOf, ids, loadRequest, paged, requestView, requireUnit } from '../support'

/** Requests in a unit's area for the village's review and verification (names shown to officials). */
export const villageRequests = legacyAction(volunteerContract.actions.villageRequests, {
  scope: async ({ unitId }) => unitId,
  run: async ({ unitId, status, page, pageSize }, ctx) => {
    const where = { ...(areaFilter(await requireUnit(ctx.rt, unitId)) ?? {}), ...(status ? { status } : {}) }
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

/** The village reviews a new need: publish it for organisations to take, or turn it down with a reason. */
export const reviewRequest = legacyAction(volunteerContract.actions.reviewRequest, {
  scope: async ({ requestId }, ctx) => (await loadRequest(ctx, requestId)).villageId,
  run: async ({ requestId, approve, note }, ctx) => {
    if (!approve && !note) throw VolunteerErrors.NOTE_REQUIRED()
    const req = await loadRequest(ctx, requestId)
    await requestView(ctx.rt, req, ctx.caller.user._id, true)
    return ctx.transact(async (tx) => {
      const next = await stepRequest(
        tx,
        requestId,
        approve ? 'publish' : 'reject',
        ctx.caller.user._id,
        ctx.now,
        note,
        approve ? { publishedAt: ctx.now } : {},
      )
      await writeInbox(tx, {
        _id: ids.inbox(requestId, approve ? 'published' : 'rejected'),
        userId: req.posterId,
        kind: 'request',
        title: approve ? `您的需求已公开：${req.title}` : `您的需求未通过：${req.title}`,
        body: approve ? '村里已审核，等待社会组织接单。' : `原因：${note}`,
        taskId: null,
        requestId,
        showAt: ctx.now,
        createdAt: ctx.now,
        voidedAt: null,
      })
      return requestView(ctx.rt, next, ctx.caller.user._id, true)
    })
  },
})

/**
 * 验单: the village checks a job the resident confirmed. Approved: each volunteer's hours go to their
 * record (exactly once per request and person) and, if the village says so, to their household's
 * points (village rule VOLUNTEER_HOUR); the outcome becomes public. Not approved: back to the
 * organisation with the reason.
 */
export const verifyRequest = legacyAction(volunteerContract.actions.verifyRequest, {
  scope: async ({ requestId }, ctx) => (await loadRequest(ctx, requestId)).villageId,
  run: async ({ requestId, approve, note, awardPoints }, ctx) => {
    if (!approve && !note) throw VolunteerErrors.NOTE_REQUIRED()
    const req = await loadRequest(ctx, requestId)
    await requestView(ctx.rt, req, ctx.caller.user._id, true)
    const people = await Promise.all(
      req.volunteers.map(async (v) => {
        const user = await ctx.db.get<User>('users', v.userId)
        return { ...v, household: user ? await householdOf(ctx, user) : null }
      }),
    )
    const org = req.takenByOrgId ? await ctx.db.get<Org>('volunteer_orgs', req.takenByOrgId) : null
    return ctx.transact(async (tx) => {
      if (!approve) {
        const back = await stepRequest(tx, requestId, 'rework', ctx.caller.user._id, ctx.now, note)
        return requestView(ctx.rt, back, ctx.caller.user._id, true)
      }
      const next = await stepRequest(tx, requestId, 'verify', ctx.caller.user._id, ctx.now, note, {
        verifiedAt: ctx.now,
        awardsPoints: awardPoints,
      })
      for (const p of people) {
        await recordVolunteerHours(tx, {
          userId: p.userId,
          householdId: p.household?._id ?? null,
          villageId: p.household?.villageId ?? req.villageId,
          minutes: p.minutes,
          source: 'request',
          sourceKey: `request:${requestId}`,
          note: `群众点单「${req.title}」（${formatBj(ctx.now, 'YYYY-MM-DD')}，${req.takenByOrgName ?? ''}）`,
          now: ctx.now,
        })
        if (awardPoints && p.household && p.minutes >= 30) {
          await creditSystemAward(tx, {
            villageId: p.household.villageId,
            householdId: p.household._id,
            userId: p.userId,
            ruleCode: 'VOLUNTEER_HOUR',
            quantity: Math.floor(p.minutes / 30) / 2,
            sourceKey: `volunteer-request:${requestId}:${p.userId}`,
            reason: `群众点单「${req.title}」验单通过`,
            now: ctx.now,
          })
        }
      }
      await bumpStats(
        tx,
        [
          ['village', req.villageId],
          ['org', org?._id ?? null],
        ],
        { requestsVerified: 1 },
      )
      return requestView(ctx.rt, next, ctx.caller.user._id, true)
    })
  },
})
