import type { z } from 'zod'
import './i18n/common.messages'
import { registered, render, parseKeyText, type Lang } from './i18n/i18n'

/**
 * Input checks in the reader's language, on both halves. A schema names no sentence: a failed check is rendered
 * from zod's issue code and the failing field's label (`field.<name>` in a catalogue), e.g. "请填写描述" /
 * "描述最多 500 个字". A schema that needs its own message gives a message key (`keyText('v.photo_min', …)`).
 * A Chinese sentence written into a schema (LEGACY, issue #20) is shown as written.
 */
type Issue = z.core.$ZodIssue

const CJK = /[\u3400-\u9fff]/

/**
 * A field's label: the domain's own (`field.<domain>.<name>`, for a name that means different things in different
 * domains, like `code`), else the shared one (`field.<name>`), else "这一项" — never the field's code name.
 */
export function fieldLabelKey(name: string, scope?: string): string | null {
  if (scope && registered().has(`field.${scope}.${name}`)) return `field.${scope}.${name}`
  return registered().has(`field.${name}`) ? `field.${name}` : null
}

function fieldOf(path: readonly PropertyKey[], scope?: string): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i]
    if (typeof p === 'string') return `@${fieldLabelKey(p, scope) ?? 'field.this'}`
  }
  return '@field.this'
}

function num(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : (v as number)
}

/** One issue as a sentence in `lang`. */
export function issueMessage(issue: Issue, lang: Lang, scope?: string): string {
  const own = parseKeyText(issue.message)
  const field = fieldOf(issue.path, scope)
  if (own) return render({ key: own.key, params: { field, ...own.params } }, lang)
  if (CJK.test(issue.message)) return issue.message
  const at = (key: string, params: Record<string, string | number> = {}) =>
    render({ key, params: { field, ...params } }, lang)
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? at('v.required') : at('v.wrong_type')
    case 'too_small': {
      const min = num(issue.minimum)
      if (issue.origin === 'string') return min <= 1 ? at('v.required') : at('v.str_min', { min })
      if (issue.origin === 'array' || issue.origin === 'set') return at('v.arr_min', { min })
      return at('v.num_min', { min })
    }
    case 'too_big': {
      const max = num(issue.maximum)
      if (issue.origin === 'string') return at('v.str_max', { max })
      if (issue.origin === 'array' || issue.origin === 'set') return at('v.arr_max', { max })
      return at('v.num_max', { max })
    }
    case 'invalid_value':
    case 'invalid_union':
      return at(issue.code === 'invalid_value' ? 'v.option' : 'v.wrong_type')
    case 'invalid_format':
      return at('v.wrong_type')
    case 'not_multiple_of':
      return at('v.int')
    case 'unrecognized_keys':
      return render({ key: 'v.extra' }, lang)
    default:
      return at('v.invalid')
  }
}

/** One sentence for a failed parse, naming the first few fields that are wrong by their labels. */
export function describeZodError(error: z.ZodError, lang: Lang = 'zh', scope?: string): string {
  const parts = error.issues.slice(0, 3).map((issue) => issueMessage(issue, lang, scope))
  const list = parts.join(render({ key: 'v.join' }, lang))
  const more = error.issues.length > 3 ? ` ${render({ key: 'v.more', params: { n: error.issues.length } }, lang)}` : ''
  return render({ key: 'v.bad_input', params: { list: list + more } }, lang)
}

/** Per-field messages (path → sentence) for forms to show under each field. */
export function issuesOf(
  error: z.ZodError,
  lang: Lang = 'zh',
  scope?: string,
): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: issueMessage(i, lang, scope) }))
}
