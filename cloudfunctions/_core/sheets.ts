import { toCsv } from './csv'

/** Exports are bounded: beyond this the official is asked to narrow them. */
export const EXPORT_MAX_ROWS = 20_000

/** One sheet of rows as a downloadable file: CSV (`csv.ts`: BOM, formulas defused) or XLSX (the shared helper; points.export.ts has the first copy). */
export async function toFile(
  format: 'csv' | 'xlsx',
  basename: string,
  sheet: string,
  header: string[],
  rows: Array<Array<string | number>>,
): Promise<{ filename: string; mime: string; base64: string; rows: number }> {
  if (format === 'csv') {
    const text = toCsv([header, ...rows])
    return {
      filename: `${basename}.csv`,
      mime: 'text/csv; charset=utf-8',
      base64: Buffer.from(text, 'utf8').toString('base64'),
      rows: rows.length,
    }
  }
  // loaded when a sheet is made, not when the function starts (issue #21)
  const { default: XL } = await import('exceljs')
  const wb = new XL.Workbook()
  const ws = wb.addWorksheet(sheet)
  ws.addRow(header).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  ws.columns.forEach((c) => {
    c.width = 14
  })
  const buf = await wb.xlsx.writeBuffer()
  return {
    filename: `${basename}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buf as ArrayBuffer).toString('base64'),
    rows: rows.length,
  }
}
