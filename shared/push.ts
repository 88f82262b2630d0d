import { z } from 'zod'
import { IdSchema, PageInputSchema, TimestampSchema, pageOf } from './common.schema'

/**
 * What became of each WeChat subscribe message the functions sent (collection `push_records`), so an admin can
 * see why messages do not arrive: the template is not configured, people have not agreed, or WeChat refused it.
 */
export const PUSH_STATUSES = ['sent', 'refused', 'failed', 'skipped'] as const

/** How long a push's record is kept (the account function's daily `tidy` timer removes older ones): 90 days. */
export const PUSH_RECORD_DAYS = 90
export type PushStatus = (typeof PUSH_STATUSES)[number]

export const PushRecordSchema = z.object({
  _id: IdSchema,
  userId: IdSchema,
  /** the message's title as sent (in the recipient's language) */
  title: z.string(),
  status: z.enum(PUSH_STATUSES),
  /** WeChat's error code when it refused or failed */
  errcode: z.number().int().nullable(),
  /** why it was skipped (`no_template`, `no_openid`) or what failed */
  reason: z.string().nullable(),
  at: TimestampSchema,
})
export type PushRecord = z.infer<typeof PushRecordSchema>

export const ListPushRecordsInputSchema = PageInputSchema.extend({ status: z.enum(PUSH_STATUSES).optional() })
export const PushRecordViewSchema = z.object({
  id: IdSchema,
  userName: z.string(),
  title: z.string(),
  status: z.enum(PUSH_STATUSES),
  statusLabel: z.string(),
  errcode: z.number().int().nullable(),
  reason: z.string().nullable(),
  at: TimestampSchema,
})
export type PushRecordView = z.infer<typeof PushRecordViewSchema>
export const ListPushRecordsOutputSchema = pageOf(PushRecordViewSchema)
