import { C } from '../_core/collections'
import { newId } from '../_core/ids'
import type { Runtime } from '../_core/runtime'
import { pushAll, type Timer } from '../_core/wrap'
import { pushOf } from './incident.repo'

/** Pushes sent at once by one run: WeChat is asked for these together, then the next ones. */
const AT_ONCE = 50

/**
 * The WeChat pushes of the inbox messages written since the last run (issue #21): every message a report, a step or
 * a sweep writes waits (`pushState` 'pending') for this timer, which sends it within the minute, so no action waits
 * for WeChat or for the record of what it answered. A run claims every message waiting in one request (each
 * message's change is atomic: of two runs at once, each message is claimed by one), reads those it claimed, and
 * sends them as `pushAll` does (profiles in one query where the message does not carry them, what WeChat answered
 * kept in one insert). A message is pushed once, or, if its run stops midway, not at all: the inbox still has it.
 */
export async function sendPushes(rt: Runtime, now: number): Promise<{ sent: number }> {
  const token = newId('pc', now)
  const claimed = await rt.db.updateWhere(C.incident_inbox, { pushState: 'pending' }, { pushState: token })
  if (!claimed) return { sent: 0 }
  let sent = 0
  for (let offset = 0; ; offset += 1000) {
    const page = await rt.db.find(C.incident_inbox, {
      where: { pushState: token },
      orderBy: [['_id', 'asc']],
      limit: 1000,
      offset,
    })
    for (let i = 0; i < page.length; i += AT_ONCE) await pushAll(rt, page.slice(i, i + AT_ONCE).map(pushOf))
    sent += page.length
    if (page.length < 1000) break
  }
  return { sent }
}

/** Every minute on CloudBase (its timers' finest step) and on the local host. */
export const pushTimer: Timer = { everyMinutes: 1, run: (rt, now) => sendPushes(rt, now) }
