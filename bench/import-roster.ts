/**
 * The roster import at Ganzi's size (issue #17): 300,000 households in 30 files of 10,000 rows, imported through
 * the real account actions (startImport → putImportPart → checkImport → commitImport, each file chunk by chunk,
 * in-process over the embedded SQLite store in a file), into 1,000 grids the county admin first creates with
 * `createUnit`. Prints rows per second for the check and the commit, and the process's peak memory; writes them to
 * bench/results/import-<time>.json. Then imports the first file again (nothing may change) and times that too.
 *
 *   npx tsx bench/import-roster.ts [--households 300000] [--per-file 10000]
 *   (or: npm run bench -- --import …)
 */
import ExcelJS from 'exceljs'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { rid, testEnv, type TestEnv } from '../tests/support/harness'

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : dflt
}
const HOUSEHOLDS = arg('households', 300_000)
const PER_FILE = arg('per-file', 10_000)
const ADMIN = 'u-luorong'
const COUNTY = '513328'
const HEADER = ['网格编码', '网格', '户号', '户主姓名', '电话', '地址/门牌号', '人口数', '户内成员']
const SURNAMES = '扎西卓玛次仁格桑央金多吉拉姆泽仁丹增德吉'
const PART = 180_000

async function ok(env: TestEnv, action: string, data: unknown, write = true) {
  return env.ok('account', ADMIN, action, data, write ? rid() : undefined)
}

async function makeGrids(env: TestEnv, count: number): Promise<string[]> {
  const grids: string[] = []
  const perVillage = 10
  const villagesPerTown = 10
  for (let tw = 0; grids.length < count; tw++) {
    const town = await ok(env, 'createUnit', { parentId: COUNTY, level: 'township', name: `测试乡${tw + 1}` })
    for (let v = 0; v < villagesPerTown && grids.length < count; v++) {
      const village = await ok(env, 'createUnit', {
        parentId: town.id,
        level: 'village',
        name: `测试村${tw + 1}-${v + 1}`,
      })
      for (let g = 0; g < perVillage && grids.length < count; g++) {
        const grid = await ok(env, 'createUnit', { parentId: village.id, level: 'grid', name: `${g + 1}组` })
        grids.push(grid.id)
      }
    }
  }
  return grids
}

async function fileOf(grids: string[], from: number, n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('住户名册')
  ws.addRow(HEADER)
  for (let i = from; i < from + n; i++) {
    const grid = grids[i % grids.length]!
    const name = `${SURNAMES.slice((i % 8) * 2, (i % 8) * 2 + 2)}${String.fromCharCode(0x4e00 + (i % 2000))}`
    const phone = `15${String(i).padStart(9, '0')}`
    const member = `${SURNAMES.slice(((i + 3) % 8) * 2, ((i + 3) % 8) * 2 + 2)} 16${String(i).padStart(9, '0')}`
    ws.addRow([grid, '', `H-${i}`, name, phone, `幸福路 ${i} 号`, 1 + (i % 6), member])
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

async function importFile(env: TestEnv, file: Buffer) {
  const base64 = file.toString('base64')
  const parts: string[] = []
  for (let i = 0; i < base64.length; i += PART) parts.push(base64.slice(i, i + PART))
  const t0 = performance.now()
  const job = await ok(env, 'startImport', {
    kind: 'household',
    unitId: COUNTY,
    fileName: 'roster.xlsx',
    parts: parts.length,
  })
  for (const [part, chunk] of parts.entries()) await ok(env, 'putImportPart', { jobId: job.id, part, base64: chunk })
  const checked = await ok(env, 'checkImport', { jobId: job.id }, false)
  if (checked.problems.length) throw new Error(`problems: ${JSON.stringify(checked.problems.slice(0, 3))}`)
  const t1 = performance.now()
  let view = checked
  for (const chunk of checked.pending) view = await ok(env, 'commitImport', { jobId: job.id, chunk })
  const t2 = performance.now()
  return { checkMs: t1 - t0, commitMs: t2 - t1, chunks: checked.chunks, view }
}

async function main() {
  const dir = join(__dirname, 'data', 'import')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const env = await testEnv({ dbFile: join(dir, 'linli.db') })
  const grids = await makeGrids(env, Math.ceil(HOUSEHOLDS / 300))
  console.log(`grids: ${grids.length}`)
  let checkMs = 0
  let commitMs = 0
  let chunks = 0
  let created = 0
  let first: Buffer | null = null
  for (let from = 0; from < HOUSEHOLDS; from += PER_FILE) {
    const n = Math.min(PER_FILE, HOUSEHOLDS - from)
    const file = await fileOf(grids, from, n)
    first ??= file
    const r = await importFile(env, file)
    checkMs += r.checkMs
    commitMs += r.commitMs
    chunks += r.chunks
    created += r.view.created
    console.log(
      `rows ${from + n}: check ${(n / (r.checkMs / 1000)).toFixed(0)} rows/s, commit ${(n / (r.commitMs / 1000)).toFixed(0)} rows/s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
    )
  }
  const again = await importFile(env, first!)
  const peakMb = process.resourceUsage().maxRSS / 1024
  const result = {
    households: HOUSEHOLDS,
    perFile: PER_FILE,
    grids: grids.length,
    chunks,
    created,
    checkRowsPerSecond: Math.round(HOUSEHOLDS / (checkMs / 1000)),
    commitRowsPerSecond: Math.round(HOUSEHOLDS / (commitMs / 1000)),
    totalRowsPerSecond: Math.round(HOUSEHOLDS / ((checkMs + commitMs) / 1000)),
    reimport: {
      rows: again.view.rows,
      created: again.view.created,
      updated: again.view.updated,
      unchanged: again.view.unchanged,
      rowsPerSecond: Math.round(again.view.rows / ((again.checkMs + again.commitMs) / 1000)),
    },
    peakRssMb: Math.round(peakMb),
  }
  console.log(JSON.stringify(result, null, 2))
  mkdirSync(join(__dirname, 'results'), { recursive: true })
  writeFileSync(
    join(__dirname, 'results', `import-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify(result, null, 2),
  )
  await env.close()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
