/**
 * Preloaded into a host process a journey starts itself (`node --import tsx --import <this file>`), so
 * the journey can move that host's clock forward, as the action tests move `env.clock`: the server's
 * `systemClock` reads `Date.now()`, and this makes `Date.now()` the real time plus the number of
 * milliseconds written in the file named by LINLI_CLOCK_SHIFT_FILE (0 when it is missing or empty).
 * Nothing in the product knows about it; it is only ever loaded by e2e journeys.
 */
import { readFileSync } from 'node:fs'

const file = process.env.LINLI_CLOCK_SHIFT_FILE
if (file) {
  const realNow = Date.now.bind(Date)
  let shift = 0
  let readAt = -Infinity
  Date.now = () => {
    const t = realNow()
    // re-read at most every 50 ms: Date.now() is called often, the file changes a few times per run
    if (t - readAt > 50) {
      readAt = t
      try {
        shift = Number(readFileSync(file, 'utf8').trim()) || 0
      } catch {
        shift = 0
      }
    }
    return t + shift
  }
}
