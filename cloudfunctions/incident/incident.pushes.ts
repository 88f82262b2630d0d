import type { Permission } from '@shared/auth/permissions'
import type { InboxMessage } from '@shared/incident/incident.schema'
import { C } from '../_core/collections'
import { newId } from '../_core/ids'
import { DuplicateKeyError } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import { pushAll, type Timer } from '../_core/wrap'
import { holdersWithProfiles } from './incident.holders'
import { inboxMessages, pushOf, type Tell } from './incident.repo'

/** Pushes sent at once by one run: WeChat is asked for these together, then the next ones. */
const AT_ONCE = 50

/** Pushes one run claims, at most: sent in a few seconds, well inside the function's time (the rest the next minute). */
const PUSHES_A_RUN = 500

/**
 * The WeChat pushes of the inbox messages written since the last run (issue #21): every message a report, a step or
 * a sweep writes waits (`pushState` 'pending') for this timer, which sends it within the minute, so no action waits
 * for WeChat or for the record of what it answered. First the holder notices the steps left are given to their
 * holders (`fanOut`), whose messages then go out in the same run. A run claims up to PUSHES_A_RUN of the messages
 * waiting, oldest first, in one request (each message's change is atomic: of two runs at once, each message is
 * claimed by one), reads those it claimed when another run took some, and sends them as `pushAll` does (profiles in one query where the message
 * does not carry them, what WeChat answered kept in one insert); a backlog (after a stop of the service) goes out
 * over the next minutes, never more in a run than it can send in time. A message is pushed once, or, if its run
 * stops midway, not at all: the inbox still has it.
 */
export async function sendPushes(rt: Runtime, now: number): Promise<{ told: number; sent: number }> {
  const told = await fanOut(rt)
  const waiting = await rt.db.find(C.incident_inbox, {
    where: { pushState: 'pending' },
    orderBy: [['_id', 'asc']],
    limit: PUSHES_A_RUN,
  })
  if (!waiting.length) return { told, sent: 0 }
  const token = newId('pc', now)
  const ids = waiting.map((m) => m._id)
  const claimed = await rt.db.updateWhere(
    C.incident_inbox,
    { _id: { $in: ids }, pushState: 'pending' },
    { pushState: token },
  )
  if (!claimed) return { told, sent: 0 }
  // all of them (the usual case), as found; else those this run got, read (another run took the others)
  const mine =
    claimed === ids.length
      ? waiting.map((m) => ({ ...m, pushState: token }))
      : await rt.db.find(C.incident_inbox, { where: { pushState: token }, limit: PUSHES_A_RUN })
  for (let i = 0; i < mine.length; i += AT_ONCE) await pushAll(rt, mine.slice(i, i + AT_ONCE).map(pushOf))
  return { told, sent: mine.length }
}

/** Notices given to their holders by one run, at most (the rest the next minute). */
const NOTICES_A_RUN = 200

/**
 * The holder notices the steps left (`noticeFor`: one for the unit, `fanout` 'pending'), each given to the people
 * who hold its permission in its unit now, but the one who acted: their own messages, waiting for their pushes
 * (sent by this same run), then the notices marked done. One query of each unit's holders; every message in one
 * insert. A run that stops before the marking leaves them pending: the next one writes only the messages not there
 * yet (a message's id is its person's, case's, step's and title's), so each holder is told once. How many were told.
 */
export async function fanOut(rt: Runtime): Promise<number> {
  const notices = await rt.db.find(C.incident_inbox, {
    where: { fanout: 'pending' },
    orderBy: [['_id', 'asc']],
    limit: NOTICES_A_RUN,
  })
  if (!notices.length) return 0
  const holders = new Map<string, Awaited<ReturnType<typeof holdersWithProfiles>>>()
  const messages = new Map<string, InboxMessage>()
  for (const n of notices) {
    const to = n.fanoutTo
    if (!to) continue
    const key = `${to.unitId} ${to.permission}`
    if (!holders.has(key)) holders.set(key, await holdersWithProfiles(rt, to.unitId, to.permission as Permission))
    const { userIds, profiles } = holders.get(key)!
    const tell = { title: n.title, body: n.body } as Tell
    for (const m of inboxMessages(
      userIds.filter((u) => u !== to.exclude),
      n.incidentId,
      to.seq,
      tell,
      n.at,
    )) {
      const pushTo = profiles.get(m.userId)
      messages.set(m._id, { ...m, pushState: 'pending', ...(pushTo ? { pushTo } : {}) })
    }
  }
  const all = [...messages.values()]
  let told = 0
  // in inserts of at most 500 (a unit may have many holders)
  for (let i = 0; i < all.length; i += 500) {
    const part = all.slice(i, i + 500)
    try {
      await rt.db.insertMany(C.incident_inbox, part)
      told += part.length
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err
      // some were written before (a run stopped before marking its notices done, or one runs beside this): the
      // others one by one
      for (const m of part)
        told += await rt.db.insert(C.incident_inbox, m).then(
          () => 1,
          (e: unknown) => {
            if (e instanceof DuplicateKeyError) return 0
            throw e
          },
        )
    }
  }
  await rt.db.updateWhere(C.incident_inbox, { _id: { $in: notices.map((n) => n._id) } }, { fanout: 'done' })
  return told
}

/** Every minute on CloudBase (its timers' finest step) and on the local host. */
export const pushTimer: Timer = { everyMinutes: 1, run: (rt, now) => sendPushes(rt, now) }
