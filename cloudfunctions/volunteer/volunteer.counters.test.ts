import type { Counters } from '@shared/volunteer/volunteer.schema'
import { testEnv, type TestEnv } from '../../tests/support/harness'
import { postTask } from '../../tests/support/volunteer'
import { SEED_ORG_ID } from '../../seeds/volunteer.seed'
import { C } from '../_core/collections'
import { bumpCounters, countersFor, emptyCounters, ids } from './volunteer.repo'

/**
 * Issue #21: a counted change is one write. What an organisation does in a village (or township) is kept in that
 * village's counters, under `below.<organisation>`; its figures add its own document (what it did before) to its part
 * in every township and village under its unit.
 */
let env: TestEnv
beforeEach(async () => {
  env = await testEnv()
})
afterEach(() => env.close())

const VILLAGE = '513328100001'
const TOWNSHIP = '513328100'
const RESIDENTS = ['u-zhuoma', 'u-wangdeming', 'u-zhaxi', 'u-duoji', 'u-gesang']

const allCounters = () => env.rt.db.find(C.volunteer_counters, { limit: 1000 })

describe('volunteer counters: one document per counted change', () => {
  it('sign-ups at once write only the village’s document, and the village and its organisation count each once', async () => {
    const task = await postTask(env, { slots: 3 })
    const before = await allCounters()
    const figBefore = await env.ok('volunteer', 'u-lixiuying', 'getFigures', { unitId: VILLAGE })
    await Promise.all(RESIDENTS.map((u) => env.ok('volunteer', u, 'signup', { taskId: task.id })))

    const after = await allCounters()
    const changed = after.filter((d) => JSON.stringify(d) !== JSON.stringify(before.find((b) => b._id === d._id)))
    expect(changed.map((d) => d._id)).toEqual([ids.counters('village', VILLAGE)])
    // the organisation's own document (from the seed, before) is not written
    expect(after.find((d) => d._id === ids.counters('org', SEED_ORG_ID))).toEqual(
      before.find((d) => d._id === ids.counters('org', SEED_ORG_ID)),
    )
    const fig = await env.ok('volunteer', 'u-lixiuying', 'getFigures', { unitId: VILLAGE })
    expect(fig.unit.signups - figBefore.unit.signups).toBe(RESIDENTS.length)
    expect(fig.orgs[0].signups - figBefore.orgs[0].signups).toBe(RESIDENTS.length)
    // the seed's tasks (kept on the organisation's own document) and this one (in the village's) are both counted
    expect(fig.orgs[0].tasks).toBe(figBefore.orgs[0].tasks)
    expect(fig.orgs[0].tasks).toBe(fig.unit.tasks)
    const counter = await env.rt.db.get(C.volunteer_task_counters, task.id)
    expect(counter).toMatchObject({ confirmed: 3, waitlisted: 2 })
  })

  it("a township's organisation: its parts in the township's and its villages' documents and its own are summed", async () => {
    const org = 'org-township-team'
    await env.rt.db.transaction(async (tx) => {
      // what it did before (its own document), a task at the township, a task and an attendance in a village
      await tx.set(C.volunteer_counters, { ...emptyCounters('org', org), tasks: 2, signups: 5 } satisfies Counters)
      await bumpCounters(
        tx,
        [
          ['village', TOWNSHIP],
          ['org', org],
        ],
        { tasks: 1 },
      )
      await bumpCounters(
        tx,
        [
          ['village', VILLAGE],
          ['org', org],
        ],
        { tasks: 1, signups: 3 },
      )
      await bumpCounters(
        tx,
        [
          ['village', VILLAGE],
          ['org', org],
        ],
        { attended: 2, confirmedMinutes: 150 },
      )
      // a need with no village: the organisation's own document
      await bumpCounters(
        tx,
        [
          ['village', null],
          ['org', org],
        ],
        { needsTaken: 1, takeMinutesTotal: 30 },
      )
    })
    const township = await countersFor(env.rt, env.rt.db, TOWNSHIP, [{ _id: org, unitId: TOWNSHIP }])
    expect(township.orgs[0]).toMatchObject({
      tasks: 4,
      signups: 8,
      attended: 2,
      confirmedMinutes: 150,
      needsTaken: 1,
      takeMinutesTotal: 30,
    })
    // the township's own figures are its own tasks only, as before (not its villages')
    expect(township.unit).toMatchObject({ refId: TOWNSHIP, tasks: 1, signups: 0 })
    expect(township.unit).not.toHaveProperty('below')
    const village = await countersFor(env.rt, env.rt.db, VILLAGE, [])
    expect(village.unit).toMatchObject({ attended: 2, confirmedMinutes: 150 })
  })

  it('nothing added writes nothing', async () => {
    const before = await allCounters()
    await env.rt.db.transaction((tx) =>
      bumpCounters(
        tx,
        [
          ['village', VILLAGE],
          ['org', SEED_ORG_ID],
        ],
        { tasks: 0 },
      ),
    )
    expect(await allCounters()).toEqual(before)
  })
})
