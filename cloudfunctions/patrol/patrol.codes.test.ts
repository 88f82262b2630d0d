import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { parseCode } from '@shared/patrol/patrol.rules'
import { codeFor, newCheckpointId, signatureFor, verifySignature } from './patrol.codes'

const KEY = 'linli-test-patrol-code-key-0123456789'
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** The checkpoint signature as posters were printed with before the one signing scheme: kept here verbatim. */
function printedSignature(key: string, checkpointId: string, villageId: string): string {
  const mac = createHmac('sha256', key).update(`patrol-checkpoint\u0000${checkpointId}\u0000${villageId}`).digest()
  let n = BigInt(`0x${mac.subarray(0, 16).toString('hex')}`)
  let out = ''
  for (let i = 0; i < 12; i++) {
    out += BASE62[Number(n % 62n)]
    n /= 62n
  }
  return out
}

const checkpointId = fc.stringMatching(/^cp-[0-9A-Za-z]{10}$/)
const villageId = fc.stringMatching(/^[0-9]{12}$/)

describe('checkpoint codes', () => {
  it('a code printed before the one signing scheme still verifies, and is the code made now', () => {
    fc.assert(
      fc.property(checkpointId, villageId, (cp, village) => {
        const printed = printedSignature(KEY, cp, village)
        expect(verifySignature(KEY, cp, village, printed)).toBe(true)
        expect(signatureFor(KEY, cp, village)).toBe(printed)
        expect(parseCode(codeFor(KEY, cp, village))).toMatchObject({ checkpointId: cp, signature: printed })
      }),
    )
  })

  it('refuses another village, another key, a changed symbol and a shortened signature', () => {
    const cp = newCheckpointId()
    expect(cp).toMatch(/^cp-[0-9A-Za-z]{10}$/)
    const s = signatureFor(KEY, cp, '513328100001')
    expect(verifySignature(KEY, cp, '513328101201', s)).toBe(false)
    expect(verifySignature(`${KEY}x`, cp, '513328100001', s)).toBe(false)
    expect(verifySignature(KEY, cp, '513328100001', `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`)).toBe(false)
    expect(verifySignature(KEY, cp, '513328100001', s.slice(0, 6))).toBe(false)
  })
})
