import fc from 'fast-check'
import { nameFragments, publicAddress, publicHousehold } from './account.rules'

const HAN = fc.constantFrom(...'央金卓玛泽仁拉姆王德明李桂芳降措白玛次仁多吉格桑'.split(''))
const nameArb = fc.string({ unit: HAN, minLength: 2, maxLength: 4 })
const numberArb = fc.integer({ min: 1, max: 999 }).map((n) => `${n} 号`)

describe('addresses residents see', () => {
  it('examples from rosters', () => {
    expect(publicAddress('央金家（1 号牧户）', ['央金'])).toBe('1 号牧户')
    expect(publicAddress('3 栋 2 单元', ['王德明'])).toBe('3 栋 2 单元')
    expect(publicAddress('拉姆家12号', ['泽仁拉姆'])).toBe('12号')
    expect(publicAddress('德明小卖部旁 5 栋', ['王德明'])).toBe('5 栋')
    expect(publicAddress('卓玛家', ['卓玛'])).toBe('')
    expect(nameFragments('泽仁拉姆').sort()).toEqual(['仁拉', '拉姆', '泽仁', '泽仁拉姆'].sort())
    expect(publicHousehold({ _id: 'h1', headName: '央金', address: '央金家（1 号牧户）' }, [])).toEqual({
      id: 'h1',
      headName: '央*',
      address: '1 号牧户',
    })
  })

  it('never repeats any two characters of a name of the household, and keeps every house number (property)', () => {
    fc.assert(
      fc.property(
        fc.array(nameArb, { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.oneof(
            nameArb.map((n) => `${n}家`),
            numberArb,
            fc.constant('牧户'),
          ),
          { maxLength: 5 },
        ),
        (names, parts) => {
          const address = parts.join('（')
          const shown = publicAddress(address, names)
          for (const f of names.flatMap(nameFragments)) expect(shown).not.toContain(f)
          for (const p of parts) if (/^\d+ 号$/.test(p)) expect(shown).toContain(p)
        },
      ),
    )
  })
})
