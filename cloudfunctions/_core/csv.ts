/**
 * The one CSV writer: UTF-8 with a BOM (so Excel opens Chinese text), CRLF rows, quoted where needed, and no
 * cell a spreadsheet would run as a formula: text starting with = + - @ (or a tab/CR, which Excel strips before
 * looking) gets a leading apostrophe, whatever a resident typed. Numbers stay numbers.
 */
export type Cell = string | number | null | undefined

/** Text a spreadsheet would run as a formula gets a leading apostrophe (also for XLSX cells a person may edit). */
export function defuseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return ''
  const s = String(v)
  const safe = typeof v === 'string' ? defuseFormula(s) : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
