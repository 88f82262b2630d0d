import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import type { InboxEntry } from '@shared/volunteer/volunteer.schema'
import { legacyAction } from '../../_core/wrap'
import { paged } from '../support'

/** My reminders and notices that are due (showAt reached) and not voided, newest first. */
export const myInbox = legacyAction(volunteerContract.actions.myInbox, {
  run: async ({ page, pageSize }, ctx) => {
    const where = { userId: ctx.caller.user._id, showAt: { $lte: ctx.now }, voidedAt: null }
    const [rows, total] = await Promise.all([
      ctx.db.find<InboxEntry>('volunteer_inbox', {
        where,
        orderBy: [['showAt', 'desc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('volunteer_inbox', where),
    ])
    return paged(
      rows.map((e) => ({
        id: e._id,
        kind: e.kind,
        title: e.title,
        body: e.body,
        taskId: e.taskId,
        requestId: e.requestId,
        at: e.showAt,
      })),
      page,
      pageSize,
      total,
    )
  },
})
