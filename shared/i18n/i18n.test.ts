import fc from 'fast-check'
import { z } from 'zod'
import { CommonErrors, defineErrors } from '../errors'
import { describeZodError, issuesOf } from '../validation'
import { formatDate, formatDateTime, formatMonth, formatNumber } from './format'
import { defineMessages, fill, keyText, register, render, renderText, translator, type Lang } from './i18n'
import { COMMON } from './common.messages'

const T = Date.UTC(2026, 2, 2, 2, 5) // 2026-03-02 10:05 Beijing

describe('catalogue', () => {
  const cat = defineMessages({
    hello: { zh: '你好，{name}', bo: 'བཀྲ་ཤིས་བདེ་ལེགས། {name}' },
    only_zh: { zh: '只有中文' },
    plain: { zh: '确定', bo: 'གཏན་འཁེལ།' },
  })

  it('renders in the language asked, and falls back to Chinese, never to the key', () => {
    let lang: Lang = 'bo'
    const t = translator(cat, () => lang)
    expect(t('hello', { name: '卓玛' })).toBe('བཀྲ་ཤིས་བདེ་ལེགས། 卓玛')
    expect(t('only_zh')).toBe('只有中文')
    lang = 'zh'
    expect(t('hello', { name: '卓玛' })).toBe('你好，卓玛')
    // @ts-expect-error a key that is not in the catalogue fails the typecheck
    expect(t('nope')).toBe('')
    // @ts-expect-error a message with a placeholder needs its parameter
    t('hello')
    // @ts-expect-error and only the parameters it names
    t('hello', { nome: 'x' })
  })

  it('fills every placeholder it has a value for, leaves others visible', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), (s, n) => {
        expect(fill('{a} and {b}', { a: s, b: n })).toBe(`${s} and ${n}`)
      }),
    )
    expect(fill('{a} {missing}', { a: 1 })).toBe('1 {missing}')
  })

  it('refuses one key defined twice with different Chinese', () => {
    register(defineMessages({ 'test.once': { zh: '一次' } }))
    expect(() => register(defineMessages({ 'test.once': { zh: '另一次' } }))).toThrow(/defined twice/)
  })

  it('renders message refs whose parameters name other messages', () => {
    register(defineMessages({ 'test.outer': { zh: '请填写{field}', bo: '{field}་འབྲི་རོགས།' } }))
    expect(render({ key: 'test.outer', params: { field: '@field.phone' } }, 'zh')).toBe('请填写手机号')
    expect(render({ key: 'test.outer', params: { field: '@field.phone' } }, 'bo')).toBe('ཁ་པར་ཨང་འབྲི་རོགས།')
    expect(renderText(keyText('test.outer', { field: '@field.note' }), 'zh')).toBe('请填写备注')
    expect(renderText('plain text', 'bo')).toBe('plain text')
  })

  it('has every common message in both languages', () => {
    for (const [key, entry] of Object.entries(COMMON)) expect([key, entry.bo?.length ?? 0]).not.toEqual([key, 0])
  })
})

describe('errors', () => {
  const E = defineErrors('TEST', {
    LOW: { zh: '库存只剩 {left} 件', bo: 'ཉར་ཚགས་ {left} ལས་མི་འདུག' },
    PLAIN: { zh: '不行', bo: 'མི་ཆོག' },
  })

  it('keeps the code, renders the message per language, and carries parameters instead of sentences', () => {
    const err = E.LOW({ left: 3 })
    expect(err.code).toBe('TEST.LOW')
    expect(err.message).toBe('库存只剩 3 件')
    expect(err.messageIn('bo')).toBe('ཉར་ཚགས་ 3 ལས་མི་འདུག')
    expect(E.PLAIN().messageIn('bo')).toBe('མི་ཆོག')
    expect(E.PLAIN({ some: 'details' }).details).toEqual({ some: 'details' })
    expect(CommonErrors.FORBIDDEN().messageIn('bo')).toBe('ཁྱེད་ལ་བྱ་བ་འདི་བྱེད་པའི་དབང་ཚད་མེད།')
    expect(CommonErrors.UNAUTHENTICATED.because('auth.account_gone').code).toBe('COMMON.UNAUTHENTICATED')
  })
})

describe('input checks name fields by their labels, in the reader language', () => {
  const schema = z.object({
    phone: z.string().regex(/^1\d{10}$/),
    note: z.string().trim().min(1).max(5),
    photos: z.array(z.string()).min(1, keyText('v.photo_min', { min: 1 })),
    secret: z.number(),
  })

  it('in Chinese and Tibetan, with no code names of fields', () => {
    const r = schema.safeParse({ phone: '123', note: '这段备注太长了', photos: [] })
    expect(r.success).toBe(false)
    if (r.success) return
    const zh = describeZodError(r.error, 'zh')
    expect(zh).toBe('填写的内容有误：手机号的格式不对；备注最多 5 个字；请至少拍 1 张照片 等 4 处')
    const bo = issuesOf(r.error, 'bo')
    expect(bo.map((i) => i.path)).toEqual(['phone', 'note', 'photos', 'secret'])
    expect(bo[0]!.message).toBe('ཁ་པར་ཨང་ལ་ནོར་འཁྲུལ་ཡོད།')
    expect(bo[3]!.message).toBe('རྣམ་གྲངས་འདི་འབྲི་རོགས།')
    for (const i of bo) expect(i.message).not.toMatch(/[a-z]/)
  })
})

describe('format', () => {
  it('writes dates in each language in Beijing time', () => {
    expect(formatDate(T, 'zh')).toBe('2026年3月2日')
    expect(formatDateTime(T, 'bo')).toBe('སྤྱི་ལོ་2026 ཟླ་3 ཚེས་2 10:05')
    expect(formatMonth('2026-11', 'bo')).toBe('སྤྱི་ལོ་2026 ཟླ་11')
    // 23:30 UTC is already the next day in Beijing
    expect(formatDate(Date.UTC(2026, 2, 1, 23, 30), 'zh')).toBe('2026年3月2日')
  })

  it('groups numbers by thousands', () => {
    expect(formatNumber(1234567.25, 'zh')).toBe('1,234,567.3')
    expect(formatNumber(-1000, 'bo')).toBe('-1,000')
    expect(formatNumber(12, 'zh')).toBe('12')
  })
})
