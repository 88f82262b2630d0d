import { incidentContract } from '@shared/incident/incident.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'

/** Marks my messages read (the listed ones, or all unread); other people's ids are ignored. */
export const markInboxRead = defineAction(incidentContract.actions.markInboxRead, {
  load: async ({ ids, all }, ctx) => ({
    ids: all
      ? (await ctx.db.find(C.incident_inbox, { where: { userId: ctx.caller.user._id, readAt: null }, limit: 200 })).map(
          (m) => m._id,
        )
      : ids,
  }),
  run: async ({ loaded: { ids }, tx, ctx }) => {
    for (const id of ids) {
      const m = await tx.get(C.incident_inbox, id)
      if (m && m.userId === ctx.caller.user._id && m.readAt === null)
        await tx.update(C.incident_inbox, id, { readAt: ctx.now })
    }
    return { ok: true as const }
  },
})
