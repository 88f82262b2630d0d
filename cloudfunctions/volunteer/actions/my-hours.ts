import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import { HOURS_SOURCES, type HoursEntry, type HoursTotal } from '@shared/volunteer/volunteer.schema'
import { minutesToHours } from '@shared/volunteer/volunteer.rules'
import { legacyAction } from '../../_core/wrap'
import { hoursTotalId } from '../hours'
import { paged } from '../support'

/** My volunteer record: totals from the running total doc, lines from the hours ledger (newest first). */
export const myHours = legacyAction(volunteerContract.actions.myHours, {
  run: async ({ page, pageSize }, ctx) => {
    const userId = ctx.caller.user._id
    const where = { userId }
    const [total, rows, count] = await Promise.all([
      ctx.db.get<HoursTotal>('volunteer_totals', hoursTotalId(userId)),
      ctx.db.find<HoursEntry>('volunteer_hours', {
        where,
        orderBy: [['at', 'desc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('volunteer_hours', where),
    ])
    return {
      name: ctx.caller.user.name,
      totalHours: minutesToHours(total?.minutes ?? 0),
      taskHours: minutesToHours(total?.taskMinutes ?? 0),
      patrolHours: minutesToHours(total?.patrolMinutes ?? 0),
      requestHours: minutesToHours(total?.requestMinutes ?? 0),
      entries: paged(
        rows.map((e) => ({
          id: e._id,
          source: e.source,
          sourceLabel: HOURS_SOURCES[e.source],
          note: e.note,
          hours: minutesToHours(e.minutes),
          at: e.at,
        })),
        page,
        pageSize,
        count,
      ),
      printedAt: ctx.now,
    }
  },
})
