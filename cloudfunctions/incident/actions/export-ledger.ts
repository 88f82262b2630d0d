import type { Lang } from '@shared/i18n/i18n'
import { incidentContract } from '@shared/incident/incident.contract'
import { categoryLabel, incidentText, levelLabel, ratingLabel, statusLabel } from '@shared/incident/incident.labels'
import { INCIDENT } from '@shared/incident/incident.messages'
import { LEDGER_COLUMNS, type HandlerLevel, type Incident } from '@shared/incident/incident.schema'
import { STATUS_META } from '@shared/incident/incident.states'
import { textOf } from '@shared/i18n/i18n'
import { maskName } from '@shared/mask'
import { bjMonthRange, formatBj } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defuseFormula, toCsv } from '../../_core/csv'
import type { Runtime } from '../../_core/runtime'
import { defineAction } from '../../_core/wrap'
import { gridsUnder, safeReportId, unitFilter } from '../incident.repo'

const MAX_ROWS = 5000
const ROUND_COLUMNS = ['day', 'grid', 'done', 'visits', 'safe'] as const

/** Per grid and Beijing day of the month: rounds finished, households visited, and whether it reported. */
async function roundRows(rt: Runtime, unitId: string, month: string, lang: Lang): Promise<string[][]> {
  const grids = (await gridsUnder(rt, unitId)).slice(0, 500)
  const out: string[][] = []
  for (let i = 0; i < grids.length; i += 100) {
    const ids = grids.slice(i, i + 100).map((g) => g._id)
    const found = await rt.db.find(C.grid_rounds, {
      where: { gridId: { $in: ids }, day: { $gte: `${month}-01`, $lte: `${month}-31` } },
      limit: MAX_ROWS,
    })
    const byKey = new Map<string, { grid: string; day: string; done: number; visits: number }>()
    for (const r of found) {
      const k = `${r.day} ${r.gridId}`
      const row = byKey.get(k) ?? { grid: r.gridId, day: r.day, done: 0, visits: 0 }
      if (r.finishedAt) row.done += 1
      row.visits += r.visits.length
      byKey.set(k, row)
    }
    for (const row of [...byKey.values()].sort((a, b) => a.day.localeCompare(b.day) || a.grid.localeCompare(b.grid))) {
      const safe = !!(await rt.db.get(C.safe_reports, safeReportId(row.grid, row.day)))
      out.push([
        row.day,
        (await rt.units.get(row.grid))?.name ?? row.grid,
        String(row.done),
        String(row.visits),
        incidentText(safe ? 'incident.ledger.yes' : 'incident.ledger.no', lang),
      ])
    }
  }
  return out
}

/**
 * 处置层级: where the case was handled: the level that closed it, else the one holding it now; a case with the
 * departments counts at the centre that whistled them (a township's or the county's 综治中心).
 */
function handledLevel(inc: Incident): HandlerLevel {
  const level = STATUS_META[inc.status].closed ? (inc.resolvedLevel ?? inc.level) : inc.level
  return level === 'department' ? (inc.dispatchLevel ?? 'township') : level
}

async function rowOf(rt: Runtime, inc: Incident, lang: Lang): Promise<string[]> {
  const name = async (id: string | null) => (id ? ((await rt.units.get(id))?.name ?? id) : '')
  const handler = inc.departmentId ? await name(inc.departmentId) : await name(inc.resolvedUnitId ?? inc.handlerUnitId)
  let result: string
  if (inc.status === 'rejected')
    result = textOf(INCIDENT['incident.ledger.rejected'], lang, { reason: inc.rejectReason ?? '' })
  else if (STATUS_META[inc.status].closed) result = inc.resolution ?? incidentText('incident.ledger.closed', lang)
  else result = statusLabel(inc.status, lang)
  let satisfaction = ''
  if (inc.rating) satisfaction = ratingLabel(inc.rating, lang)
  else if (inc.status === 'confirmed') satisfaction = incidentText('incident.rating.none', lang)
  return [
    inc.code,
    formatBj(inc.reportedAt),
    // a file travels further than a screen: the reporter is masked even where a handler may see the name
    inc.anonymous ? incidentText('incident.anonymous', lang) : maskName(inc.reporterName),
    await name(inc.gridId),
    categoryLabel(inc.category, inc.categoryLabel, lang),
    inc.description,
    handler,
    result,
    inc.firstClosedAt ? formatBj(inc.firstClosedAt) : '',
    satisfaction,
    levelLabel(handledLevel(inc), lang),
  ]
}

/**
 * 月度台账: the month's incidents of a unit, straight from the work (nothing typed twice), headed and labelled in
 * the language of the person exporting it; what people typed stays as typed.
 */
export const exportLedger = defineAction(incidentContract.actions.exportLedger, {
  load: async ({ unitId }) => ({ unitId }),
  run: async ({ input: { unitId, month, format }, ctx }) => {
    const [start, end] = bjMonthRange(month)
    const rows = await ctx.db.find(C.incidents, {
      where: { ...(await unitFilter(ctx.rt, unitId)), reportedAt: { $gte: start, $lt: end } },
      orderBy: [['reportedAt', 'asc']],
      limit: MAX_ROWS,
    })
    const body: string[][] = []
    for (const inc of rows) body.push(await rowOf(ctx.rt, inc, ctx.lang))
    const head = LEDGER_COLUMNS.map((c) => incidentText(`incident.ledger.${c}`, ctx.lang))
    const unitName = (await ctx.rt.units.get(unitId))?.name ?? unitId
    const base = textOf(INCIDENT['incident.ledger.file'], ctx.lang, { unit: unitName, month })
    let bytes: Uint8Array
    let type: string
    if (format === 'csv') {
      bytes = new TextEncoder().encode(toCsv([head, ...body]))
      type = 'text/csv; charset=utf-8'
    } else {
      // the XLSX library loads only when a spreadsheet is asked for (its own file in the CloudBase bundle)
      const { default: ExcelJS } = await import('exceljs')
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet(textOf(INCIDENT['incident.ledger.sheet'], ctx.lang, { month }))
      ws.addRow(head).font = { bold: true }
      for (const r of body) ws.addRow(r.map(defuseFormula))
      ws.columns.forEach((c, i) => {
        c.width = [16, 18, 8, 18, 10, 40, 20, 30, 18, 10, 14][i] ?? 12
      })
      // 一日两巡 beside 报平安: the month's rounds per grid and day, from the rounds walked
      const rounds = wb.addWorksheet(textOf(INCIDENT['incident.ledger.rounds_sheet'], ctx.lang, { month }))
      rounds.addRow(ROUND_COLUMNS.map((c) => incidentText(`incident.ledger.rounds_${c}`, ctx.lang))).font = {
        bold: true,
      }
      for (const r of await roundRows(ctx.rt, unitId, month, ctx.lang)) rounds.addRow(r)
      rounds.columns.forEach((c, i) => {
        c.width = [12, 20, 14, 14, 10][i] ?? 12
      })
      bytes = new Uint8Array(await wb.xlsx.writeBuffer())
      type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    }
    const fileName = `${base}.${format}`
    const saved = await ctx.rt.files.putGenerated(fileName, bytes, type)
    return { fileName, url: saved.url, rows: body.length, preview: [head, ...body.slice(0, 5)] }
  },
})
