import fc from 'fast-check'
import { maskName, maskPhone } from './mask'

describe('masking', () => {
  it('masks names the way notice boards do', () => {
    expect(maskName('张小明')).toBe('张*明')
    expect(maskName('李四')).toBe('李*')
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
    expect(maskName('泽仁拉姆')).toBe('泽**姆')
  })
  it('masks phone numbers to the first three and last four digits', () => {
    expect(maskPhone('13908361201')).toBe('139****1201')
    expect(maskPhone(null)).toBeNull()
  })
  it('never reveals the middle of a name or a phone (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 3, maxLength: 8 }), (name) => {
        const chars = [...name.trim()]
        fc.pre(chars.length >= 3)
        const masked = [...maskName(name)]
        expect(masked.length).toBe(chars.length)
        expect(masked.slice(1, -1).every((c) => c === '*')).toBe(true)
      }),
    )
    fc.assert(
      fc.property(fc.stringMatching(/^1\d{10}$/), (phone) => {
        const m = maskPhone(phone)!
        expect(m.slice(3, 7)).toBe('****')
        expect(m.replace(/\*/g, '')).toBe(phone.slice(0, 3) + phone.slice(-4))
      }),
    )
  })
})
