import { C } from '../_core/collections'
import type { PushMessage } from '../_core/notifier'
import type { Runtime } from '../_core/runtime'
import { getMany } from '../_core/port'
import { pushAll } from '../_core/wrap'
import { ids, reminderOf, writeInbox } from './volunteer.repo'
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
  await makeReminders(rt, now, limit)
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

/**
 * Makes the reminders that have come due (issue #21: a sign-up does not write its own): for each sign-up holding a
 * slot whose `remindAt` has come, oldest first, in a small transaction of its own, the sign-up is taken off the list
 * only while it still holds its slot and is due (one request: a cancel at the same moment conflicts with it, and one
 * of the two runs again), and its reminder written, unless one of this sign-up is there and not void. A task that
 * has started gets none. Safe to run twice, or twice at once. `made`: how many reminders were written.
 */
export async function makeReminders(rt: Runtime, now: number, limit = 200): Promise<{ made: number }> {
  const due = await rt.db.find(C.volunteer_signups, {
    where: { status: 'confirmed', remindAt: { $lte: now } },
    orderBy: [['remindAt', 'asc']],
    limit,
  })
  const tasks = await getMany(
    rt.db,
    C.volunteer_tasks,
    due.map((s) => s.taskId),
  )
  let made = 0
  for (const s of due) {
    const task = tasks.get(s.taskId)
    const wrote = await rt.db.transaction(async (tx) => {
      const current = await tx.updateIf(
        C.volunteer_signups,
        s._id,
        { status: 'confirmed', remindAt: { $lte: now } },
        { set: { remindAt: null } },
      )
      if (!current || !task || task.status !== 'open' || now >= task.startAt) return false
      const id = ids.reminder(s._id)
      const prior = await tx.get(C.volunteer_inbox, id)
      if (prior && prior.voidedAt === null) return false
      await writeInbox(tx, { ...reminderOf(task, s._id, s.userId, now), createdAt: now })
      return true
    })
    if (wrote) made += 1
  }
  return { made }
}
