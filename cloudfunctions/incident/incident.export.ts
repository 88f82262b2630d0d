import { defuseFormula, toCsv } from '../_core/csv'
import type { Runtime } from '../_core/runtime'

/** A table as the file a unit downloads: CSV (UTF-8 with BOM) or one XLSX sheet with a bold header. */
export async function tableFile(
  rt: Runtime,
  args: { base: string; sheet: string; format: 'csv' | 'xlsx'; head: string[]; body: string[][]; widths: number[] },
): Promise<{ fileName: string; url: string; rows: number; preview: string[][] }> {
  const { base, sheet, format, head, body, widths } = args
  let bytes: Uint8Array
  let type: string
  if (format === 'csv') {
    bytes = new TextEncoder().encode(toCsv([head, ...body]))
    type = 'text/csv; charset=utf-8'
  } else {
    // the XLSX library (1 MB) loads when a spreadsheet is asked for, not with the function
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet(sheet.slice(0, 31))
    ws.addRow(head).font = { bold: true }
    for (const r of body) ws.addRow(r.map(defuseFormula))
    ws.columns.forEach((c, i) => {
      c.width = widths[i] ?? 12
    })
    bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  }
  const fileName = `${base}.${format}`
  const saved = await rt.files.putGenerated(fileName, bytes, type)
  return { fileName, url: saved.url, rows: body.length, preview: [head, ...body.slice(0, 5)] }
}
