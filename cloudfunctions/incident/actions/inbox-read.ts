import { incidentContract } from '@shared/incident/incident.contract'
import type { InboxMessage } from '@shared/incident/incident.schema'
import { legacyAction } from '../../_core/wrap'
import { INBOX } from '../store'

/** Marks my messages read (the listed ones, or all unread); other people's ids are ignored. */
export const inboxRead = legacyAction(incidentContract.actions.inboxRead, {
  run: async ({ ids, all }, ctx) => {
    const userId = ctx.caller.user._id
    const targets = all
      ? (await ctx.db.find<InboxMessage>(INBOX, { where: { userId, readAt: null }, limit: 200 })).map((m) => m._id)
      : ids
    return ctx.transact(async (tx) => {
      for (const id of targets) {
        const m = await tx.get<InboxMessage>(INBOX, id)
        if (m && m.userId === userId && m.readAt === null) await tx.update(INBOX, id, { readAt: ctx.now })
      }
      return { ok: true as const }
    })
  },
})
