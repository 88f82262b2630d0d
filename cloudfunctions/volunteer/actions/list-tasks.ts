import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { C } from '../../_core/collections'
import { findPage, pageOf } from '../../_core/paging'
import type { Filter } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { residenceArea } from '../volunteer.repo'
import { taskCards } from '../volunteer.views'

/**
 * Tasks near me: those in my village and those of my township, soonest first; by default only tasks
 * not yet over. Without a residence there is nothing near me.
 */
export const listTasks = defineAction(volunteerContract.actions.listTasks, {
  run: async ({ input: { page, pageSize, includePast }, ctx }) => {
    const home = await residenceArea(ctx)
    const near = [home?.area.villageId, home?.area.townshipId].filter((x): x is string => !!x)
    if (!near.length) return pageOf([], { page, pageSize }, 0)
    const where: Filter = { unitId: { $in: near }, status: 'open' }
    if (!includePast) where.endAt = { $gte: ctx.now }
    const found = await findPage(ctx.db, C.volunteer_tasks, where, [['startAt', 'asc']], { page, pageSize })
    return { ...found, items: await taskCards(ctx, found.items, false) }
  },
})
