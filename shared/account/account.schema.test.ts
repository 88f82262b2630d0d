import fc from 'fast-check'
import '../validation'
import { describeZodError } from '../validation'
import { CreateInviteInputSchema, InviteCodeSchema, INVITE_CODE_ALPHABET } from './account.schema'

describe('account input validation', () => {
  it('accepts any well-formed invite code, typed in lower case or with spaces (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...INVITE_CODE_ALPHABET.split('')), minLength: 8, maxLength: 8 }),
        (code) => {
          expect(InviteCodeSchema.parse(` ${code.toLowerCase()} `)).toBe(code)
        },
      ),
    )
  })

  it('rejects anything else with a Chinese message (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        fc.pre(!/^[2-9A-HJ-NP-Z]{8}$/.test(s.trim().toUpperCase()))
        const r = InviteCodeSchema.safeParse(s)
        expect(r.success).toBe(false)
        if (!r.success) expect(describeZodError(r.error)).toMatch(/邀请码/)
      }),
    )
  })

  it('explains wrong types in Chinese, naming the field by its label', () => {
    const r = CreateInviteInputSchema.safeParse({ role: 'grid_worker', unitId: 42 })
    expect(r.success).toBe(false)
    if (!r.success) {
      expect(describeZodError(r.error)).toMatch(/^填写的内容有误：.*单位/)
      expect(describeZodError(r.error)).not.toMatch(/unitId/)
    }
  })
})
