/**
 * A stand-in for the CloudBase management API (@cloudbase/manager-node) with the methods tools/deploy-plan.ts
 * uses, their names and parameter shapes: it keeps an environment in memory, changes it as the real service
 * would, and records every call, so a test asserts the requests a deploy sends.
 */
import type { ManagementApi } from '../../tools/deploy-plan'

export interface StandInIndex {
  Name: string
  Keys: Array<{ Name: string; Direction: string }>
  Unique: boolean
}

export interface StandInFunction {
  FunctionName: string
  Runtime: string
  MemorySize: number
  Timeout: number
  Handler: string
  InstallDependency: 'TRUE' | 'FALSE'
  Environment: { Variables: Array<{ Key: string; Value: string }> }
  Triggers: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>
}

export interface StandInEnv {
  collections: Map<string, { indexes: StandInIndex[]; permission: string }>
  functions: Map<string, StandInFunction>
}

export type Call = [method: string, ...args: unknown[]]

/** The methods that change the environment (the others only read). */
export const WRITES = [
  'database.createCollectionIfNotExists',
  'database.updateCollection',
  'database.deleteCollection',
  'permission.modifyResourcePermission',
  'functions.createFunction',
  'functions.updateFunctionCode',
  'functions.updateFunctionConfig',
  'functions.createFunctionTriggers',
  'functions.deleteFunctionTrigger',
  'functions.deleteFunction',
]

export function emptyEnv(): StandInEnv {
  return { collections: new Map(), functions: new Map() }
}

const idIndex = (): StandInIndex => ({ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true })

export function standIn(env: StandInEnv = emptyEnv()): { api: ManagementApi; calls: Call[]; env: StandInEnv } {
  const calls: Call[] = []
  const record = (method: string, ...args: unknown[]) => void calls.push([method, ...structuredClone(args)])
  const fn = (name: string) => {
    const f = env.functions.get(name)
    if (!f) throw Object.assign(new Error(`ResourceNotFound.Function: ${name}`), { code: 'ResourceNotFound.Function' })
    return f
  }
  const addTriggers = (f: StandInFunction, triggers: Array<{ name: string; type: string; config: string }>) => {
    for (const t of triggers) {
      if (f.Triggers.some((x) => x.TriggerName === t.name))
        throw Object.assign(new Error(`trigger ${t.name} exists`), { code: 'ResourceInUse.Trigger' })
      f.Triggers.push({ TriggerName: t.name, Type: t.type, TriggerDesc: JSON.stringify({ cron: t.config }) })
    }
  }
  const api: ManagementApi = {
    database: {
      async listCollections(options) {
        record('database.listCollections', options)
        const all = [...env.collections.keys()]
        const offset = options?.MgoOffset ?? 0
        const limit = options?.MgoLimit ?? 100
        const page = all.slice(offset, offset + limit)
        return {
          RequestId: 'r',
          Collections: page.map((CollectionName) => ({
            CollectionName,
            TableName: CollectionName,
            Count: 0,
            Size: 0,
            IndexCount: env.collections.get(CollectionName)!.indexes.length + 1,
            IndexSize: 0,
          })),
          Pager: { Offset: offset, Limit: limit, Total: all.length },
        }
      },
      async describeCollection(name) {
        record('database.describeCollection', name)
        const c = env.collections.get(name)
        if (!c) throw Object.assign(new Error(`ResourceNotFound: ${name}`), { code: 'ResourceNotFound' })
        const indexes = [idIndex(), ...c.indexes]
        return {
          RequestId: 'r',
          Indexes: indexes.map((i) => ({ ...i, Size: 0, Accesses: { Ops: 0, Since: '' } })),
          IndexNum: indexes.length,
        }
      },
      async createCollectionIfNotExists(name) {
        record('database.createCollectionIfNotExists', name)
        const exists = env.collections.has(name)
        if (!exists) env.collections.set(name, { indexes: [], permission: 'PRIVATE' })
        return { RequestId: 'r', IsCreated: !exists, ExistsResult: { RequestId: 'r', Exists: exists } }
      },
      async updateCollection(name, info) {
        record('database.updateCollection', name, info)
        const c = env.collections.get(name)
        if (!c) throw new Error(`ResourceNotFound: ${name}`)
        for (const d of info.DropIndexes ?? []) c.indexes = c.indexes.filter((i) => i.Name !== d.IndexName)
        for (const i of info.CreateIndexes ?? []) {
          if (c.indexes.some((x) => x.Name === i.IndexName)) throw new Error(`index ${i.IndexName} exists`)
          c.indexes.push({ Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys, Unique: i.MgoKeySchema.MgoIsUnique })
        }
        return { RequestId: 'r' }
      },
      async deleteCollection(name) {
        record('database.deleteCollection', name)
        env.collections.delete(name)
        return { RequestId: 'r' }
      },
    },
    permission: {
      async describeResourcePermission(options) {
        record('permission.describeResourcePermission', options)
        const list = (options.resources ?? [...env.collections.keys()])
          .filter((r) => env.collections.has(r))
          .map((Resource) => ({
            ResourceType: options.resourceType,
            Resource,
            Permission: env.collections.get(Resource)!.permission,
          }))
        return { RequestId: 'r', Data: { TotalCount: list.length, PermissionList: list } }
      },
      async modifyResourcePermission(options) {
        record('permission.modifyResourcePermission', options)
        const c = env.collections.get(options.resource ?? '')
        if (!c) throw new Error(`ResourceNotFound: ${options.resource}`)
        c.permission = options.permission
        return { RequestId: 'r', Data: { Success: true } }
      },
    },
    functions: {
      async listAllFunctions(options) {
        record('functions.listAllFunctions', options)
        return [...env.functions.values()].map((f) => ({ FunctionName: f.FunctionName, Runtime: f.Runtime }))
      },
      async getFunctionDetail(name) {
        record('functions.getFunctionDetail', name)
        return structuredClone(fn(name)) as never
      },
      async createFunction(param) {
        record('functions.createFunction', param)
        const f = param.func
        if (env.functions.has(f.name))
          throw Object.assign(new Error(`ResourceInUse.Function: ${f.name}`), { code: 'ResourceInUse.Function' })
        const created: StandInFunction = {
          FunctionName: f.name,
          Runtime: f.runtime ?? 'Nodejs20.19',
          MemorySize: f.memorySize ?? 256,
          Timeout: f.timeout ?? 3,
          Handler: f.handler ?? 'index.main',
          InstallDependency: f.installDependency ? 'TRUE' : 'FALSE',
          Environment: {
            Variables: Object.entries(f.envVariables ?? {}).map(([Key, Value]) => ({ Key, Value: String(Value) })),
          },
          Triggers: [],
        }
        env.functions.set(f.name, created)
        addTriggers(created, f.triggers ?? [])
        return { RequestId: 'r' }
      },
      async updateFunctionCode(param) {
        record('functions.updateFunctionCode', param)
        fn(param.func.name)
        return { RequestId: 'r' }
      },
      async updateFunctionConfig(func) {
        record('functions.updateFunctionConfig', func)
        const f = fn(func.name)
        if (func.memorySize !== undefined) f.MemorySize = func.memorySize
        if (func.timeout !== undefined) f.Timeout = func.timeout
        // as the real call: Environment is replaced when variables are given
        if (func.envVariables && Object.keys(func.envVariables).length)
          f.Environment.Variables = Object.entries(func.envVariables).map(([Key, Value]) => ({
            Key,
            Value: String(Value),
          }))
        if (func.triggers?.length) addTriggers(f, func.triggers)
        return { RequestId: 'r' }
      },
      async createFunctionTriggers(name, triggers) {
        record('functions.createFunctionTriggers', name, triggers)
        addTriggers(fn(name), triggers ?? [])
        return { RequestId: 'r' }
      },
      async deleteFunctionTrigger(name, triggerName) {
        record('functions.deleteFunctionTrigger', name, triggerName)
        const f = fn(name)
        f.Triggers = f.Triggers.filter((t) => t.TriggerName !== triggerName)
        return { RequestId: 'r' }
      },
      async deleteFunction(name) {
        record('functions.deleteFunction', name)
        env.functions.delete(typeof name === 'string' ? name : name.name)
        return { RequestId: 'r' }
      },
    },
  }
  return { api, calls, env }
}
