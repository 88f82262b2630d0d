import { z } from 'zod'
import type { Permission } from './auth/permissions'
import { RequestIdSchema } from './common.schema'
import { LANGS } from './i18n/i18n'

/**
 * One action of a cloud function: its input and output schemas (checked on both halves), whether it
 * writes (then a requestId is required and a repeat returns the first result), and the permission it
 * needs in the unit it targets. `permission: null` means any signed-in caller; the action itself
 * then checks ownership (my own report, my own household).
 */
export interface ActionDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  W extends boolean = boolean,
> {
  summary: string
  input: I
  output: O
  /** a write runs in one transaction with the request record; a read never writes */
  write: W
  permission: Permission | null
}

export interface Contract<N extends string = string, A extends Record<string, ActionDef> = Record<string, ActionDef>> {
  name: N
  title: string
  actions: A
}

export function action<I extends z.ZodType, O extends z.ZodType, const W extends boolean>(
  def: ActionDef<I, O, W>,
): ActionDef<I, O, W> {
  return def
}

export function defineContract<const N extends string, A extends Record<string, ActionDef>>(
  name: N,
  title: string,
  actions: A,
): Contract<N, A> {
  return { name, title, actions }
}

export type InputOf<C extends Contract, K extends keyof C['actions']> = z.input<C['actions'][K]['input']>
export type OutputOf<C extends Contract, K extends keyof C['actions']> = z.output<C['actions'][K]['output']>

/** What the mini-program passes to callFunction and the local host takes as the POST body. */
export const CallBodySchema = z.object({
  action: z.string().min(1).max(64),
  data: z.unknown().optional(),
  requestId: RequestIdSchema.optional(),
  /**
   * The client sent this write's request id before (a retry): the server then reads the request record first, so
   * a replay costs a few reads. Only a cost hint: a replay without it is still answered with the first result.
   */
  retry: z.literal(true).optional(),
  /** the language the person is reading the app in: replies (errors, labels) come back in it */
  lang: z.enum(LANGS).optional(),
})

export const ErrorEnvelopeSchema = z.object({
  ok: z.literal(false),
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
})
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>
export type Envelope<T> = { ok: true; data: T } | ErrorEnvelope

/** Largest call body accepted (photos travel through storage, never inside a call). */
export const MAX_CALL_BYTES = 256 * 1024
/**
 * Deepest nesting of objects and arrays a call body may have, and the most values it may hold (the deepest
 * contract input is about 6 levels; a body nested thousands deep overflows the stack of whatever walks it).
 */
export const MAX_CALL_DEPTH = 32
export const MAX_CALL_NODES = 20_000
