import ExcelJS from 'exceljs'
import { incidentContract } from '@shared/incident/incident.contract'
import { LEDGER_COLUMNS, RATING_LABELS, type Incident } from '@shared/incident/incident.schema'
import { STATUS_META } from '@shared/incident/incident.states'
import { maskName } from '@shared/mask'
import { bjMonthRange, formatBj } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defuseFormula, toCsv } from '../../_core/csv'
import type { Runtime } from '../../_core/runtime'
import { defineAction } from '../../_core/wrap'
import { unitFilter } from '../incident.repo'

const MAX_ROWS = 5000

async function rowOf(rt: Runtime, inc: Incident): Promise<string[]> {
  const name = async (id: string | null) => (id ? ((await rt.units.get(id))?.name ?? id) : '')
  const handler = inc.departmentId ? await name(inc.departmentId) : await name(inc.resolvedUnitId ?? inc.handlerUnitId)
  let result: string
  if (inc.status === 'rejected') result = `退回：${inc.rejectReason ?? ''}`
  else if (STATUS_META[inc.status].closed) result = inc.resolution ?? '已办结'
  else result = STATUS_META[inc.status].label
  let satisfaction = ''
  if (inc.rating) satisfaction = RATING_LABELS[inc.rating]
  else if (inc.status === 'confirmed') satisfaction = '未评价'
  return [
    inc.code,
    formatBj(inc.reportedAt),
    // a file travels further than a screen: the reporter is masked even where a handler may see the name
    inc.anonymous ? '匿名群众' : maskName(inc.reporterName),
    await name(inc.gridId),
    inc.categoryLabel,
    inc.description,
    handler,
    result,
    inc.firstClosedAt ? formatBj(inc.firstClosedAt) : '',
    satisfaction,
  ]
}

/** 月度台账: the month's incidents of a unit, straight from the work (nothing typed twice). */
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
    for (const inc of rows) body.push(await rowOf(ctx.rt, inc))
    const unitName = (await ctx.rt.units.get(unitId))?.name ?? unitId
    const base = `${unitName}-网格事件台账-${month}`
    let bytes: Uint8Array
    let type: string
    if (format === 'csv') {
      bytes = new TextEncoder().encode(toCsv([[...LEDGER_COLUMNS], ...body]))
      type = 'text/csv; charset=utf-8'
    } else {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet(`台账 ${month}`)
      ws.addRow([...LEDGER_COLUMNS]).font = { bold: true }
      for (const r of body) ws.addRow(r.map(defuseFormula))
      ws.columns.forEach((c, i) => {
        c.width = [16, 18, 8, 18, 10, 40, 20, 30, 18, 10][i] ?? 12
      })
      bytes = new Uint8Array(await wb.xlsx.writeBuffer())
      type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    }
    const fileName = `${base}.${format}`
    const saved = await ctx.rt.files.putGenerated(fileName, bytes, type)
    return { fileName, url: saved.url, rows: body.length, preview: [[...LEDGER_COLUMNS], ...body.slice(0, 5)] }
  },
})
