import { z } from 'zod'
import { GeoPointSchema, IdSchema, PageInputSchema, RequestIdSchema, text } from './common.schema'
import { FileIdSchema } from './files'
import { defineMessages, register } from './i18n/i18n'
import { describeZodError } from './validation'

register(defineMessages({ 'field.story': { zh: '经过', bo: 'བྱུང་རིམ' } }))

const say = (schema: z.ZodType, value: unknown, lang: 'zh' | 'bo' = 'zh') => {
  const r = schema.safeParse(value)
  if (r.success) throw new Error('expected a refusal')
  return describeZodError(r.error, lang)
}

/** The shared shapes name no sentence: their refusals come from the catalogue, in the reader's language. */
describe('common shapes speak both languages', () => {
  it('a point off the globe names the coordinate', () => {
    expect(say(z.object({ location: GeoPointSchema }), { location: { lat: 200, lng: 0 } })).toBe(
      '填写的内容有误：纬度不对',
    )
    const bo = say(z.object({ location: GeoPointSchema }), { location: { lat: 0, lng: 999 } }, 'bo')
    expect(bo).toMatch(/^བྲིས་པའི་ནང་དོན་ལ་ནོར་འཁྲུལ་ཡོད། གཞུང་ཐིག་?མི་འགྲིག$/)
  })

  it('ids, request ids, pages and photo ids', () => {
    expect(say(z.object({ unitId: IdSchema }), { unitId: '../x' })).toBe('填写的内容有误：单位的格式不对')
    expect(say(z.object({ requestId: RequestIdSchema }), { requestId: 'short' }, 'bo')).toMatch(
      /^བྲིས་པའི་ནང་དོན་ལ་ནོར་འཁྲུལ་ཡོད། འདྲི་བའི་ཨང་རྟགས.?ཉུང་མཐར་ཡིག་འབྲུ་ 8 དགོས།$/,
    )
    expect(say(PageInputSchema, { pageSize: 51 })).toBe('填写的内容有误：每页条数不能大于 50')
    expect(say(z.object({ photos: z.array(FileIdSchema) }), { photos: ['../../etc/passwd'] })).toBe(
      '填写的内容有误：照片编号不对',
    )
    expect(say(z.object({ photos: z.array(FileIdSchema) }), { photos: ['photo-1'] }, 'bo')).toBe(
      'བྲིས་པའི་ནང་དོན་ལ་ནོར་འཁྲུལ་ཡོད། པར་གྱི་ཨང་རྟགས་མི་འགྲིག',
    )
  })

  it('text(max, min) names the field by its catalogue label', () => {
    const s = z.object({ story: text(20, 5) })
    expect(say(s, { story: '短' })).toBe('填写的内容有误：经过至少 5 个字')
    expect(say(s, { story: 'x'.repeat(21) }, 'bo')).toMatch(
      /^བྲིས་པའི་ནང་དོན་ལ་ནོར་འཁྲུལ་ཡོད། བྱུང་རིམ.?མང་མཐར་ཡིག་འབྲུ་ 20 ལས་མི་ཆོག$/,
    )
    expect(say(s, {})).toBe('填写的内容有误：请填写经过')
  })

  it('the legacy text(label, max, min) still says what it said', () => {
    const s = z.object({ description: text('问题描述', 500, 5) })
    expect(say(s, { description: '短' })).toBe('填写的内容有误：问题描述至少 5 个字')
    expect(say(s, { description: 'x'.repeat(501) })).toBe('填写的内容有误：问题描述最多 500 个字')
    expect(say(s, { description: '   ' })).toBe('填写的内容有误：问题描述至少 5 个字')
    expect(say(s, {})).toBe('填写的内容有误：请填写问题描述')
  })
})
