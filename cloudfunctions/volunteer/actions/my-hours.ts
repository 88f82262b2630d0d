import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { minutesToHours } from '@shared/volunteer/volunteer.rules'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { ids } from '../volunteer.repo'
import { hoursEntryView } from '../volunteer.views'

/** My volunteer record: totals from the running total doc, lines from the hours ledger (newest first). */
export const myHours = defineAction(volunteerContract.actions.myHours, {
  run: async ({ input: { page, pageSize }, ctx }) => {
    const userId = ctx.caller.user._id
    const [total, entries] = await Promise.all([
      ctx.db.get(C.volunteer_totals, ids.hoursTotal(userId)),
      findPage(ctx.db, C.volunteer_hours, { userId }, [['at', 'desc']], { page, pageSize }),
    ])
    return {
      name: ctx.caller.user.name,
      totalHours: minutesToHours(total?.minutes ?? 0),
      taskHours: minutesToHours(total?.taskMinutes ?? 0),
      patrolHours: minutesToHours(total?.patrolMinutes ?? 0),
      needHours: minutesToHours(total?.needMinutes ?? 0),
      entries: { ...entries, items: entries.items.map((e) => hoursEntryView(e, ctx.lang)) },
      printedAt: ctx.now,
    }
  },
})
