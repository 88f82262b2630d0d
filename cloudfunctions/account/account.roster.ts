import type ExcelJS from 'exceljs'
import { AccountErrors } from '@shared/account/account.contract'
import { roleLabel } from '@shared/account/account.messages'
import { ACCOUNT_SERVER } from '@shared/account/account.server.messages'
import type {
  Household,
  HouseholdRow,
  ImportChunk,
  ImportJob,
  ImportKind,
  StaffRow,
  StoredProblem,
  Unit,
} from '@shared/account/account.schema'
import { canGrantRole, type Grant } from '@shared/auth/access'
import { ROLES, type RoleName } from '@shared/auth/roles'
import { LANGS, textOf, type Lang, type MessageRef } from '@shared/i18n/i18n'
import { C } from '../_core/collections'
import { toCsv } from '../_core/csv'
import { getMany, type DataPort } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import { gridsUnder, householdIdOf, rosterPersonId, subtreeOf } from './account.repo'

/**
 * Roster files (issue #17 item 2): the XLSX template, reading a file into checked rows with every row's problems,
 * and the export in the same format, so that export → import changes nothing.
 *
 * Natural keys: a household is its grid and its 户号 (a household without one — seeded — is keyed by its id, which
 * the export writes as its 户号); a person is their phone; a staff row is its phone, role and unit. Re-importing a
 * file finds the same documents and changes nothing; an edited file changes what was edited. Nothing is deleted by
 * leaving it out of a file (households and roles end on their own pages, with a reason).
 */

export const IMPORT_MAX_ROWS = 10_000
export const MAX_MEMBERS = 10
/** CloudBase transactions are for a few hundred single-document writes: a chunk stays under this many */
export const CHUNK_WRITES = 300
export const CHUNK_ROWS = 100

type Col = keyof typeof ACCOUNT_SERVER & `account.col.${string}`
export const HOUSEHOLD_COLUMNS: Col[] = [
  'account.col.grid_code',
  'account.col.grid',
  'account.col.household_no',
  'account.col.head_name',
  'account.col.phone',
  'account.col.address',
  'account.col.size',
  'account.col.members',
]
export const STAFF_COLUMNS: Col[] = [
  'account.col.name',
  'account.col.phone',
  'account.col.role',
  'account.col.unit_code',
  'account.col.unit',
]
const REQUIRED: Record<ImportKind, Col[]> = {
  household: ['account.col.household_no', 'account.col.head_name', 'account.col.address'],
  staff: ['account.col.name', 'account.col.phone', 'account.col.role'],
}
/** roles a staff roster may give (grid teams and department staff) */
export const STAFF_ROLES: RoleName[] = ['grid_worker', 'info_collector', 'dept_handler']

const t = (key: keyof typeof ACCOUNT_SERVER, lang: Lang) => textOf(ACCOUNT_SERVER[key], lang)
const columnsOf = (kind: ImportKind) => (kind === 'household' ? HOUSEHOLD_COLUMNS : STAFF_COLUMNS)
const ref = (key: string, params?: Record<string, string | number>): MessageRef => (params ? { key, params } : { key })

function sheetName(kind: ImportKind, lang: Lang): string {
  return t(kind === 'household' ? 'account.sheet.households' : 'account.sheet.staff', lang)
}

async function workbookFile(
  kind: ImportKind,
  lang: Lang,
  rows: Array<Array<string | number>>,
  format: 'xlsx' | 'csv',
  basename: string,
) {
  const header = columnsOf(kind).map((c) => t(c, lang))
  if (format === 'csv') {
    return {
      filename: `${basename}.csv`,
      mime: 'text/csv; charset=utf-8',
      base64: Buffer.from(toCsv([header, ...rows]), 'utf8').toString('base64'),
      rows: rows.length,
    }
  }
  // loaded when a sheet is made, not when the function starts (issue #21)
  const { default: XL } = await import('exceljs')
  const wb = new XL.Workbook()
  const ws = wb.addWorksheet(sheetName(kind, lang))
  ws.addRow(header).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  ws.columns.forEach((c) => (c.width = 18))
  // phones and codes are text: Excel must not turn 13800000000 into 1.38E+10 or drop a code's leading zero
  for (const n of [1, 2, 3, 4, 5]) ws.getColumn(n).numFmt = '@'
  const buf = await wb.xlsx.writeBuffer()
  return {
    filename: `${basename}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buf as ArrayBuffer).toString('base64'),
    rows: rows.length,
  }
}

/** The template: the headers and one example row (its key starts with 示例, so importing it as is skips it). */
export function templateFile(kind: ImportKind, lang: Lang) {
  const ex = t('account.import.example', lang)
  const rows =
    kind === 'household'
      ? [
          [
            '513328100001-G01',
            '',
            `${ex}-001`,
            t('account.import.example_name', lang),
            '13800000000',
            t('account.import.example_address', lang),
            4,
            t('account.import.example_members', lang),
          ],
        ]
      : [
          [
            t('account.import.example_name', lang),
            '13800000000',
            roleLabel('grid_worker', lang),
            '513328100001-G01',
            '',
          ],
        ]
  return workbookFile(kind, lang, rows, 'xlsx', `template-${kind}`)
}

/** Cells of the file's first sheet as text, with the header row mapped to our columns. */
export async function readSheet(bytes: Buffer): Promise<string[][]> {
  // loaded when a sheet is made, not when the function starts (issue #21)
  const { default: XL } = await import('exceljs')
  const wb = new XL.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  } catch {
    throw AccountErrors.IMPORT_BAD_FILE()
  }
  const ws = wb.worksheets[0]
  if (!ws) throw AccountErrors.IMPORT_BAD_FILE()
  const out: string[][] = []
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = String(cell.text ?? '').trim()
    })
    out[n - 1] = Array.from(cells, (v) => v ?? '')
  })
  if (out.length - 1 > IMPORT_MAX_ROWS) throw AccountErrors.IMPORT_TOO_LARGE({ max: IMPORT_MAX_ROWS })
  return Array.from(out, (r) => r ?? [])
}

const PHONE = /^1\d{10}$/

/** "扎西 13900000001；拉姆" → members (a phone is optional), or null when it cannot be read. */
export function parseMembers(text: string): Array<{ name: string; phone: string | null }> | null {
  if (!text.trim()) return []
  const parts = text
    .split(/[;；\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (parts.length > MAX_MEMBERS) return null
  const out: Array<{ name: string; phone: string | null }> = []
  for (const p of parts) {
    const m = /^(.+?)[\s:：,，]*(1\d{10})?$/.exec(p)
    const name = m?.[1]?.trim() ?? ''
    if (!name || name.length > 20 || /\d/.test(name)) return null
    out.push({ name, phone: m?.[2] ?? null })
  }
  return out
}

export function membersText(members: ReadonlyArray<{ name: string; phone: string | null }>): string {
  return members.map((m) => (m.phone ? `${m.name} ${m.phone}` : m.name)).join('；')
}

interface Checked {
  households: HouseholdRow[]
  staff: StaffRow[]
  problems: StoredProblem[]
  rows: number
}

/** Which of our columns each header cell is (either language). */
function headerMap(header: string[], kind: ImportKind): Map<Col, number> {
  const out = new Map<Col, number>()
  for (const col of columnsOf(kind)) {
    const names = LANGS.map((l) => t(col, l))
    const i = header.findIndex((h) => names.includes(h.trim()))
    if (i >= 0) out.set(col, i)
  }
  return out
}

/**
 * A file's rows checked against the tree and the roster as they are: every problem of every row (row as Excel
 * numbers it, the column's header, why), and for good rows where they go. Nothing is written.
 */
export async function checkRows(
  rt: Runtime,
  job: Pick<ImportJob, 'kind' | 'unitId'>,
  cells: string[][],
  grants: readonly Grant[],
  lang: Lang,
): Promise<Checked> {
  const kind = job.kind
  const header = cells[0] ?? []
  const cols = headerMap(header, kind)
  const problems: StoredProblem[] = []
  const colName = (c: Col) => t(c, lang)
  for (const c of REQUIRED[kind])
    if (!cols.has(c)) problems.push({ row: 1, column: colName(c), reason: ref('account.import.p.no_column') })
  if (kind === 'household' && !cols.has('account.col.grid_code') && !cols.has('account.col.grid'))
    problems.push({ row: 1, column: colName('account.col.grid'), reason: ref('account.import.p.no_column') })
  if (kind === 'staff' && !cols.has('account.col.unit_code') && !cols.has('account.col.unit'))
    problems.push({ row: 1, column: colName('account.col.unit'), reason: ref('account.import.p.no_column') })
  if (problems.length) return { households: [], staff: [], problems, rows: 0 }
  const get = (row: string[], c: Col) => (cols.has(c) ? (row[cols.get(c)!] ?? '').trim() : '')
  const examples = LANGS.map((l) => t('account.import.example', l))
  const keyCol: Col = kind === 'household' ? 'account.col.household_no' : 'account.col.name'
  const body = cells
    .map((row, i) => ({ row, n: i + 1 }))
    .slice(1)
    .filter(({ row }) => row.some((c) => c.trim()) && !examples.some((e) => get(row, keyCol).startsWith(e)))
  const say = (n: number, c: Col, key: string, params?: Record<string, string | number>) =>
    problems.push({ row: n, column: colName(c), reason: ref(`account.import.p.${key}`, params) })
  return kind === 'household'
    ? checkHouseholds(rt, job.unitId, body, get, say, problems)
    : checkStaff(rt, job.unitId, body, get, say, problems, grants, lang)
}

type Getter = (row: string[], c: Col) => string
type Say = (n: number, c: Col, key: string, params?: Record<string, string | number>) => void

/** A unit named by its code, or by its name (or full name) among `candidates`. */
function resolver(candidates: Unit[], fullNames: Map<string, string>) {
  const byId = new Map(candidates.map((u) => [u._id, u]))
  const byName = new Map<string, Unit[]>()
  for (const u of candidates) {
    for (const name of new Set([u.name, fullNames.get(u._id) ?? u.name])) {
      const list = byName.get(name) ?? []
      list.push(u)
      byName.set(name, list)
    }
  }
  return (code: string, name: string): Unit | 'unknown' | 'ambiguous' => {
    if (code) return byId.get(code) ?? 'unknown'
    const list = byName.get(name) ?? []
    return list.length === 1 ? list[0]! : list.length ? 'ambiguous' : 'unknown'
  }
}

async function checkHouseholds(
  rt: Runtime,
  rootId: string,
  body: Array<{ row: string[]; n: number }>,
  get: Getter,
  say: Say,
  problems: StoredProblem[],
): Promise<Checked> {
  const grids = await gridsUnder(rt, rootId)
  const names = new Map<string, string>()
  for (const g of grids) names.set(g._id, (await rt.units.ref(g._id))?.fullName ?? g.name)
  const find = resolver(grids, names)
  const rows: HouseholdRow[] = []
  const seenKey = new Map<string, number>()
  const seenPhone = new Map<string, number>()
  for (const { row, n } of body) {
    const before = problems.length
    const g = find(get(row, 'account.col.grid_code'), get(row, 'account.col.grid'))
    const gridCol: Col = get(row, 'account.col.grid_code') ? 'account.col.grid_code' : 'account.col.grid'
    if (g === 'unknown') say(n, gridCol, 'grid_unknown')
    else if (g === 'ambiguous') say(n, gridCol, 'grid_ambiguous')
    else if (g.retiredAt) say(n, gridCol, 'grid_retired')
    const no = get(row, 'account.col.household_no')
    const head = get(row, 'account.col.head_name')
    const address = get(row, 'account.col.address')
    const phone = get(row, 'account.col.phone')
    const sizeText = get(row, 'account.col.size')
    if (!no) say(n, 'account.col.household_no', 'required')
    else if (no.length > 30) say(n, 'account.col.household_no', 'too_long', { max: 30 })
    if (!head) say(n, 'account.col.head_name', 'required')
    else if (head.length > 20) say(n, 'account.col.head_name', 'too_long', { max: 20 })
    if (!address) say(n, 'account.col.address', 'required')
    else if (address.length > 60) say(n, 'account.col.address', 'too_long', { max: 60 })
    if (phone && !PHONE.test(phone)) say(n, 'account.col.phone', 'bad_phone')
    const size = sizeText ? Number(sizeText) : null
    if (size !== null && (!Number.isInteger(size) || size < 1 || size > 30)) say(n, 'account.col.size', 'bad_size')
    const members = parseMembers(get(row, 'account.col.members'))
    if (!members) say(n, 'account.col.members', 'bad_members', { max: MAX_MEMBERS })
    if (typeof g === 'object' && no) {
      const key = `${g._id}\u0000${no}`
      const prior = seenKey.get(key)
      if (prior) say(n, 'account.col.household_no', 'same_household', { row: prior })
      else seenKey.set(key, n)
    }
    for (const p of [phone && PHONE.test(phone) ? phone : null, ...(members ?? []).map((m) => m.phone)]) {
      if (!p) continue
      const prior = seenPhone.get(p)
      if (prior) say(n, p === phone ? 'account.col.phone' : 'account.col.members', 'same_phone', { row: prior })
      else seenPhone.set(p, n)
    }
    if (problems.length > before || typeof g !== 'object') continue
    rows.push({
      row: n,
      id: '',
      gridId: g._id,
      villageId: g.parentId ?? g._id,
      householdNo: no,
      headName: head,
      phone: phone || null,
      address,
      size,
      members: members ?? [],
      drop: [],
    })
  }
  // where each household goes: found by grid and 户号 (or, for one without a 户号, its id), else a new id
  const byGrid = new Map<string, HouseholdRow[]>()
  for (const r of rows) byGrid.set(r.gridId, [...(byGrid.get(r.gridId) ?? []), r])
  const existing = new Map<string, Household>()
  for (const [gridId, list] of byGrid) {
    const found = await rt.db.find(C.households, { where: { gridId }, limit: 20_000 })
    const byNo = new Map<string, Household>()
    for (const h of found) byNo.set(h.householdNo ?? h._id, h)
    for (const r of list) {
      const h = byNo.get(r.householdNo)
      r.id = h?._id ?? householdIdOf(gridId, r.householdNo)
      if (h) existing.set(h._id, h)
    }
  }
  // a phone the roster already has in another household
  const people = await getMany(
    rt.db,
    C.roster_people,
    rows.flatMap((r) =>
      [r.phone, ...r.members.map((m) => m.phone)].filter((p): p is string => !!p).map(rosterPersonId),
    ),
  )
  const good: HouseholdRow[] = []
  for (const r of rows) {
    const clash = [r.phone, ...r.members.map((m) => m.phone)].find((p) => {
      const person = p ? people.get(rosterPersonId(p)) : undefined
      return person?.householdId && person.householdId !== r.id
    })
    if (clash) {
      say(r.row, clash === r.phone ? 'account.col.phone' : 'account.col.members', 'phone_elsewhere')
      continue
    }
    good.push(r)
  }
  // roster people of these households whom the file no longer lists
  for (let i = 0; i < good.length; i += 100) {
    const part = good.slice(i, i + 100)
    const linked = await rt.db.find(C.roster_people, {
      where: { householdId: { $in: part.map((r) => r.id) } },
      limit: 100 * (MAX_MEMBERS + 1),
    })
    for (const r of part) {
      const listed = new Set([r.phone, ...r.members.map((m) => m.phone)].filter(Boolean).map((p) => rosterPersonId(p!)))
      r.drop = linked.filter((p) => p.householdId === r.id && !listed.has(p._id)).map((p) => p._id)
    }
  }
  problems.sort((a, b) => a.row - b.row)
  return { households: good, staff: [], problems, rows: body.length }
}

async function checkStaff(
  rt: Runtime,
  rootId: string,
  body: Array<{ row: string[]; n: number }>,
  get: Getter,
  say: Say,
  problems: StoredProblem[],
  grants: readonly Grant[],
  lang: Lang,
): Promise<Checked> {
  const root = await rt.units.get(rootId)
  const units = [...(root ? [root] : []), ...((await subtreeOf(rt, rootId, 20_000)) ?? [])]
  const names = new Map<string, string>()
  for (const u of units) names.set(u._id, (await rt.units.ref(u._id))?.fullName ?? u.name)
  const find = resolver(units, names)
  const roleOf = new Map<string, RoleName>()
  for (const r of STAFF_ROLES) for (const l of LANGS) roleOf.set(roleLabel(r, l), r)
  void lang
  const rows: StaffRow[] = []
  const seen = new Map<string, number>()
  for (const { row, n } of body) {
    const before = problems.length
    const name = get(row, 'account.col.name')
    const phone = get(row, 'account.col.phone')
    const role = roleOf.get(get(row, 'account.col.role'))
    const unitCol: Col = get(row, 'account.col.unit_code') ? 'account.col.unit_code' : 'account.col.unit'
    const u = find(get(row, 'account.col.unit_code'), get(row, 'account.col.unit'))
    if (!name) say(n, 'account.col.name', 'required')
    else if (name.length > 20) say(n, 'account.col.name', 'too_long', { max: 20 })
    if (!phone) say(n, 'account.col.phone', 'required')
    else if (!PHONE.test(phone)) say(n, 'account.col.phone', 'bad_phone')
    if (!role) say(n, 'account.col.role', 'bad_role')
    if (typeof u !== 'object') say(n, unitCol, 'unit_unknown')
    else if (u.retiredAt) say(n, unitCol, 'grid_retired')
    else if (role && !ROLES[role].levels.includes(u.level)) say(n, 'account.col.role', 'role_not_here')
    else if (role && !canGrantRole(grants, role, u.path)) say(n, 'account.col.role', 'cannot_grant')
    if (typeof u === 'object' && role && phone) {
      const key = `${phone}\u0000${role}\u0000${u._id}`
      const prior = seen.get(key)
      if (prior) say(n, 'account.col.phone', 'same_staff', { row: prior })
      else seen.set(key, n)
    }
    if (problems.length > before || typeof u !== 'object' || !role) continue
    rows.push({ row: n, name, phone, role, unitId: u._id })
  }
  return { households: [], staff: rows, problems, rows: body.length }
}

/** Writes one household row makes at most: the household, its people, the people it lets go. */
export function writesOf(r: HouseholdRow): number {
  return 1 + (r.phone ? 1 : 0) + r.members.filter((m) => m.phone).length + r.drop.length
}

/** Checked rows in chunks, each one transaction: at most CHUNK_ROWS rows and CHUNK_WRITES writes. */
export function chunksOf(jobId: string, checked: Checked): ImportChunk[] {
  const out: ImportChunk[] = []
  let cur: ImportChunk | null = null
  let writes = 0
  const open = () => {
    cur = { _id: `${jobId}.c${out.length}`, jobId, n: out.length, households: [], staff: [] }
    out.push(cur)
    writes = 0
  }
  for (const r of checked.households) {
    const w = writesOf(r)
    if (!cur || (cur as ImportChunk).households.length >= CHUNK_ROWS || writes + w > CHUNK_WRITES) open()
    ;(cur as unknown as ImportChunk).households.push(r)
    writes += w
  }
  for (const r of checked.staff) {
    // a staff row writes its roster role and, when the phone has an account, the role itself
    if (!cur || (cur as ImportChunk).staff.length >= CHUNK_ROWS || writes + 2 > CHUNK_WRITES) open()
    ;(cur as unknown as ImportChunk).staff.push(r)
    writes += 2
  }
  return out
}

/** The roster as it is now, in the template's format: importing the export changes nothing. */
export async function exportRows(
  db: DataPort,
  rt: Runtime,
  kind: ImportKind,
  rootId: string,
  lang: Lang,
  format: 'xlsx' | 'csv',
) {
  const rows: Array<Array<string | number>> = []
  if (kind === 'household') {
    for (const g of await gridsUnder(rt, rootId)) {
      const list = await db.find(C.households, {
        where: { gridId: g._id },
        orderBy: [['headName', 'asc']],
        limit: 20_000,
      })
      for (const h of list)
        rows.push([
          g._id,
          (await rt.units.ref(g._id))?.fullName ?? g.name,
          h.householdNo ?? h._id,
          h.headName,
          h.headPhone ?? '',
          h.address,
          h.size ?? '',
          membersText(h.rosterMembers ?? []),
        ])
    }
  } else {
    const root = await rt.units.get(rootId)
    const units = [...(root ? [root] : []), ...((await subtreeOf(rt, rootId, 20_000)) ?? [])]
    for (const u of units) {
      const list = await db.find(C.roster_roles, { where: { unitId: u._id, active: true }, limit: 5_000 })
      for (const r of list)
        rows.push([r.name, r.phone, roleLabel(r.role, lang), u._id, (await rt.units.ref(u._id))?.fullName ?? u.name])
    }
  }
  return workbookFile(kind, lang, rows, format, `roster-${kind}`)
}
