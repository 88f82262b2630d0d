import { turns } from './app'

const tick = () => new Promise<void>((r) => setImmediate(r))

describe('function calls take turns on the host', () => {
  it('start in the order they asked, one per turn of the event loop, with other callbacks run in between', async () => {
    const turn = turns()
    const log: string[] = []
    const calls = ['a', 'b', 'c'].map((name) => turn().then(() => log.push(name)))
    // stands for a socket read by the poll phase: it must not wait until every queued call has started
    setImmediate(() => log.push('io'))
    await Promise.all(calls)
    expect(log).toEqual(['a', 'io', 'b', 'c'])
  })

  it('a call that asks while others wait starts after them', async () => {
    const turn = turns()
    const log: string[] = []
    const first = ['a', 'b'].map((name) => turn().then(() => log.push(name)))
    await tick()
    const late = turn().then(() => log.push('late'))
    await Promise.all([...first, late])
    expect(log).toEqual(['a', 'b', 'late'])
  })

  it('a call waiting on I/O does not hold up the next one', async () => {
    const turn = turns()
    const log: string[] = []
    let release = () => undefined as void
    const slow = turn().then(async () => {
      log.push('slow started')
      await new Promise<void>((r) => {
        release = r
      })
      log.push('slow done')
    })
    const quick = turn().then(() => log.push('quick'))
    await quick
    expect(log).toEqual(['slow started', 'quick'])
    release()
    await slow
    expect(log).toEqual(['slow started', 'quick', 'slow done'])
  })

  it('an idle host starts a call within one turn', async () => {
    const turn = turns()
    let started = false
    void turn().then(() => {
      started = true
    })
    expect(started).toBe(false)
    await tick()
    expect(started).toBe(true)
  })
})
