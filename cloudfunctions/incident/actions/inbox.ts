import { incidentContract } from '@shared/incident/incident.contract'
import type { InboxMessage } from '@shared/incident/incident.schema'
import { legacyAction } from '../../_core/wrap'
import { INBOX } from '../store'

export const inbox = legacyAction(incidentContract.actions.inbox, {
  run: async ({ page, pageSize }, ctx) => {
    const userId = ctx.caller.user._id
    const [rows, total, unread] = await Promise.all([
      ctx.db.find<InboxMessage>(INBOX, {
        where: { userId },
        orderBy: [['at', 'desc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count(INBOX, { userId }),
      ctx.db.count(INBOX, { userId, readAt: null }),
    ])
    return {
      items: rows.map((m) => ({
        id: m._id,
        incidentId: m.incidentId,
        title: m.title,
        body: m.body,
        at: m.at,
        read: m.readAt !== null,
      })),
      page,
      pageSize,
      total,
      hasMore: page * pageSize < total,
      unread,
    }
  },
})
