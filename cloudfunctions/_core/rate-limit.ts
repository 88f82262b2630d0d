import { C } from './collections'
import { stableId } from './ids'
import { DuplicateKeyError, type DataPort, type Doc } from './port'

/** One window's count of one kind of request from one source (`rate_limits`; removed by the daily tidy). */
export interface RateWindow extends Doc {
  n: number
  /** when the window ends: the tidy removes it a day after */
  expiresAt: number
}

/**
 * Takes one of `limit` places in the current window of `windowMs` for requests of `scope` from `source` (an
 * address): false when they are all taken. For what anyone may ask for before signing in (a console sign-in
 * ticket): one request in a transaction of its own (the count compared in its write, `updateIf`), two more the
 * first time in a window. Exact under concurrency: of many at once, `limit` get a place.
 */
export async function takePlace(
  db: DataPort,
  scope: string,
  source: string,
  limit: number,
  windowMs: number,
  now: number,
): Promise<boolean> {
  const window = Math.floor(now / windowMs)
  const id = stableId('rl', scope, source, String(window))
  for (let tries = 0; ; tries++) {
    try {
      return await db.transaction(async (tx) => {
        if (await tx.updateIf(C.rate_limits, id, { n: { $lt: limit } }, { inc: { n: 1 } })) return true
        if (await tx.get(C.rate_limits, id)) return false
        await tx.insert(C.rate_limits, { _id: id, n: 1, expiresAt: (window + 1) * windowMs })
        return true
      })
    } catch (err) {
      // the window's first two at once: the one whose insert lost counts again in the window the other made
      if (!(err instanceof DuplicateKeyError) || tries >= 2) throw err
    }
  }
}
