/**
 * `npm run upload:weapp`: its arguments, what it refuses (no key, no real appid, no build), what it would
 * upload, and the options it hands to miniprogram-ci (a stand-in here: an upload needs the network).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  UsageError,
  describeUpload,
  parseUploadArgs,
  resolveUpload,
  uploadWeapp,
  type MiniprogramCi,
} from './upload-weapp'

const APPID = 'wx0123456789abcdef'
let root = ''
let key = ''

function project(appid: string) {
  writeFileSync(join(root, 'project.config.json'), JSON.stringify({ appid, miniprogramRoot: 'dist/weapp/' }))
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'linli-upload-'))
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'linli', version: '1.4.2' }))
  mkdirSync(join(root, 'dist/weapp'), { recursive: true })
  writeFileSync(join(root, 'dist/weapp/app.json'), '{"pages":["pages/home/index"]}')
  writeFileSync(join(root, 'dist/weapp/app.js'), 'App({})')
  key = join(root, 'private.wx.key')
  writeFileSync(key, '-----BEGIN RSA PRIVATE KEY-----\n')
  const git = (...a: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...a], { cwd: root })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-qm', 'points: the keeper scans the pickup QR')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('arguments', () => {
  it('takes the key from LINLI_WEAPP_KEY, or --key over it', () => {
    expect(parseUploadArgs([], { LINLI_WEAPP_KEY: '/k/a.key' }).key).toBe('/k/a.key')
    expect(parseUploadArgs(['--key', '/k/b.key'], { LINLI_WEAPP_KEY: '/k/a.key' }).key).toBe('/k/b.key')
    expect(parseUploadArgs([], {})).toEqual({
      key: undefined,
      appid: undefined,
      robot: 1,
      desc: undefined,
      dryRun: false,
    })
  })

  it('parses --appid, --robot, --desc and --dry-run and refuses anything else', () => {
    const env = {}
    expect(parseUploadArgs(['--appid', APPID, '--robot', '3', '--desc', 'x', '--dry-run'], env)).toMatchObject({
      appid: APPID,
      robot: 3,
      desc: 'x',
      dryRun: true,
    })
    expect(() => parseUploadArgs(['--robot', '31'], env)).toThrow('1 to 30')
    expect(() => parseUploadArgs(['--key'], env)).toThrow('--key needs a value')
    expect(() => parseUploadArgs(['--version', '2'], env)).toThrow('unknown argument --version')
  })
})

describe('what it refuses', () => {
  it('the placeholder touristappid, or no appid at all, unless --appid gives one', () => {
    project('touristappid')
    expect(() => resolveUpload({ ...parseUploadArgs(['--key', key], {}) }, root)).toThrow(
      /no appid: project.config.json has "touristappid"/,
    )
    project('')
    expect(() => resolveUpload(parseUploadArgs(['--key', key], {}), root)).toThrow(UsageError)
    expect(resolveUpload(parseUploadArgs(['--key', key, '--appid', APPID], {}), root).appid).toBe(APPID)
    expect(() => resolveUpload(parseUploadArgs(['--key', key, '--appid', 'abc'], {}), root)).toThrow(
      'not a mini-program appid',
    )
  })

  it('no key, or a key file that is not there', () => {
    project(APPID)
    expect(() => resolveUpload(parseUploadArgs([], {}), root)).toThrow(/no upload key/)
    expect(() => resolveUpload(parseUploadArgs(['--key', join(root, 'nope.key')], {}), root)).toThrow(/does not exist/)
  })

  it('no build', () => {
    project(APPID)
    const bare = mkdtempSync(join(tmpdir(), 'linli-upload-bare-'))
    try {
      writeFileSync(join(bare, 'project.config.json'), JSON.stringify({ appid: APPID }))
      writeFileSync(join(bare, 'package.json'), JSON.stringify({ version: '1.0.0' }))
      expect(() => resolveUpload(parseUploadArgs(['--key', key], {}), bare)).toThrow(/run `npm run build:weapp`/)
    } finally {
      rmSync(bare, { recursive: true, force: true })
    }
  })
})

describe('the upload', () => {
  it('version from package.json, description from the last commit, appid from project.config.json', () => {
    project(APPID)
    const u = resolveUpload(parseUploadArgs([], { LINLI_WEAPP_KEY: key }), root)
    expect(u).toMatchObject({
      appid: APPID,
      keyPath: key,
      projectPath: join(root, 'dist/weapp'),
      version: '1.4.2',
      desc: 'points: the keeper scans the pickup QR',
      robot: 1,
      files: 2,
    })
    expect(describeUpload(u)).toContain('version  1.4.2')
  })

  it('hands miniprogram-ci the project and the upload options', async () => {
    project(APPID)
    const u = resolveUpload(parseUploadArgs(['--robot', '2'], { LINLI_WEAPP_KEY: key }), root)
    const seen: unknown[] = []
    const ci: MiniprogramCi = {
      Project: class {
        constructor(options: unknown) {
          seen.push(['Project', options])
        }
      },
      async upload(options) {
        seen.push(['upload', { ...options, project: (options.project as object).constructor.name }])
        return { subPackageInfo: [{ name: '__FULL__', size: 2048 }] }
      },
    }
    const lines: string[] = []
    await uploadWeapp(u, ci, (l) => lines.push(l))
    expect(seen[0]).toEqual([
      'Project',
      {
        appid: APPID,
        type: 'miniProgram',
        projectPath: join(root, 'dist/weapp'),
        privateKeyPath: key,
        ignores: ['node_modules/**/*'],
      },
    ])
    expect(seen[1]).toMatchObject([
      'upload',
      { version: '1.4.2', desc: 'points: the keeper scans the pickup QR', robot: 2 },
    ])
    expect(lines).toEqual(['  __FULL__                 2 KB'])
  })
})
