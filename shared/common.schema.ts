import { z } from 'zod'
import { keyText } from './i18n/i18n'

/**
 * Shapes every domain uses. They name no sentence: a failed check is told from the issue and the field's label
 * (`field.<name>`, see shared/validation.ts), in the reader's language.
 */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_:.-]+$/)

/** A client-made id for one write; repeating it returns the first result instead of writing again. */
export const RequestIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)

/** Epoch milliseconds. Days, shifts and months are derived in Beijing time (see time/beijing.ts). */
export const TimestampSchema = z.number().int().nonnegative()

const INVALID = keyText('v.invalid')

/** A point in GCJ-02, the datum every map inside China (and WeChat's location APIs) uses. */
export const GeoPointSchema = z.object({
  lat: z.number().min(-90, INVALID).max(90, INVALID),
  lng: z.number().min(-180, INVALID).max(180, INVALID),
  datum: z.literal('gcj02').default('gcj02'),
})
export type GeoPoint = z.infer<typeof GeoPointSchema>

export const PageInputSchema = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
})
export type PageInput = z.infer<typeof PageInputSchema>

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    hasMore: z.boolean(),
  })
}
export interface Page<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
  hasMore: boolean
}

export const EmptyInputSchema = z.object({}).default({})
export const OkOutputSchema = z.object({ ok: z.literal(true) })

/**
 * Short human text: trimmed, non-empty, bounded: `text(500, 5)`, named in messages by its field's label
 * (`field.<name>` in the domain's catalogue).
 * LEGACY (issue #20): `text('问题描述', 500, 5)` names the field by a label written in the schema; the label is
 * shown as written in every language, until the domain's fields have their catalogue labels.
 */
export function text(max: number, min?: number): z.ZodString
export function text(label: string, max: number, min?: number): z.ZodString
export function text(a: string | number, b?: number, c?: number): z.ZodString {
  const [label, max, min] = typeof a === 'number' ? [null, a, b ?? 1] : [a, b as number, c ?? 1]
  const say = (key: string, params: Record<string, string | number> = {}) =>
    label === null ? undefined : keyText(key, { ...params, field: label })
  const required = say('v.required')
  return z
    .string(required ? { error: required } : undefined)
    .trim()
    .min(min, min <= 1 ? required : say('v.str_min', { min }))
    .max(max, say('v.str_max', { max }))
}
