/**
 * `npm run deploy` in three parts, so the decisions can be tested without a network:
 * - readState(api): what the environment has (collections, their indexes and permissions; functions, their
 *   configuration, variables and triggers), through the CloudBase management API (@cloudbase/manager-node);
 * - planDeploy(desired, current): the actions that make the environment what the repository declares, nothing
 *   dropped unless `prune`; a second run against the result plans no create;
 * - execute(api, actions): one management call per action, in order.
 * The API is typed as the subset of manager-node's services used here, so a stand-in with the same method names
 * and parameter shapes can take its place (tools/deploy.test.ts).
 */
import type CloudBase from '@cloudbase/manager-node'
import { COLLECTIONS } from '../cloudfunctions/_core/collections'
import {
  HANDLER,
  PLATFORM,
  RUNTIME,
  triggersOf,
  type FunctionName,
  type FunctionPlatform,
} from '../cloudfunctions/platform'

type Manager = InstanceType<typeof CloudBase>

export interface ManagementApi {
  database: Pick<
    Manager['database'],
    'listCollections' | 'describeCollection' | 'createCollectionIfNotExists' | 'updateCollection' | 'deleteCollection'
  >
  functions: Pick<
    Manager['functions'],
    | 'listAllFunctions'
    | 'getFunctionDetail'
    | 'createFunction'
    | 'updateFunctionCode'
    | 'updateFunctionConfig'
    | 'createFunctionTriggers'
    | 'deleteFunctionTrigger'
    | 'deleteFunction'
  >
  permission: Pick<Manager['permission'], 'describeResourcePermission' | 'modifyResourcePermission'>
}

/** 仅管理端可读写: the mini-program and the web never read the database directly, only the functions do. */
export const COLLECTION_PERMISSION = 'ADMINONLY'

export interface IndexSpec {
  name: string
  keys: string[]
  unique: boolean
}

export interface Trigger {
  name: string
  config: string
}

export interface DesiredFunction {
  name: FunctionName
  runtime: string
  handler: string
  memorySize: number
  timeout: number
  /** values to set, from the env file; a declared variable absent here is left as the function has it */
  env: Record<string, string>
  /** declared variables that must have a value, here or already on the function */
  requiredEnv: string[]
  /** all declared variable names (with `prune`, others are removed from the function) */
  declaredEnv: string[]
  triggers: Trigger[]
}

export interface DesiredState {
  collections: Record<string, IndexSpec[]>
  functions: DesiredFunction[]
  /** the folder holding one built folder per function (dist/cloudfunctions) */
  functionRoot: string
}

export interface CurrentFunction {
  runtime: string
  memorySize: number
  timeout: number
  env: Record<string, string>
  triggers: Trigger[]
}

export interface CurrentState {
  /** collection → its indexes (without `_id_`) and permission (undefined: could not be read) */
  collections: Map<string, { indexes: IndexSpec[]; permission: string | undefined }>
  functions: Map<string, CurrentFunction>
  /** what could not be read (the plan then errs on the side of sending) */
  notes: string[]
}

export const emptyState = (): CurrentState => ({ collections: new Map(), functions: new Map(), notes: [] })

/** Mongo's own naming (`field_1_other_1`), so an index made in the console by hand is recognised by its keys. */
export const indexName = (keys: readonly string[]): string => keys.map((k) => `${k}_1`).join('_')

/** The indexes of collections.ts: one per key list; a key list also listed as unique is one unique index. */
export function indexSpecs(spec: { indexes: string[][]; unique?: string[][] }): IndexSpec[] {
  const out = new Map<string, IndexSpec>()
  for (const keys of spec.unique ?? []) out.set(keys.join(','), { name: indexName(keys), keys, unique: true })
  for (const keys of spec.indexes)
    if (!out.has(keys.join(','))) out.set(keys.join(','), { name: indexName(keys), keys, unique: false })
  return [...out.values()]
}

/** What the repository declares: collections.ts, platform.ts, and the variable values given to this run. */
export function desiredState(envValues: Record<string, string>, functionRoot: string): DesiredState {
  return {
    collections: Object.fromEntries(Object.entries(COLLECTIONS).map(([name, spec]) => [name, indexSpecs(spec)])),
    functionRoot,
    functions: (Object.keys(PLATFORM) as FunctionName[]).map((name) => {
      const p: FunctionPlatform = PLATFORM[name]
      const declaredEnv = Object.keys(p.env)
      return {
        name,
        runtime: RUNTIME,
        handler: HANDLER,
        memorySize: p.memorySize,
        timeout: p.timeout,
        env: Object.fromEntries(declaredEnv.filter((k) => k in envValues).map((k) => [k, envValues[k]!])),
        requiredEnv: declaredEnv.filter((k) => p.env[k]!.required),
        declaredEnv,
        triggers: triggersOf(name).map((t) => ({ name: t.name, config: t.config })),
      }
    }),
  }
}

export type Action =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'setPermission'; collection: string; from: string | undefined }
  | { kind: 'createIndex'; collection: string; index: IndexSpec }
  | { kind: 'dropIndex'; collection: string; index: string }
  | { kind: 'deleteCollection'; collection: string }
  | { kind: 'createFunction'; fn: DesiredFunction }
  | { kind: 'updateCode'; fn: DesiredFunction }
  | { kind: 'updateConfig'; fn: DesiredFunction; env: Record<string, string>; changes: string[] }
  | { kind: 'createTrigger'; function: string; trigger: Trigger }
  | { kind: 'deleteTrigger'; function: string; trigger: string; reason: 'changed' | 'prune' }
  | { kind: 'deleteFunction'; function: string }

export interface Plan {
  actions: Action[]
  /** things the plan cannot fix (a runtime fixed at creation, an index to be made unique) */
  warnings: string[]
  /** things that stop a deploy: a required variable with no value */
  errors: string[]
}

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i])

export function planDeploy(desired: DesiredState, current: CurrentState, opts: { prune: boolean }): Plan {
  const actions: Action[] = []
  const warnings: string[] = []
  const errors: string[] = []

  for (const [collection, indexes] of Object.entries(desired.collections)) {
    const have = current.collections.get(collection)
    if (!have) actions.push({ kind: 'createCollection', collection })
    if (have?.permission !== COLLECTION_PERMISSION)
      actions.push({ kind: 'setPermission', collection, from: have?.permission })
    for (const index of indexes) {
      const same = have?.indexes.find((i) => sameKeys(i.keys, index.keys))
      if (!same) actions.push({ kind: 'createIndex', collection, index })
      else if (index.unique && !same.unique)
        warnings.push(`${collection}: index ${same.name} should be unique; drop it in the console and run again`)
    }
    if (opts.prune && have) {
      for (const i of have.indexes)
        if (!indexes.some((d) => sameKeys(d.keys, i.keys)))
          actions.push({ kind: 'dropIndex', collection, index: i.name })
    }
  }
  if (opts.prune) {
    for (const collection of current.collections.keys())
      if (!(collection in desired.collections)) actions.push({ kind: 'deleteCollection', collection })
  }

  for (const fn of desired.functions) {
    const have = current.functions.get(fn.name)
    for (const key of fn.requiredEnv)
      if (!fn.env[key] && !have?.env[key])
        errors.push(`${fn.name}: ${key} is required and set nowhere: give it in the --env-file`)
    if (!have) {
      actions.push({ kind: 'createFunction', fn })
      continue
    }
    if (have.runtime !== fn.runtime)
      warnings.push(
        `${fn.name} runs ${have.runtime}, not ${fn.runtime}: CloudBase fixes a runtime at creation; ` +
          'delete the function in the console and run again to move it',
      )
    actions.push({ kind: 'updateCode', fn })

    const kept = opts.prune
      ? Object.fromEntries(Object.entries(have.env).filter(([k]) => fn.declaredEnv.includes(k)))
      : have.env
    const env = { ...kept, ...fn.env }
    const changes: string[] = []
    if (have.memorySize !== fn.memorySize) changes.push(`memory ${have.memorySize} → ${fn.memorySize} MB`)
    if (have.timeout !== fn.timeout) changes.push(`timeout ${have.timeout} → ${fn.timeout} s`)
    // names only: values are secrets
    for (const k of Object.keys(env).sort())
      if (have.env[k] === undefined) changes.push(`set ${k}`)
      else if (have.env[k] !== env[k]) changes.push(`change ${k}`)
    for (const k of Object.keys(have.env).sort()) if (!(k in env)) changes.push(`remove ${k}`)
    if (changes.length) actions.push({ kind: 'updateConfig', fn, env, changes })

    for (const t of fn.triggers) {
      const same = have.triggers.find((h) => h.name === t.name)
      if (same && same.config === t.config) continue
      if (same) actions.push({ kind: 'deleteTrigger', function: fn.name, trigger: t.name, reason: 'changed' })
      actions.push({ kind: 'createTrigger', function: fn.name, trigger: t })
    }
    if (opts.prune)
      for (const h of have.triggers)
        if (!fn.triggers.some((t) => t.name === h.name))
          actions.push({ kind: 'deleteTrigger', function: fn.name, trigger: h.name, reason: 'prune' })
  }
  if (opts.prune) {
    const names = new Set(desired.functions.map((f) => f.name as string))
    for (const name of current.functions.keys())
      if (!names.has(name)) actions.push({ kind: 'deleteFunction', function: name })
  }
  return { actions, warnings, errors }
}

const cols = (keys: readonly string[]) => keys.join(', ')
const triggerText = (t: Trigger) => `${t.name} "${t.config}"`

/** One line per action, as the dry run prints it. */
export function describeAction(a: Action): string {
  switch (a.kind) {
    case 'createCollection':
      return `create collection ${a.collection}`
    case 'setPermission':
      return `set permission ${a.collection}: ${a.from ?? 'default'} → ${COLLECTION_PERMISSION} (仅管理端可读写)`
    case 'createIndex':
      return `create ${a.index.unique ? 'unique ' : ''}index ${a.collection}.${a.index.name} (${cols(a.index.keys)})`
    case 'dropIndex':
      return `drop index ${a.collection}.${a.index} (--prune)`
    case 'deleteCollection':
      return `DELETE collection ${a.collection} and its documents (--prune)`
    case 'createFunction': {
      const f = a.fn
      const env = Object.keys(f.env)
      const parts = [`${f.runtime}`, `${f.memorySize} MB`, `${f.timeout} s`]
      if (env.length) parts.push(`env ${env.join(', ')}`)
      if (f.triggers.length) parts.push(`triggers ${f.triggers.map(triggerText).join(', ')}`)
      return `create function ${f.name} (${parts.join(', ')})`
    }
    case 'updateCode':
      return `update code ${a.fn.name}`
    case 'updateConfig':
      return `update config ${a.fn.name}: ${a.changes.join(', ')}`
    case 'createTrigger':
      return `create trigger ${a.function}.${triggerText(a.trigger)}`
    case 'deleteTrigger':
      return `delete trigger ${a.function}.${a.trigger} (${a.reason === 'prune' ? '--prune' : 'its schedule changed'})`
    case 'deleteFunction':
      return `DELETE function ${a.function} (--prune)`
  }
}

// ---- reading the environment ----

type IndexInfo = { Name?: string; Keys?: Array<{ Name?: string }>; Unique?: boolean }
type TriggerInfo = { TriggerName?: string; Name?: string; TriggerDesc?: string; Config?: string; Type?: string }

/** A timer's schedule as GetFunction returns it: the cron itself, or `{"cron": "…"}`. */
export function cronOf(desc: string | undefined): string {
  if (!desc) return ''
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown }
    if (parsed && typeof parsed.cron === 'string') return parsed.cron
  } catch {
    // not JSON: the cron itself
  }
  return desc
}

export async function readState(api: ManagementApi, envId: string): Promise<CurrentState> {
  const state = emptyState()
  const names: string[] = []
  for (let offset = 0; ;) {
    const page = await api.database.listCollections({ MgoLimit: 100, MgoOffset: offset })
    const got = (page.Collections ?? []).map((c) => c.CollectionName)
    names.push(...got)
    offset += got.length
    if (!got.length || offset >= (page.Pager?.Total ?? 0)) break
  }
  const permissions = new Map<string, string>()
  let permissionsRead = true
  for (let i = 0; i < names.length; i += 100) {
    try {
      const res = await api.permission.describeResourcePermission({
        resourceType: 'collection',
        resources: names.slice(i, i + 100),
      })
      for (const p of res.Data?.PermissionList ?? [])
        if (p.Resource && p.Permission) permissions.set(p.Resource, p.Permission)
    } catch (err) {
      permissionsRead = false
      state.notes.push(
        `collection permissions could not be read (${err instanceof Error ? err.message : String(err)}): ` +
          'each is set again',
      )
    }
  }
  for (const name of names) {
    const described = name in COLLECTIONS ? await api.database.describeCollection(name) : { Indexes: [] }
    const indexes = ((described.Indexes ?? []) as IndexInfo[])
      .filter((i) => i.Name !== '_id_')
      .map((i) => ({
        name: i.Name ?? '',
        keys: (i.Keys ?? []).map((k) => k.Name ?? ''),
        unique: Boolean(i.Unique),
      }))
    state.collections.set(name, { indexes, permission: permissionsRead ? permissions.get(name) : undefined })
  }

  const functions = await api.functions.listAllFunctions({ envId })
  for (const f of functions) {
    const name = f.FunctionName
    if (!name) continue
    if (!(name in PLATFORM)) {
      state.functions.set(name, { runtime: f.Runtime ?? '', memorySize: 0, timeout: 0, env: {}, triggers: [] })
      continue
    }
    const d = await api.functions.getFunctionDetail(name)
    state.functions.set(name, {
      runtime: d.Runtime,
      memorySize: d.MemorySize,
      timeout: d.Timeout,
      env: Object.fromEntries((d.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
      triggers: ((d.Triggers ?? []) as TriggerInfo[])
        .filter((t) => (t.Type ?? 'timer') === 'timer')
        .map((t) => ({ name: t.TriggerName ?? t.Name ?? '', config: cronOf(t.TriggerDesc ?? t.Config) })),
    })
  }
  return state
}

// ---- changing it ----

function cloudFunction(fn: DesiredFunction) {
  return {
    name: fn.name,
    runtime: fn.runtime,
    handler: fn.handler,
    memorySize: fn.memorySize,
    timeout: fn.timeout,
    // CloudBase installs the one dependency (@cloudbase/node-sdk) from package.json
    installDependency: true,
  }
}

/** Sends one action. Triggers are passed explicitly: updateFunctionConfig would otherwise create them again. */
export async function executeAction(api: ManagementApi, a: Action, functionRoot: string): Promise<void> {
  switch (a.kind) {
    case 'createCollection':
      await api.database.createCollectionIfNotExists(a.collection)
      return
    case 'setPermission':
      await api.permission.modifyResourcePermission({
        resourceType: 'collection',
        resource: a.collection,
        permission: COLLECTION_PERMISSION,
      })
      return
    case 'createIndex':
      await api.database.updateCollection(a.collection, {
        CreateIndexes: [
          {
            IndexName: a.index.name,
            MgoKeySchema: {
              MgoIndexKeys: a.index.keys.map((Name) => ({ Name, Direction: '1' })),
              MgoIsUnique: a.index.unique,
            },
          },
        ],
      })
      return
    case 'dropIndex':
      await api.database.updateCollection(a.collection, { DropIndexes: [{ IndexName: a.index }] })
      return
    case 'deleteCollection':
      await api.database.deleteCollection(a.collection)
      return
    case 'createFunction':
      await api.functions.createFunction({
        func: {
          ...cloudFunction(a.fn),
          ...(Object.keys(a.fn.env).length ? { envVariables: a.fn.env } : {}),
          triggers: a.fn.triggers.map((t) => ({ name: t.name, type: 'timer', config: t.config })),
        },
        functionRootPath: functionRoot,
        force: false,
      })
      return
    case 'updateCode':
      await api.functions.updateFunctionCode({ func: cloudFunction(a.fn), functionRootPath: functionRoot })
      return
    case 'updateConfig':
      await api.functions.updateFunctionConfig({
        name: a.fn.name,
        memorySize: a.fn.memorySize,
        timeout: a.fn.timeout,
        envVariables: a.env,
      })
      return
    case 'createTrigger':
      await api.functions.createFunctionTriggers(a.function, [
        { name: a.trigger.name, type: 'timer', config: a.trigger.config },
      ])
      return
    case 'deleteTrigger':
      await api.functions.deleteFunctionTrigger(a.function, a.trigger)
      return
    case 'deleteFunction':
      await api.functions.deleteFunction(a.function)
      return
  }
}

export async function execute(
  api: ManagementApi,
  actions: readonly Action[],
  functionRoot: string,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  for (const a of actions) {
    log(`  ${describeAction(a)}`)
    await executeAction(api, a, functionRoot)
  }
}
