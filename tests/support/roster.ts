import ExcelJS from 'exceljs'
import type { TestEnv } from './harness'
import { rid } from './harness'

/** An XLSX file (first sheet) from rows of cells, as an official's Excel would save it. */
export async function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('sheet')
  for (const r of rows) ws.addRow(r)
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

export const HOUSEHOLD_HEADER = ['网格编码', '网格', '户号', '户主姓名', '电话', '地址/门牌号', '人口数', '户内成员']
export const STAFF_HEADER = ['姓名', '电话', '身份', '单位编码', '单位']

/** Uploads a file in parts and checks it (the dry run): the job view with every row's problems. */
export async function uploadAndCheck(
  env: TestEnv,
  userId: string,
  kind: 'household' | 'staff',
  unitId: string,
  file: Buffer,
  partChars = 180_000,
) {
  const base64 = file.toString('base64')
  const parts: string[] = []
  for (let i = 0; i < base64.length; i += partChars) parts.push(base64.slice(i, i + partChars))
  const job = await env.ok(
    'account',
    userId,
    'startImport',
    { kind, unitId, fileName: 'roster.xlsx', parts: parts.length },
    rid(),
  )
  for (const [part, chunk] of parts.entries())
    await env.ok('account', userId, 'putImportPart', { jobId: job.id, part, base64: chunk }, rid())
  return env.ok('account', userId, 'checkImport', { jobId: job.id })
}

/** Commits every pending chunk, one call each, as the import page does. */
export async function commitAll(env: TestEnv, userId: string, jobId: string) {
  let view = await env.ok('account', userId, 'getImport', { jobId })
  for (const chunk of view.pending) view = await env.ok('account', userId, 'commitImport', { jobId, chunk }, rid())
  return view
}
