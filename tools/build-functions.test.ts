import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { CONTRACTS } from '@shared/contracts'
import { BUNDLE_BUDGET, buildFunctions, type BuiltFunction } from './build-functions'

/**
 * The CloudBase bundles (issue #21): each index.js under the cold-start budget, the libraries only one action
 * uses shipped beside it as their own files (loaded when that action runs) and working from there, and every
 * bundle loading and answering a first call in a fresh process, for each of its actions (the schemas are built on
 * first use: tools/lazy-schemas.ts).
 */
const ROOT = resolve(__dirname, '..')
const OUT = join(ROOT, 'dist', 'cloudfunctions-test') // inside the repo: the bundles find @cloudbase/node-sdk
let built: BuiltFunction[]

beforeAll(async () => {
  built = await buildFunctions(OUT)
}, 120_000)
afterAll(() => rmSync(OUT, { recursive: true, force: true }))

const node = (script: string) => spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })

describe('cloud function bundles', () => {
  it(`every index.js is under ${BUNDLE_BUDGET / 1024} KB`, () => {
    expect(built.map((f) => f.name).sort()).toEqual(['account', 'incident', 'patrol', 'points', 'volunteer'])
    for (const f of built)
      expect({ name: f.name, under: f.bytes <= BUNDLE_BUDGET }).toEqual({ name: f.name, under: true })
  })

  it('the XLSX and QR libraries are files of their own beside index.js, not in it', () => {
    const libs = Object.fromEntries(built.map((f) => [f.name, Object.keys(f.libraries).sort()]))
    expect(libs).toEqual({
      account: ['exceljs', 'qrcode'],
      incident: ['exceljs'],
      patrol: ['qrcode'],
      points: ['exceljs', 'qrcode'],
      volunteer: ['qrcode'],
    })
    for (const [name, lib] of [
      ['incident', 'exceljs'],
      ['points', 'exceljs'],
      ['patrol', 'qrcode'],
      ['points', 'qrcode'],
      ['volunteer', 'qrcode'],
      ['account', 'exceljs'],
      ['account', 'qrcode'],
    ] as const) {
      const index = readFileSync(join(OUT, name, 'index.js'), 'utf8')
      expect(index).toContain(`./lib/${lib}.js`)
      // loaded by the action that uses it, not when index.js loads (a static import would make it a require)
      expect(index).not.toContain(`require("./lib/${lib}.js")`)
      expect(existsSync(join(OUT, name, 'lib', `${lib}.js`))).toBe(true)
    }
    // exceljs's own code (its workbook writer) is not in the functions' index.js
    for (const name of ['incident', 'points', 'account']) {
      expect(readFileSync(join(OUT, name, 'index.js'), 'utf8')).not.toContain('xl/worksheets/')
      expect(readFileSync(join(OUT, name, 'lib', 'exceljs.js'), 'utf8')).toContain('xl/worksheets/')
    }
  })

  it('the shipped libraries work from the bundle: a spreadsheet and a QR code are made', () => {
    const xlsx = node(`
      import(${JSON.stringify(join(OUT, 'points', 'lib', 'exceljs.js'))}).then(async ({ default: ExcelJS }) => {
        const wb = new ExcelJS.Workbook(); wb.addWorksheet('台账').addRow(['户主', 10])
        const buf = await wb.xlsx.writeBuffer(); console.log(buf.byteLength, Buffer.from(buf).subarray(0, 2).toString())
      })`)
    expect(xlsx.stderr).toBe('')
    const [size, magic] = xlsx.stdout.trim().split(' ')
    expect(Number(size)).toBeGreaterThan(1000)
    expect(magic).toBe('PK') // a zip, as an .xlsx is
    const qr = node(`
      import(${JSON.stringify(join(OUT, 'patrol', 'lib', 'qrcode.js'))}).then(async ({ default: QRCode }) => {
        console.log((await QRCode.toDataURL('LL1abcdefghijklmnopqrstuvw')).slice(0, 22))
      })`)
    expect(qr.stderr).toBe('')
    expect(qr.stdout.trim()).toBe('data:image/png;base64,')
  })

  it('every action of every bundle answers a first call (its input schema built then): an anonymous one is refused', () => {
    for (const f of built) {
      const actions = Object.keys(CONTRACTS[f.name].actions)
      const r = node(`
        const m = require(${JSON.stringify(join(OUT, f.name, 'index.js'))})
        const context = { environment: JSON.stringify({ WX_CONTEXT_KEYS: '' }) }
        ;(async () => {
          const out = {}
          for (const action of ${JSON.stringify(actions)})
            out[action] = (await m.main({ action, data: {}, requestId: 'r-first-call-1' }, context)).code
          console.log(JSON.stringify(out))
        })()`)
      expect({ name: f.name, stderr: r.stderr }).toEqual({ name: f.name, stderr: '' })
      const codes = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, string>
      expect(Object.keys(codes)).toEqual(actions)
      // the input checked (refused, in the caller's language) or, when {} is a valid input, the caller refused
      for (const [action, code] of Object.entries(codes))
        expect({ action: `${f.name}.${action}`, code }).toEqual({
          action: `${f.name}.${action}`,
          code: expect.stringMatching(/^COMMON\.(BAD_INPUT|UNAUTHENTICATED)$/),
        })
    }
  })

  it('every bundle loads in a fresh process and answers a first call (an anonymous one is refused)', () => {
    for (const f of built) {
      const r = node(`
        const m = require(${JSON.stringify(join(OUT, f.name, 'index.js'))})
        m.main({ action: 'getMe', data: {} }, { environment: JSON.stringify({ WX_CONTEXT_KEYS: '' }) })
          .then((reply) => console.log(JSON.stringify(reply)))`)
      expect({ name: f.name, stderr: r.stderr }).toEqual({ name: f.name, stderr: '' })
      const reply = JSON.parse(r.stdout.trim().split('\n').at(-1)!)
      expect(reply).toMatchObject({ ok: false, code: expect.stringMatching(/^COMMON\./) })
    }
  })
})
