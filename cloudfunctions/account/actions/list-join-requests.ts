import { accountContract } from '@shared/account/account.contract'
import type { JoinRequest } from '@shared/account/account.schema'
import { C } from '../../_core/collections'
import { pageOf } from '../../_core/paging'
import { getMany, type Filter } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { isHeadOf, villagesUnder } from '../account.repo'
import { joinRequestView } from '../account.views'

/** Waiting requests are few (a household at a time): each source is read whole up to this many. */
const PER_SOURCE = 200

/**
 * The join requests waiting for me: for my own household if I am its head, and in the grids where I hold
 * `household_approve` (a grid worker's grid, a village official's village), newest first.
 */
export const listJoinRequests = defineAction(accountContract.actions.listJoinRequests, {
  load: async (_input, ctx) => {
    const { user } = ctx.caller
    const own = user.householdId ? await ctx.db.get(C.households, user.householdId) : null
    const sources: Filter[] = own && isHeadOf(user, own) ? [{ householdId: own._id }] : []
    for (const root of ctx.scopeRoots('household_approve')) {
      const unit = await ctx.rt.units.get(root)
      if (!unit) continue
      if (unit.level === 'grid') sources.push({ gridId: root })
      else if (unit.level === 'village') sources.push({ villageId: root })
      else for (const villageId of await villagesUnder(ctx.rt, root)) sources.push({ villageId })
    }
    return { sources }
  },
  run: async ({ input: { page, pageSize }, loaded: { sources }, ctx }) => {
    const found = await Promise.all(
      sources.map((where) =>
        ctx.db.find(C.join_requests, {
          where: { ...where, status: 'pending' },
          orderBy: [['createdAt', 'desc']],
          limit: PER_SOURCE,
        }),
      ),
    )
    const byId = new Map<string, JoinRequest>()
    for (const r of found.flat()) byId.set(r._id, r)
    const all = [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || (a._id < b._id ? -1 : 1))
    const items = all.slice((page - 1) * pageSize, page * pageSize)
    const [users, households] = await Promise.all([
      getMany(
        ctx.db,
        C.users,
        items.map((r) => r.userId),
      ),
      getMany(
        ctx.db,
        C.households,
        items.map((r) => r.householdId),
      ),
    ])
    const views = await Promise.all(
      items.map((r) => joinRequestView(ctx.rt, r, users.get(r.userId), households.get(r.householdId), ctx.lang)),
    )
    return pageOf(views, { page, pageSize }, all.length)
  },
})
