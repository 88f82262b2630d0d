import type { z } from 'zod'
import { patrolContract } from '@shared/patrol/patrol.contract'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { MIN, TUE_PM, V, patrolDriver } from '../../tests/support/patrol'
import { PATROL_SEED } from '../../seeds/patrol.seed'
import { C } from '../_core/collections'

/**
 * Issue #16 item 11: text that others read (team, route, checkpoint and shift names, hazards, review reasons, the
 * reason for a rule) passes the content check before anything is written. Fixed for the class: every free-text
 * field of every patrol write is found from the contract and must either be refused with unsafe text here or be
 * named below as text nobody reads.
 */
const NOBODY_READS: Record<string, string> = {
  'checkIn.code': 'a checkpoint code: parsed and verified, never shown',
}
const UNSAFE = '这里有冰毒出售'
const SAFE = '村口桥头'

let env: TestEnv
beforeEach(async () => {
  env = await testEnv()
  env.clock.set(TUE_PM + 10 * MIN)
})
afterEach(() => env.close())
const { patrol, start, checkIn } = patrolDriver(() => env)

type Fixture = { as: string; input: (text: string) => Promise<Record<string, unknown>> | Record<string, unknown> }
const FIXTURES: Record<string, Fixture> = {
  'saveTeam.name': {
    as: 'u-duoji',
    input: (name) => ({ villageId: V, name, captainId: 'u-duoji', memberIds: ['u-gesang'] }),
  },
  'createRoute.name': { as: 'u-duoji', input: (name) => ({ villageId: V, name }) },
  'saveCheckpoint.name': {
    as: 'u-duoji',
    input: (name) => ({ routeId: PATROL_SEED.routeId, name, location: { lat: 31.62, lng: 99.99 } }),
  },
  'saveShift.name': {
    as: 'u-duoji',
    input: (name) => ({
      villageId: V,
      name: name.slice(0, 20),
      teamId: PATROL_SEED.teamId,
      routeId: PATROL_SEED.routeId,
      startMinute: 6 * 60,
      durationMinutes: 60,
    }),
  },
  'saveSettings.reason': { as: 'u-duoji', input: (reason) => ({ villageId: V, coveragePct: 70, reason }) },
  'reportHazard.text': {
    as: 'u-gesang',
    input: async (text) => ({ patrolId: (await start()).id, text }),
  },
  'reviewCheckin.reason': {
    as: 'u-duoji',
    input: async (reason) => {
      const p = await start()
      const r = await checkIn(p.id, 0, { accuracyM: 90 })
      if (!r.ok) throw new Error(r.message)
      return { checkinId: r.data.checkin.id, decision: 'accept', reason }
    },
  },
}

/** Top-level string fields with no format of their own (free text), through optional/default/nullable. */
function freeTextFields(schema: z.ZodType): string[] {
  const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def
  const unwrap = (s: z.ZodType): z.ZodType => {
    const d = def(s)
    return d.innerType ? unwrap(d.innerType as z.ZodType) : s
  }
  const d = def(schema)
  if (d.type !== 'object') return []
  return Object.entries(d.shape as Record<string, z.ZodType>)
    .filter(([, field]) => {
      const f = def(unwrap(field))
      if (f.type !== 'string') return false
      const checks = (f.checks ?? []) as Array<{ _zod: { def: { check: string } } }>
      return !checks.some((c) => c._zod.def.check === 'string_format')
    })
    .map(([name]) => name)
}

/** Everything the patrol writes, counted: a refused write changes none of it. */
async function written(): Promise<number[]> {
  const cs = [
    C.patrol_teams,
    C.patrol_routes,
    C.patrol_checkpoints,
    C.patrol_shifts,
    C.patrol_settings,
    C.patrol_hazards,
    C.patrol_reviews,
    C.incidents,
  ] as const
  return Promise.all(cs.map((c) => env.rt.db.count(c)))
}

it('every free-text field of a patrol write is checked, or named as text nobody reads', () => {
  const found = Object.entries(patrolContract.actions)
    .filter(([, a]) => a.write)
    .flatMap(([name, a]) => freeTextFields(a.input).map((f) => `${name}.${f}`))
    .sort()
  expect(found).toEqual([...Object.keys(FIXTURES), ...Object.keys(NOBODY_READS)].sort())
})

describe.each(Object.entries(FIXTURES))('%s', (field, fixture) => {
  const action = field.split('.')[0] as keyof typeof patrolContract.actions
  it('is refused with unsafe text, before anything is written', async () => {
    const input = await fixture.input(UNSAFE)
    const before = await written()
    expect(await patrol.call(fixture.as, action, input)).toMatchObject({ ok: false, code: 'COMMON.CONTENT_UNSAFE' })
    expect(await written()).toEqual(before)
  })
  it('is accepted with ordinary text', async () => {
    expect(await patrol.call(fixture.as, action, await fixture.input(SAFE))).toMatchObject({ ok: true })
  })
})
