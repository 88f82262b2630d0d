/**
 * `npm run upload:weapp [-- --key <path>] [--appid <appid>] [--robot <1-30>] [--desc <text>] [--dry-run]`
 *
 * Uploads the built mini-program (dist/weapp: `npm run build:weapp` first) as a development version with
 * miniprogram-ci, to be submitted for review on the MP admin. The upload key (MP admin → 开发管理 → 开发设置 →
 * 小程序代码上传密钥, with this machine's IP on its allow-list) comes from LINLI_WEAPP_KEY or --key; the appid
 * from project.config.json or --appid (never the placeholder touristappid); the version from package.json; the
 * description from the last commit's subject. --dry-run prints what would be uploaded and sends nothing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')

export class UsageError extends Error {}

export interface UploadArgs {
  key: string | undefined
  appid: string | undefined
  robot: number
  desc: string | undefined
  dryRun: boolean
}

export function parseUploadArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): UploadArgs {
  const args: UploadArgs = {
    key: env.LINLI_WEAPP_KEY || undefined,
    appid: undefined,
    robot: 1,
    desc: undefined,
    dryRun: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`)
      return v
    }
    if (a === '--key') args.key = value()
    else if (a === '--appid') args.appid = value()
    else if (a === '--desc') args.desc = value()
    else if (a === '--dry-run') args.dryRun = true
    else if (a === '--robot') {
      const n = Number(value())
      // miniprogram-ci signs uploads as one of 30 robots; each keeps its own development version
      if (!Number.isInteger(n) || n < 1 || n > 30) throw new UsageError('--robot is a number from 1 to 30')
      args.robot = n
    } else throw new UsageError(`unknown argument ${a}`)
  }
  return args
}

export interface Upload {
  appid: string
  keyPath: string
  projectPath: string
  version: string
  desc: string
  robot: number
  files: number
  bytes: number
}

const PLACEHOLDER_APPID = 'touristappid'

function lastCommitSubject(root: string): string {
  try {
    return execFileSync('git', ['log', '-1', '--format=%s'], { cwd: root, encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) {
      const s = sizeOf(p)
      files += s.files
      bytes += s.bytes
    } else {
      files += 1
      bytes += statSync(p).size
    }
  }
  return { files, bytes }
}

/** Everything the upload needs, checked before miniprogram-ci is loaded; refuses with a UsageError. */
export function resolveUpload(args: UploadArgs, root: string = ROOT): Upload {
  const config = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as { appid?: string }
  const appid = args.appid ?? config.appid ?? ''
  if (!appid || appid === PLACEHOLDER_APPID)
    throw new UsageError(
      `no appid: project.config.json has ${JSON.stringify(config.appid ?? '')}; give the mini-program's with --appid ` +
        'or put it in project.config.json',
    )
  if (!/^wx[0-9a-f]{16}$/.test(appid)) throw new UsageError(`${appid} is not a mini-program appid (wx + 16 hex digits)`)
  if (!args.key) throw new UsageError('no upload key: set LINLI_WEAPP_KEY to the key file’s path, or give --key <path>')
  const keyPath = resolve(args.key)
  if (!existsSync(keyPath)) throw new UsageError(`upload key ${keyPath} does not exist`)
  const projectPath = join(root, 'dist/weapp')
  if (!existsSync(join(projectPath, 'app.json')))
    throw new UsageError(`${projectPath}/app.json is missing: run \`npm run build:weapp\` first`)
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  // the MP admin shows at most a short line for each version
  const desc = (args.desc ?? lastCommitSubject(root)).slice(0, 200) || `linli ${pkg.version}`
  return { appid, keyPath, projectPath, version: pkg.version, desc, robot: args.robot, ...sizeOf(projectPath) }
}

export function describeUpload(u: Upload): string[] {
  return [
    `appid    ${u.appid}`,
    `project  ${u.projectPath} (${u.files} files, ${(u.bytes / 1024).toFixed(0)} KB)`,
    `version  ${u.version}`,
    `desc     ${u.desc}`,
    `robot    ${u.robot}`,
    `key      ${u.keyPath}`,
  ]
}

/** The part of miniprogram-ci used here (loaded only for a real upload). */
export interface MiniprogramCi {
  Project: new (options: {
    appid: string
    type: 'miniProgram'
    projectPath: string
    privateKeyPath: string
    ignores?: string[]
  }) => unknown
  upload(options: {
    project: unknown
    version: string
    desc: string
    robot: number
    setting: Record<string, boolean>
    onProgressUpdate?: (task: unknown) => void
  }): Promise<{ subPackageInfo?: Array<{ name: string; size: number }> }>
}

export async function uploadWeapp(u: Upload, ci: MiniprogramCi, log: (line: string) => void = console.log) {
  const project = new ci.Project({
    appid: u.appid,
    type: 'miniProgram',
    projectPath: u.projectPath,
    privateKeyPath: u.keyPath,
    ignores: ['node_modules/**/*'],
  })
  const result = await ci.upload({
    project,
    version: u.version,
    desc: u.desc,
    robot: u.robot,
    // the production build is already minified and ES2019 (tools/check-weapp.mjs checks it)
    setting: {
      es6: false,
      es7: false,
      minify: false,
      minifyJS: false,
      minifyWXML: false,
      minifyWXSS: false,
      autoPrefixWXSS: false,
    },
    onProgressUpdate: () => undefined,
  })
  for (const p of result.subPackageInfo ?? []) log(`  ${p.name.padEnd(24)} ${(p.size / 1024).toFixed(0)} KB`)
  return result
}

// run as a script (`npm run upload:weapp -- …`), not when a test imports it
if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  ;(async () => {
    const args = parseUploadArgs(process.argv.slice(2))
    const upload = resolveUpload(args)
    const dry = args.dryRun
    console.log(dry ? 'would upload:' : 'uploading:')
    for (const line of describeUpload(upload)) console.log(`  ${line}`)
    if (!dry) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      await uploadWeapp(upload, require('miniprogram-ci') as MiniprogramCi)
      console.log(`uploaded ${upload.version}: submit it for review on the MP admin (版本管理)`)
    }
    // miniprogram-ci leaves workers and watchers running: end explicitly
    process.exit(0)
  })().catch((err: unknown) => {
    console.error(err instanceof UsageError ? `upload:weapp: ${err.message}` : err)
    process.exit(1)
  })
}
