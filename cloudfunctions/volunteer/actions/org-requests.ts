import { volunteerContract, VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import type { User } from '@shared/account/account.schema'
import type { Org, VolunteerRequest } from '@shared/volunteer/volunteer.schema'
import { hoursToMinutes } from '@shared/volunteer/volunteer.rules'
import type { Filter } from '../../_core/port'
import { legacyAction } from '../../_core/wrap'
import { writeInbox } from '../notifier'
import { stepRequest } from '../requests'
import { bumpStats, ids, loadOrg, loadRequest, paged, requestView, requireOrgAdmin } from '../support'

/** Whether a request lies in an organisation's service area (its village, or its township's villages). */
function inOrgArea(org: Org, req: VolunteerRequest): boolean {
  return org.villageId ? req.villageId === org.villageId : req.townshipId === org.townshipId
}

/** Needs an organisation can take (published, in its area) or has taken (any later status). */
export const openRequests = legacyAction(volunteerContract.actions.openRequests, {
  scope: async ({ orgId }, ctx) => (await loadOrg(ctx, orgId)).unitId,
  run: async ({ orgId, status, page, pageSize }, ctx) => {
    const org = await loadOrg(ctx, orgId)
    await requireOrgAdmin(ctx, orgId)
    const area: Filter = org.villageId ? { villageId: org.villageId } : { townshipId: org.townshipId }
    const where: Filter =
      !status || status === 'published' ? { ...area, status: 'published' } : { takenByOrgId: orgId, status }
    const [rows, total] = await Promise.all([
      ctx.db.find<VolunteerRequest>('volunteer_requests', {
        where,
        orderBy: [['createdAt', 'desc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('volunteer_requests', where),
    ])
    // names stay masked until the organisation has taken the job on
    return paged(
      await Promise.all(rows.map((r) => requestView(ctx.rt, r, ctx.caller.user._id, r.takenByOrgId === orgId))),
      page,
      pageSize,
      total,
    )
  },
})

/** 接单: an approved organisation takes on a published need in its area; time-to-take is counted. */
export const takeRequest = legacyAction(volunteerContract.actions.takeRequest, {
  scope: async ({ requestId }, ctx) => (await loadRequest(ctx, requestId)).villageId,
  run: async ({ requestId, orgId }, ctx) => {
    const [req, org] = await Promise.all([loadRequest(ctx, requestId), loadOrg(ctx, orgId)])
    await requireOrgAdmin(ctx, orgId)
    if (org.status !== 'approved') throw VolunteerErrors.ORG_NOT_APPROVED()
    if (!inOrgArea(org, req)) throw VolunteerErrors.REQUEST_OUTSIDE_ORG()
    await requestView(ctx.rt, req, ctx.caller.user._id, true)
    return ctx.transact(async (tx) => {
      const next = await stepRequest(tx, requestId, 'take', ctx.caller.user._id, ctx.now, null, {
        takenByOrgId: org._id,
        takenByOrgName: org.name,
        takenBy: ctx.caller.user._id,
        takenAt: ctx.now,
      })
      const waited = Math.max(0, Math.round((ctx.now - (next.publishedAt ?? next.createdAt)) / 60_000))
      await bumpStats(
        tx,
        [
          ['village', next.villageId],
          ['org', org._id],
        ],
        { requestsTaken: 1, takeMinutesTotal: waited },
      )
      await writeInbox(tx, {
        _id: ids.inbox(requestId, 'taken'),
        userId: req.posterId,
        kind: 'request',
        title: `您的需求已有人接单：${req.title}`,
        body: `${org.name} 接单，会尽快联系您。`,
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

/** The organisation reports the job done: what was done, who took part and for how long. */
export const completeRequest = legacyAction(volunteerContract.actions.completeRequest, {
  scope: async ({ requestId }, ctx) => (await loadRequest(ctx, requestId)).villageId,
  run: async ({ requestId, outcome, volunteers }, ctx) => {
    const req = await loadRequest(ctx, requestId)
    if (!req.takenByOrgId) throw VolunteerErrors.REQUEST_WRONG_STATE()
    await requireOrgAdmin(ctx, req.takenByOrgId)
    const people = await Promise.all(
      volunteers.map(async (v) => {
        const user = await ctx.db.get<User>('users', v.userId)
        if (!user) throw VolunteerErrors.VOLUNTEER_NOT_FOUND()
        return { userId: user._id, name: user.name, minutes: hoursToMinutes(v.hours) }
      }),
    )
    const unique = [...new Map(people.map((p) => [p.userId, p])).values()]
    await requestView(ctx.rt, req, ctx.caller.user._id, true)
    return ctx.transact(async (tx) => {
      const next = await stepRequest(tx, requestId, 'complete', ctx.caller.user._id, ctx.now, null, {
        doneAt: ctx.now,
        outcome,
        volunteers: unique,
      })
      await writeInbox(tx, {
        _id: ids.inbox(requestId, 'done', String(ctx.now)),
        userId: req.posterId,
        kind: 'request',
        title: `请确认：${req.title}`,
        body: `${req.takenByOrgName ?? ''}说已经办好：${outcome}。如果属实，请在"我的需求"里确认。`,
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
