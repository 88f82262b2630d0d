import ExcelJS from 'exceljs'

/** One sheet of rows as a downloadable file: CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX. */
export async function toFile(
  format: 'csv' | 'xlsx',
  basename: string,
  sheet: string,
  header: string[],
  rows: Array<Array<string | number>>,
): Promise<{ filename: string; mime: string; base64: string; rows: number }> {
  if (format === 'csv') {
    const cell = (v: string | number) => {
      const s = String(v)
      // a leading = + - @ would run as a formula in Excel: quote it as text
      const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
    }
    const text = '\ufeff' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
    return {
      filename: `${basename}.csv`,
      mime: 'text/csv; charset=utf-8',
      base64: Buffer.from(text, 'utf8').toString('base64'),
      rows: rows.length,
    }
  }
  const wb = new ExcelJS.Workbook()
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

export const EXPORT_MAX_ROWS = 20_000
