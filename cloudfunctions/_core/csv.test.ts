import fc from 'fast-check'
import { csvCell, toCsv } from './csv'

/** Reads back what toCsv wrote (RFC 4180 quoting), to prove the writer loses nothing. */
function parse(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  return rows
}

describe('csv', () => {
  it('never starts a text cell with a formula character', () => {
    for (const v of ['=1+1', '+86 138', '-5', '@SUM(A1)', '\t=x', '\r=x'])
      expect(csvCell(v).replace(/^"/, '')).toMatch(/^'/)
    expect(csvCell(-5)).toBe('-5')
  })

  it('round-trips any text (apart from the formula guard) and keeps the row and column count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const back = parse(toCsv(rows))
          expect(back).toHaveLength(rows.length)
          back.forEach((r, i) => expect(r).toEqual(rows[i]!.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))))
        },
      ),
    )
  })

  it('starts with a BOM so Excel reads Chinese', () => {
    expect(toCsv([['网格', '户主']]).startsWith('\uFEFF网格,户主\r\n')).toBe(true)
  })
})
