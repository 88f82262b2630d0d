/**
 * `npm run deploy -- --env <env-id> [--dry-run] [--prune] [--env-file <path>] [--region <region>]`
 *
 * Stands up or updates one CloudBase environment from the repository: every collection of
 * cloudfunctions/_core/collections.ts with its indexes and the admin-only permission, and every function of
 * dist/cloudfunctions (run `npm run build:functions` first) with the runtime, memory, timeout, environment
 * variables and timer triggers of cloudfunctions/platform.ts. Existing things are left alone or updated, never
 * dropped unless --prune. --dry-run reads the environment and prints the plan, one line per change, and
 * changes nothing; without credentials it plans against an empty environment.
 *
 * Credentials: TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN for temporary
 * keys) of a Tencent Cloud API key allowed to manage the environment. Variable values: --env-file, lines of
 * KEY=VALUE; each function receives the declared variables it reads (platform.ts), nothing else.
 */
import CloudBase from '@cloudbase/manager-node'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  PLATFORM,
  configJsonOf,
  type EnvVarSpec,
  type FunctionName,
  type FunctionPlatform,
} from '../cloudfunctions/platform'
import {
  describeAction,
  desiredState,
  emptyState,
  execute,
  planDeploy,
  readState,
  type ManagementApi,
  type Plan,
} from './deploy-plan'

const ROOT = resolve(__dirname, '..')

export interface DeployArgs {
  env: string | undefined
  dryRun: boolean
  prune: boolean
  envFile: string | undefined
  region: string | undefined
  functionRoot: string
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): DeployArgs {
  const args: DeployArgs = {
    env: undefined,
    dryRun: false,
    prune: false,
    envFile: undefined,
    region: undefined,
    functionRoot: join(ROOT, 'dist/cloudfunctions'),
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`)
      return v
    }
    if (a === '--env') args.env = value()
    else if (a === '--dry-run') args.dryRun = true
    else if (a === '--prune') args.prune = true
    else if (a === '--env-file') args.envFile = value()
    else if (a === '--region') args.region = value()
    else if (a === '--functions') args.functionRoot = resolve(value())
    else throw new UsageError(`unknown argument ${a}`)
  }
  if (!args.env && !args.dryRun) throw new UsageError('--env <env-id> is required (the CloudBase environment id)')
  return args
}

/** KEY=VALUE lines; blank lines and # comments skipped; a value may be quoted. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!m) throw new UsageError(`env file line ${i + 1}: expected KEY=VALUE`)
    const v = m[2]!
    out[m[1]!] = /^(['"]).*\1$/.test(v) ? v.slice(1, -1) : v
  })
  return out
}

/** Values the declaration does not accept, and keys no function reads. */
export function envFileProblems(values: Record<string, string>): { errors: string[]; warnings: string[] } {
  const errors: string[] = []
  const warnings: string[] = []
  const declared = new Map<string, EnvVarSpec>()
  for (const p of Object.values(PLATFORM) as FunctionPlatform[])
    for (const [k, spec] of Object.entries(p.env)) declared.set(k, spec)
  for (const [k, v] of Object.entries(values)) {
    const spec = declared.get(k)
    if (!spec) warnings.push(`env file: no function reads ${k}; ignored`)
    else if (spec.minLength !== undefined && v.length < spec.minLength)
      errors.push(`env file: ${k} needs at least ${spec.minLength} characters`)
    else if (!v) errors.push(`env file: ${k} is empty`)
  }
  return { errors, warnings }
}

/** Each function folder exists and was built from the current declaration. */
export function bundleProblems(functionRoot: string): string[] {
  const out: string[] = []
  for (const name of Object.keys(PLATFORM) as FunctionName[]) {
    const dir = join(functionRoot, name)
    if (!existsSync(join(dir, 'index.js'))) {
      out.push(`${dir}/index.js is missing: run \`npm run build:functions\``)
      continue
    }
    const config = existsSync(join(dir, 'config.json')) ? readFileSync(join(dir, 'config.json'), 'utf8') : ''
    if (config.trim() !== JSON.stringify(configJsonOf(name), null, 2))
      out.push(`${dir} was built from another platform.ts: run \`npm run build:functions\``)
  }
  return out
}

export function printPlan(plan: Plan, log: (line: string) => void): void {
  for (const a of plan.actions) log(`  ${describeAction(a)}`)
  if (!plan.actions.length) log('  nothing to change')
  const byKind = new Map<string, number>()
  for (const a of plan.actions) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1)
  if (byKind.size) log(`in all: ${[...byKind].map(([kind, n]) => `${n} ${kind}`).join(', ')}`)
  for (const w of plan.warnings) log(`warning: ${w}`)
  for (const e of plan.errors) log(`error: ${e}`)
}

function manager(args: DeployArgs): ManagementApi | null {
  const secretId = process.env.TENCENTCLOUD_SECRETID
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY
  if (!secretId || !secretKey) return null
  return new CloudBase({
    secretId,
    secretKey,
    token: process.env.TENCENTCLOUD_SESSIONTOKEN,
    envId: args.env,
    ...(args.region ? { region: args.region } : {}),
  })
}

/** The whole run, with the API handed in (the CLI passes manager-node; tests a stand-in). */
export async function deploy(
  args: DeployArgs,
  api: ManagementApi | null,
  log: (line: string) => void = console.log,
): Promise<{ plan: Plan; ok: boolean }> {
  const values = args.envFile ? parseEnvFile(readFileSync(args.envFile, 'utf8')) : {}
  const fileCheck = envFileProblems(values)
  const desired = desiredState(values, args.functionRoot)
  let current = emptyState()
  if (api && args.env) {
    log(`reading environment ${args.env}…`)
    current = await readState(api, args.env)
  } else if (!args.dryRun) {
    throw new UsageError('TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are required to deploy')
  } else {
    log(`no ${args.env ? 'credentials' : '--env'}: planned against an empty environment`)
  }
  const planned = planDeploy(desired, current, { prune: args.prune })
  const plan: Plan = {
    ...planned,
    warnings: [...fileCheck.warnings, ...current.notes, ...planned.warnings],
    errors: [...fileCheck.errors, ...bundleProblems(args.functionRoot), ...planned.errors],
  }
  log(`${args.dryRun ? 'would do' : 'plan'} (${plan.actions.length} change${plan.actions.length === 1 ? '' : 's'}):`)
  printPlan(plan, log)
  if (plan.errors.length) return { plan, ok: false }
  if (args.dryRun) return { plan, ok: true }
  log('applying:')
  await execute(api!, plan.actions, args.functionRoot, log)
  log(`done: environment ${args.env} matches the repository`)
  return { plan, ok: true }
}

// run as a script (`npm run deploy -- …`), not when a test imports it
if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  ;(async () => {
    const args = parseArgs(process.argv.slice(2))
    const { ok } = await deploy(args, manager(args))
    process.exit(ok ? 0 : 2)
  })().catch((err: unknown) => {
    console.error(err instanceof UsageError ? `deploy: ${err.message}` : err)
    console.error(
      err instanceof UsageError
        ? 'usage: npm run deploy -- --env <env-id> [--dry-run] [--prune] [--env-file <path>] [--region <region>]'
        : 'stopped; what was done stays done, and running again continues from there',
    )
    process.exit(1)
  })
}
