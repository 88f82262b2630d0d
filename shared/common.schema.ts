import { z } from 'zod'

export const IdSchema = z
  .string()
  .min(1, '编号不能为空')
  .max(64, '编号太长')
  .regex(/^[A-Za-z0-9_:.-]+$/, '编号格式不对')

/** A client-made id for one write; repeating it returns the first result instead of writing again. */
export const RequestIdSchema = z
  .string()
  .min(8, '请求编号太短')
  .max(64, '请求编号太长')
  .regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不对')

/** Epoch milliseconds. Days, shifts and months are derived in Beijing time (see time/beijing.ts). */
export const TimestampSchema = z.number().int().nonnegative()

/** A point in GCJ-02, the datum every map inside China (and WeChat's location APIs) uses. */
export const GeoPointSchema = z.object({
  lat: z.number().min(-90, '纬度不对').max(90, '纬度不对'),
  lng: z.number().min(-180, '经度不对').max(180, '经度不对'),
  datum: z.literal('gcj02').default('gcj02'),
})
export type GeoPoint = z.infer<typeof GeoPointSchema>

export const PageInputSchema = z.object({
  page: z.number().int().min(1, '页码从 1 开始').max(10_000).default(1),
  pageSize: z.number().int().min(1).max(50, '每页最多 50 条').default(20),
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

/** Short human text: trimmed, non-empty, bounded. */
export function text(label: string, max: number, min = 1) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}最多 ${max} 个字`)
}
