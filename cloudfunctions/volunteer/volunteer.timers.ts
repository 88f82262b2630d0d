import { DEFAULT_LANG } from '@shared/i18n/i18n'
import { C } from '../_core/collections'
import type { Runtime } from '../_core/runtime'
import { sayIn } from './volunteer.views'

/**
 * Pushes reminders that have come due (a day before the task) outside the app, once each: each inbox entry is
 * claimed in a small transaction of its own (one per reminder, not one for the batch) that first checks it was
 * not pushed or voided, and only then is the push sent (best effort, after commit — a failed push leaves the
 * reminder in the in-app inbox). Each goes out in its recipient's language (their profile's). Safe to run twice, or
 * twice at once.
 */
export async function pushReminders(rt: Runtime, now: number, limit = 200): Promise<{ pushed: number }> {
  const due = await rt.db.find(C.volunteer_inbox, {
    where: { kind: 'reminder', pushedAt: null, showAt: { $lte: now } },
    orderBy: [['showAt', 'asc']],
    limit,
  })
  let pushed = 0
  for (const entry of due) {
    const claimed = await rt.db.transaction(async (tx) => {
      const current = await tx.get(C.volunteer_inbox, entry._id)
      if (!current || current.pushedAt !== null || current.voidedAt !== null) return false
      await tx.update(C.volunteer_inbox, entry._id, { pushedAt: now })
      return true
    })
    if (!claimed) continue
    const user = await rt.db.get(C.users, entry.userId)
    const lang = user?.lang ?? DEFAULT_LANG
    try {
      await rt.notifier.push({
        userId: entry.userId,
        openid: user?.openid ?? null,
        title: sayIn(entry.title, lang),
        body: sayIn(entry.body, lang),
        incidentId: null,
        at: now,
      })
      pushed += 1
    } catch (err) {
      rt.log.error('reminder push failed', { entryId: entry._id, error: String(err) })
    }
  }
  return { pushed }
}
