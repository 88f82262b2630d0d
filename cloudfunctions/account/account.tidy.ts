import { PUSH_RECORD_DAYS } from '@shared/push'
import { C } from '../_core/collections'
import type { Runtime } from '../_core/runtime'
import type { Timer } from '../_core/wrap'

const DAY_MS = 86_400_000

/**
 * What is kept only for a time, removed once a day: push records older than PUSH_RECORD_DAYS (who was told what,
 * kept for an admin to see why messages do not arrive, not for ever: they name people), and console sign-in tickets
 * a day after they expired (a used, denied or forgotten ticket is of no use after its few minutes), and the counts
 * of requests per address (`rate_limits`) a day after their minute. One request each. Safe to run twice, or twice at once: what is gone stays gone.
 */
export async function tidyUp(
  rt: Runtime,
  now: number,
): Promise<{ pushRecords: number; consoleTickets: number; rateWindows: number }> {
  const [pushRecords, consoleTickets, rateWindows] = await Promise.all([
    rt.db.removeWhere(C.push_records, { at: { $lt: now - PUSH_RECORD_DAYS * DAY_MS } }),
    rt.db.removeWhere(C.console_logins, { expiresAt: { $lt: now - DAY_MS } }),
    rt.db.removeWhere(C.rate_limits, { expiresAt: { $lt: now - DAY_MS } }),
  ])
  return { pushRecords, consoleTickets, rateWindows }
}

/** Once a day (CloudBase: 04:00, `platform.ts`). */
export const tidyTimer: Timer = { everyMinutes: 24 * 60, run: (rt, now) => tidyUp(rt, now) }
