import { patrolContract } from '@shared/patrol/patrol.contract'
import { bjDayStart } from '@shared/time/beijing'
import { DEV_CODE_KEY } from '../../cloudfunctions/patrol/patrol.config'
import { codeFor } from '../../cloudfunctions/patrol/patrol.codes'
import { PATROL_SEED } from '../../seeds/patrol.seed'
import { callsOf } from './contract-calls'
import type { CallOpts, TestEnv } from './harness'

/** The seeded patrol of 旭日岭社区 as the patrol tests drive it: its checkpoints, their signed codes, the clock. */
export const V = PATROL_SEED.villageId
export const CPS = PATROL_SEED.checkpoints.map(([id, name, lat, lng]) => ({ id, name, lat, lng }))
export const MIN = 60_000
/** Tuesday 2026-03-03 20:00 Beijing: the evening shift (晚巡 20:00–22:00) opens. */
export const TUE_PM = bjDayStart('2026-03-03') + 20 * 60 * MIN
/** The key the test codes are signed with (what a CloudBase-mode runtime is given in LINLI_PATROL_CODE_KEY) */
export const CODE_KEY = DEV_CODE_KEY
export const code = (cpId: string, village: string = V) => codeFor(DEV_CODE_KEY, cpId, village)

/** Start, check in at a seeded checkpoint (where it is, unless `extra` says otherwise) and walk the route. */
export function patrolDriver(env: () => TestEnv) {
  const patrol = callsOf(env, patrolContract)
  const start = (user = 'u-gesang', shiftId: string = PATROL_SEED.eveningShiftId, opts?: CallOpts) =>
    patrol.ok(user, 'startPatrol', { shiftId }, undefined, opts)
  const checkIn = (
    patrolId: string,
    i: number,
    extra: Record<string, unknown> = {},
    user = 'u-gesang',
    requestId?: string,
    opts?: CallOpts,
  ) => {
    const cp = CPS[i]!
    return patrol.call(
      user,
      'checkIn',
      {
        patrolId,
        code: code(cp.id),
        position: { lat: cp.lat, lng: cp.lng },
        accuracyM: 12,
        deviceAt: env().clock.now(),
        ...extra,
      },
      requestId,
      opts,
    )
  }
  /** Every checkpoint but `skip`, ten minutes apart (a walk); `extra` per checkpoint index. */
  const walkAll = async (
    patrolId: string,
    skip: number[] = [],
    extra: Record<number, Record<string, unknown>> = {},
  ) => {
    const out = []
    for (let i = 0; i < CPS.length; i++) {
      if (skip.includes(i)) continue
      env().clock.advance(10 * MIN)
      const r = await checkIn(patrolId, i, extra[i])
      if (!r.ok) throw new Error(r.message)
      out.push(r.data)
    }
    return out
  }
  return { patrol, start, checkIn, walkAll }
}
