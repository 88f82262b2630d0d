import { incidentContract } from '@shared/incident/incident.contract'
import { keptText } from '@shared/incident/incident.labels'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'

/** The caller's messages about cases, newest first, in the language they read now, with how many are unread. */
export const myInbox = defineAction(incidentContract.actions.myInbox, {
  run: async ({ input, ctx }) => {
    const userId = ctx.caller.user._id
    const [page, unread] = await Promise.all([
      findPage(ctx.db, C.incident_inbox, { userId }, [['at', 'desc']], input),
      ctx.db.count(C.incident_inbox, { userId, readAt: null }),
    ])
    const items = page.items.map((m) => ({
      id: m._id,
      incidentId: m.incidentId,
      title: keptText(m.title, ctx.lang),
      body: keptText(m.body, ctx.lang),
      at: m.at,
      read: m.readAt !== null,
    }))
    return { ...page, items, unread }
  },
})
