/**
 * `npm run deploy` against a stand-in of the CloudBase management API: the requests it sends to a fresh
 * environment, to one that already has part of the declaration, and again to the result (no create the second
 * time); what --prune adds; that --dry-run and a refused plan send nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COLLECTIONS } from '../cloudfunctions/_core/collections'
import { PLATFORM, RUNTIME, configJsonOf, type FunctionName } from '../cloudfunctions/platform'
import { emptyEnv, standIn, WRITES, type Call, type StandInEnv } from '../tests/support/cloudbase-manager-stand-in'
import { UsageError, deploy, parseArgs, parseEnvFile, type DeployArgs } from './deploy'
import { cronOf, indexName, indexSpecs } from './deploy-plan'

const NAMES = Object.keys(PLATFORM) as FunctionName[]
const KEY = 'k'.repeat(40)

let root = ''
let functionRoot = ''
let envFile = ''
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'linli-deploy-'))
  functionRoot = join(root, 'functions')
  // what `npm run build:functions` leaves: a folder per function with its config.json
  for (const name of NAMES) {
    mkdirSync(join(functionRoot, name), { recursive: true })
    writeFileSync(join(functionRoot, name, 'index.js'), 'exports.main = async () => ({})\n')
    writeFileSync(join(functionRoot, name, 'config.json'), JSON.stringify(configJsonOf(name), null, 2))
  }
  envFile = join(root, 'cloud.env')
  writeFileSync(
    envFile,
    `# secrets\nLINLI_PATROL_CODE_KEY=${KEY}\nLINLI_POINTS_CODE_KEY=${KEY}\nLINLI_SUBSCRIBE_TEMPLATE_ID="tpl-1"\n`,
  )
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const args = (over: Partial<DeployArgs> = {}): DeployArgs => ({
  env: 'linli-test-1a2b',
  dryRun: false,
  prune: false,
  envFile,
  region: undefined,
  functionRoot,
  ...over,
})

const quiet = () => undefined
const writes = (calls: Call[]) => calls.filter(([m]) => WRITES.includes(m))
const named = (calls: Call[], method: string) => calls.filter(([m]) => m === method).map(([, ...a]) => a)
const createdIndexes = (calls: Call[]) =>
  named(calls, 'database.updateCollection').flatMap(([collection, info]) =>
    ((info as { CreateIndexes?: Array<{ IndexName: string; MgoKeySchema: unknown }> }).CreateIndexes ?? []).map(
      (i) => ({ collection: collection as string, ...i }),
    ),
  )
const allIndexes = () =>
  Object.entries(COLLECTIONS).flatMap(([collection, spec]) => indexSpecs(spec).map((i) => ({ collection, ...i })))

describe('a fresh environment', () => {
  let calls: Call[] = []
  let env: StandInEnv
  let ok = false
  beforeAll(async () => {
    const s = standIn()
    env = s.env
    ok = (await deploy(args(), s.api, quiet)).ok
    calls = s.calls
  })

  it('succeeds', () => expect(ok).toBe(true))

  it('creates every collection of collections.ts, once each, and makes each admin-only', () => {
    const names = Object.keys(COLLECTIONS)
    expect(named(calls, 'database.createCollectionIfNotExists').map(([c]) => c)).toEqual(names)
    expect(named(calls, 'permission.modifyResourcePermission')).toEqual(
      names.map((resource) => [{ resourceType: 'collection', resource, permission: 'ADMINONLY' }]),
    )
  })

  it('creates every index of collections.ts with its keys in order, unique where the file says so', () => {
    expect(createdIndexes(calls)).toEqual(
      allIndexes().map((i) => ({
        collection: i.collection,
        IndexName: indexName(i.keys),
        MgoKeySchema: { MgoIndexKeys: i.keys.map((Name) => ({ Name, Direction: '1' })), MgoIsUnique: i.unique },
      })),
    )
    expect(createdIndexes(calls).find((i) => i.collection === 'users')).toMatchObject({
      IndexName: 'openid_1',
      MgoKeySchema: { MgoIsUnique: true },
    })
    // one request per index, nothing dropped
    expect(named(calls, 'database.updateCollection')).toHaveLength(allIndexes().length)
  })

  it('creates every function with its runtime, memory, timeout, variables and timer triggers', () => {
    const created = named(calls, 'functions.createFunction').map(([p]) => p as { func: Record<string, unknown> })
    expect(created.map((p) => p.func.name)).toEqual(NAMES)
    for (const name of NAMES) {
      const p = created.find((c) => c.func.name === name)!
      expect(p).toMatchObject({ functionRootPath: functionRoot, force: false })
      expect(p.func).toMatchObject({
        runtime: RUNTIME,
        handler: 'index.main',
        memorySize: PLATFORM[name].memorySize,
        timeout: PLATFORM[name].timeout,
        installDependency: true,
      })
      expect(p.func.triggers).toEqual(
        Object.entries(PLATFORM[name].triggers).map(([n, config]) => ({ name: n, type: 'timer', config })),
      )
    }
    const patrol = created.find((c) => c.func.name === 'patrol')!.func
    expect(patrol.envVariables).toEqual({ LINLI_PATROL_CODE_KEY: KEY, LINLI_SUBSCRIBE_TEMPLATE_ID: 'tpl-1' })
    // a function gets only the variables it declares
    expect(created.find((c) => c.func.name === 'account')!.func.envVariables).toEqual({
      LINLI_SUBSCRIBE_TEMPLATE_ID: 'tpl-1',
    })
    expect(env.functions.get('points')!.Triggers.map((t) => t.TriggerName)).toEqual([
      'settlePublicity',
      'expireRedemptions',
    ])
  })

  it('sends nothing but creates (no update, no delete, no --force)', () => {
    expect(new Set(writes(calls).map(([m]) => m))).toEqual(
      new Set([
        'database.createCollectionIfNotExists',
        'permission.modifyResourcePermission',
        'database.updateCollection',
        'functions.createFunction',
      ]),
    )
  })

  it('run again: no create, no permission, no index, no config; only each function’s code is uploaded', async () => {
    const s = standIn(env)
    await deploy(args(), s.api, quiet)
    expect(writes(s.calls)).toEqual(
      NAMES.map((name) => [
        'functions.updateFunctionCode',
        {
          func: {
            name,
            runtime: RUNTIME,
            handler: 'index.main',
            memorySize: PLATFORM[name].memorySize,
            timeout: PLATFORM[name].timeout,
            installDependency: true,
          },
          functionRootPath: functionRoot,
        },
      ]),
    )
  })
})

/** An environment made by hand before: some collections, an index under another name, old function settings. */
function partlyDone(): StandInEnv {
  const env = emptyEnv()
  env.collections.set('incidents', {
    permission: 'ADMINONLY',
    indexes: [
      // the same keys as collections.ts's first index, named in the console
      {
        Name: 'by_reporter',
        Keys: ['reporterId', 'reportedAt'].map((Name) => ({ Name, Direction: '1' })),
        Unique: false,
      },
      { Name: 'legacy_1', Keys: [{ Name: 'legacy', Direction: '1' }], Unique: false },
    ],
  })
  env.collections.set('users', { permission: 'PRIVATE', indexes: [] })
  env.collections.set('old_things', { permission: 'PRIVATE', indexes: [] })
  env.functions.set('incident', {
    FunctionName: 'incident',
    Runtime: RUNTIME,
    MemorySize: 256,
    Timeout: 10,
    Handler: 'index.main',
    InstallDependency: 'TRUE',
    Environment: { Variables: [{ Key: 'LINLI_SUBSCRIBE_PAGE', Value: 'pages/custom/index' }] },
    Triggers: [
      { TriggerName: 'sweepOverdue', Type: 'timer', TriggerDesc: JSON.stringify({ cron: '0 */5 * * * * *' }) },
      { TriggerName: 'oldTimer', Type: 'timer', TriggerDesc: '0 0 3 * * * *' },
    ],
  })
  env.functions.set('patrol', {
    FunctionName: 'patrol',
    Runtime: 'Nodejs18.15',
    MemorySize: 256,
    Timeout: 10,
    Handler: 'index.main',
    InstallDependency: 'TRUE',
    Environment: { Variables: [{ Key: 'LINLI_PATROL_CODE_KEY', Value: 'set-in-the-console-'.repeat(3) }] },
    Triggers: [],
  })
  // points as the last deploy left it, its pickup-code key set in the console
  env.functions.set('points', {
    FunctionName: 'points',
    Runtime: RUNTIME,
    MemorySize: PLATFORM.points.memorySize,
    Timeout: PLATFORM.points.timeout,
    Handler: 'index.main',
    InstallDependency: 'TRUE',
    Environment: { Variables: [{ Key: 'LINLI_POINTS_CODE_KEY', Value: 'set-in-the-console-'.repeat(3) }] },
    Triggers: Object.entries(PLATFORM.points.triggers).map(([TriggerName, cron]) => ({
      TriggerName,
      Type: 'timer',
      TriggerDesc: JSON.stringify({ cron }),
    })),
  })
  env.functions.set('someone_elses', {
    FunctionName: 'someone_elses',
    Runtime: 'Nodejs16.13',
    MemorySize: 128,
    Timeout: 3,
    Handler: 'index.main',
    InstallDependency: 'FALSE',
    Environment: { Variables: [] },
    Triggers: [],
  })
  return env
}

describe('an environment that has part of it', () => {
  const noEnvFile = () => args({ envFile: undefined })

  it('creates only what is missing and updates what differs, keeping what it does not know', async () => {
    const s = standIn(partlyDone())
    const { ok, plan } = await deploy(noEnvFile(), s.api, quiet)
    expect(ok).toBe(true)
    const created = named(s.calls, 'database.createCollectionIfNotExists').map(([c]) => c)
    expect(created).not.toContain('incidents')
    expect(created).not.toContain('users')
    expect(created).toHaveLength(Object.keys(COLLECTIONS).length - 2)
    // the permission is set where it is not admin-only already
    const permitted = named(s.calls, 'permission.modifyResourcePermission').map(
      ([o]) => (o as { resource: string }).resource,
    )
    expect(permitted).toContain('users')
    expect(permitted).not.toContain('incidents')
    // the hand-made index with the same keys counts; the others of incidents are created
    const incidentIndexes = createdIndexes(s.calls)
      .filter((i) => i.collection === 'incidents')
      .map((i) => i.IndexName)
    expect(incidentIndexes).not.toContain('reporterId_1_reportedAt_1')
    expect(incidentIndexes).toHaveLength(indexSpecs(COLLECTIONS.incidents).length - 1)
    // nothing dropped, nothing deleted without --prune
    expect(named(s.calls, 'database.deleteCollection')).toEqual([])
    expect(named(s.calls, 'functions.deleteFunction')).toEqual([])
    expect(s.env.collections.get('incidents')!.indexes.map((i) => i.Name)).toContain('legacy_1')

    // incident: timeout 10 → 20, the console's variable kept, the changed schedule replaced, the new one made,
    // oldTimer left
    expect(named(s.calls, 'functions.updateFunctionConfig')).toEqual([
      [
        {
          name: 'incident',
          memorySize: 256,
          timeout: 20,
          envVariables: { LINLI_SUBSCRIBE_PAGE: 'pages/custom/index' },
        },
      ],
    ])
    expect(named(s.calls, 'functions.deleteFunctionTrigger')).toEqual([['incident', 'sweepOverdue']])
    expect(named(s.calls, 'functions.createFunctionTriggers')).toEqual([
      ['incident', [{ name: 'sweepOverdue', type: 'timer', config: '0 */15 * * * * *' }]],
      // the timer the environment did not have yet: created
      ['incident', [{ name: 'sendPushes', type: 'timer', config: '0 * * * * * *' }]],
    ])
    expect(
      s.env.functions
        .get('incident')!
        .Triggers.map((t) => t.TriggerName)
        .sort(),
    ).toEqual(['oldTimer', 'sendPushes', 'sweepOverdue'])
    // patrol's and points' keys are on the functions already: no env file needed; patrol's old runtime is
    // reported, not changed
    expect(plan.errors).toEqual([])
    expect(plan.warnings.join('\n')).toMatch(/patrol runs Nodejs18\.15, not Nodejs20\.19/)
    expect(
      named(s.calls, 'functions.createFunction').map(([p]) => (p as { func: { name: string } }).func.name),
    ).toEqual(['account', 'volunteer'])

    // and once more: no create of any kind
    const again = standIn(s.env)
    await deploy(noEnvFile(), again.api, quiet)
    expect(writes(again.calls).filter(([m]) => m !== 'functions.updateFunctionCode')).toEqual([])
  })

  it('permissions it cannot read are set again, with a warning', async () => {
    const s = standIn(partlyDone())
    s.api.permission.describeResourcePermission = async () => {
      throw new Error('InvalidAction')
    }
    const { plan } = await deploy(noEnvFile(), s.api, quiet)
    expect(plan.warnings.join('\n')).toMatch(/collection permissions could not be read \(InvalidAction\)/)
    const permitted = named(s.calls, 'permission.modifyResourcePermission').map(
      ([o]) => (o as { resource: string }).resource,
    )
    expect(permitted).toEqual(Object.keys(COLLECTIONS))
  })

  it('--prune drops the indexes, triggers, variables, collections and functions that are not declared', async () => {
    const s = standIn(partlyDone())
    await deploy({ ...noEnvFile(), prune: true }, s.api, quiet)
    expect(named(s.calls, 'database.updateCollection')).toContainEqual([
      'incidents',
      { DropIndexes: [{ IndexName: 'legacy_1' }] },
    ])
    expect(named(s.calls, 'database.deleteCollection')).toEqual([['old_things']])
    expect(named(s.calls, 'functions.deleteFunctionTrigger')).toContainEqual(['incident', 'oldTimer'])
    expect(named(s.calls, 'functions.deleteFunction')).toEqual([['someone_elses']])
  })
})

describe('what sends nothing', () => {
  it('--dry-run reads the environment and prints one line per change', async () => {
    const s = standIn(partlyDone())
    const lines: string[] = []
    const { plan } = await deploy(args({ dryRun: true }), s.api, (l) => lines.push(l))
    expect(writes(s.calls)).toEqual([])
    expect(s.calls.length).toBeGreaterThan(0)
    const body = lines.filter((l) => l.startsWith('  '))
    expect(body).toHaveLength(plan.actions.length)
    expect(body).toContain('  update config incident: timeout 10 → 20 s, set LINLI_SUBSCRIBE_TEMPLATE_ID')
    expect(body).toContain('  update config patrol: change LINLI_PATROL_CODE_KEY, set LINLI_SUBSCRIBE_TEMPLATE_ID')
    expect(body).toContain('  create unique index users.openid_1 (openid)')
    expect(body).toContain('  set permission users: PRIVATE → ADMINONLY (仅管理端可读写)')
    // secrets never printed
    expect(lines.join('\n')).not.toContain(KEY)
  })

  it('--dry-run without credentials plans the whole collections file against an empty environment', async () => {
    const lines: string[] = []
    const { plan, ok } = await deploy(args({ dryRun: true, env: undefined }), null, (l) => lines.push(l))
    expect(ok).toBe(true)
    expect(lines[0]).toMatch(/planned against an empty environment/)
    const kinds = (k: string) => plan.actions.filter((a) => a.kind === k).length
    expect(kinds('createCollection')).toBe(Object.keys(COLLECTIONS).length)
    expect(kinds('createIndex')).toBe(allIndexes().length)
    expect(kinds('createFunction')).toBe(NAMES.length)
  })

  it('a required variable without a value refuses the whole deploy before any request', async () => {
    const s = standIn()
    const { ok, plan } = await deploy(args({ envFile: undefined }), s.api, quiet)
    expect(ok).toBe(false)
    expect(plan.errors).toEqual([
      'patrol: LINLI_PATROL_CODE_KEY is required and set nowhere: give it in the --env-file',
      'points: LINLI_POINTS_CODE_KEY is required and set nowhere: give it in the --env-file',
    ])
    expect(writes(s.calls)).toEqual([])
  })

  it('a short key in the env file, or bundles built from another declaration, refuse too', async () => {
    const short = join(root, 'short.env')
    writeFileSync(short, 'LINLI_PATROL_CODE_KEY=tooshort\nLINLI_NOBODY=1\n')
    const s = standIn()
    const { ok, plan } = await deploy(args({ envFile: short }), s.api, quiet)
    expect(ok).toBe(false)
    expect(plan.errors).toContain('env file: LINLI_PATROL_CODE_KEY needs at least 32 characters')
    expect(plan.warnings).toContain('env file: no function reads LINLI_NOBODY; ignored')

    const stale = join(root, 'stale')
    mkdirSync(join(stale, 'account'), { recursive: true })
    const r = await deploy(args({ functionRoot: stale }), standIn().api, quiet)
    expect(r.ok).toBe(false)
    expect(r.plan.errors.join('\n')).toMatch(/run `npm run build:functions`/)
    expect(writes(s.calls)).toEqual([])
  })

  it('deploying for real without credentials is refused', async () => {
    await expect(deploy(args(), null, quiet)).rejects.toThrow(UsageError)
  })
})

describe('arguments', () => {
  it('--env is required except for a dry run; unknown flags are refused', () => {
    expect(() => parseArgs([])).toThrow('--env <env-id> is required')
    expect(() => parseArgs(['--env'])).toThrow('--env needs a value')
    expect(() => parseArgs(['--env', 'x', '--force'])).toThrow('unknown argument --force')
    expect(parseArgs(['--dry-run'])).toMatchObject({ env: undefined, dryRun: true })
    expect(parseArgs(['--env', 'prod-9', '--prune', '--env-file', 'a.env', '--region', 'ap-guangzhou'])).toMatchObject({
      env: 'prod-9',
      prune: true,
      envFile: 'a.env',
      region: 'ap-guangzhou',
    })
  })

  it('env files are KEY=VALUE lines with comments and optional quotes', () => {
    expect(parseEnvFile('# c\n\nA=1\nexport B="two words"\nC=\'x=y\'\n')).toEqual({ A: '1', B: 'two words', C: 'x=y' })
    expect(() => parseEnvFile('not a line')).toThrow('line 1')
  })

  it('reads a timer schedule in either form GetFunction returns', () => {
    expect(cronOf('{"cron":"0 */15 * * * * *"}')).toBe('0 */15 * * * * *')
    expect(cronOf('0 5 * * * * *')).toBe('0 5 * * * * *')
  })
})
