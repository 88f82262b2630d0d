import { C } from '../_core/collections'
import type { PushMessage } from '../_core/notifier'
import type { Runtime } from '../_core/runtime'
import { pushAll } from '../_core/wrap'
import { sayIn } from './volunteer.views'

const AT_ONCE = 50

/**
 * Pushes reminders that have come due (a day before the task) outside the app, once each: each inbox entry is
 * claimed in a small transaction of its own (one per reminder, not one for the batch) that first checks it was
 * not pushed or voided, and only then is the push sent (best effort, after commit — a failed push leaves the
 * reminder in the in-app inbox). The claimed ones go out together, 50 at a time (`pushAll`: their recipients'
 * profiles in one query, each in its recipient's language, and what WeChat answered kept in `push_records` as for
 * every other push). Safe to run twice, or twice at once. `pushed`: how many were handed to WeChat without an error.
 */
export async function pushReminders(rt: Runtime, now: number, limit = 200): Promise<{ pushed: number }> {
  const due = await rt.db.find(C.volunteer_inbox, {
    where: { kind: 'reminder', pushedAt: null, showAt: { $lte: now } },
    orderBy: [['showAt', 'asc']],
    limit,
  })
  const claimed: PushMessage[] = []
  for (const entry of due) {
    const mine = await rt.db.transaction(async (tx) => {
      const current = await tx.get(C.volunteer_inbox, entry._id)
      if (!current || current.pushedAt !== null || current.voidedAt !== null) return false
      await tx.update(C.volunteer_inbox, entry._id, { pushedAt: now })
      return true
    })
    if (mine) claimed.push({ userId: entry.userId, title: entry.title, body: entry.body, incidentId: null, at: now })
  }
  let pushed = 0
  for (let i = 0; i < claimed.length; i += AT_ONCE)
    pushed += await pushAll(rt, claimed.slice(i, i + AT_ONCE), undefined, sayIn)
  return { pushed }
}
