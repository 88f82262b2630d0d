import Taro from '@tarojs/taro'
import { z } from 'zod'
import type { Contract, InputOf, OutputOf } from '@shared/contract'
import { ErrorEnvelopeSchema } from '@shared/contract'
import { RequestIdSchema } from '@shared/common.schema'
import { CommonErrors } from '@shared/errors'
import { describeZodError, issuesOf } from '@shared/validation'
import { API_BASE, DEMO_LOGIN, IS_WEAPP } from './env'
import { getLang, t } from './i18n'
import { clearToken, getToken } from './session'

/**
 * The only module that talks to the backend. Inside WeChat it calls the cloud function through
 * `Taro.cloud.callFunction`; in a browser it POSTs the same body to the local host. Either way the input
 * is checked against the contract before it leaves and the reply against the contract when it returns,
 * so a page only ever sees data of the contract's output type or a Chinese message it can show.
 */

export interface CallFailure {
  ok: false
  code: string
  message: string
  details?: unknown
}
export type CallResult<T> = { ok: true; data: T } | CallFailure

/** A failed call as an exception, for code that prefers try/catch (see `unwrap`). */
export class CallError extends Error {
  readonly code: string
  readonly details?: unknown
  constructor(failure: CallFailure) {
    super(failure.message)
    this.name = 'CallError'
    this.code = failure.code
    this.details = failure.details
  }
}

export function unwrap<T>(result: CallResult<T>): T {
  if (result.ok) return result.data
  throw new CallError(result)
}

/** The message to show for anything a call or page code threw. */
export function messageOf(error: unknown): string {
  if (error instanceof CallError) return error.message
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message || CommonErrors.INTERNAL.messageIn(getLang())
  }
  return CommonErrors.INTERNAL.messageIn(getLang())
}

/** Per-field messages of a failed input check (`COMMON.BAD_INPUT`), to show under each field. */
export function fieldErrors(result: CallFailure): Record<string, string> {
  const out: Record<string, string> = {}
  if (result.code !== CommonErrors.BAD_INPUT.code || !Array.isArray(result.details)) return out
  for (const issue of result.details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof issue.path === 'string' && typeof issue.message === 'string' && !(issue.path in out))
      out[issue.path] = issue.message
  }
  return out
}

export interface CallOptions {
  /** For writes: reuse the id of a failed attempt when retrying, so the server does the write at most once. */
  requestId?: string
}

let counter = 0
/** A fresh request id for one write (time + counter + randomness: unique per device without crypto APIs). */
export function newRequestId(): string {
  counter = (counter + 1) % 1296
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')
  return `r${Date.now().toString(36)}${counter.toString(36).padStart(2, '0')}${random}`
}

const failure = (code: string, message: string, details?: unknown): CallFailure =>
  details === undefined ? { ok: false, code, message } : { ok: false, code, message, details }

const AUTH_LOST = new Set([CommonErrors.UNAUTHENTICATED.code, CommonErrors.SESSION_EXPIRED.code])

const SuccessEnvelopeSchema = z.object({ ok: z.literal(true), data: z.unknown() })

export async function callFunction<C extends Contract, K extends keyof C['actions'] & string>(
  contract: C,
  action: K,
  input: InputOf<C, K>,
  options: CallOptions = {},
): Promise<CallResult<OutputOf<C, K>>> {
  const def = contract.actions[action]
  const lang = getLang()
  if (!def) return failure(CommonErrors.UNKNOWN_ACTION.code, CommonErrors.UNKNOWN_ACTION.messageIn(lang))

  const parsedInput = def.input.safeParse(input)
  if (!parsedInput.success) {
    return failure(
      CommonErrors.BAD_INPUT.code,
      describeZodError(parsedInput.error, lang, contract.name),
      issuesOf(parsedInput.error, lang, contract.name),
    )
  }

  let requestId: string | undefined
  if (def.write) {
    requestId = options.requestId ?? newRequestId()
    if (!RequestIdSchema.safeParse(requestId).success) {
      return failure(CommonErrors.REQUEST_ID_REQUIRED.code, CommonErrors.REQUEST_ID_REQUIRED.messageIn(lang))
    }
  }
  // the language rides along so that replies (errors, labels) come back in what the person reads
  const body =
    requestId === undefined
      ? { action, data: parsedInput.data, lang }
      : { action, data: parsedInput.data, requestId, lang }

  let raw: unknown
  try {
    raw = IS_WEAPP ? await viaCloud(contract.name, body) : await viaHttp(`/api/fn/${contract.name}`, body)
  } catch (error) {
    console.warn('[callFunction] transport failed', contract.name, action, error)
    return failure(CommonErrors.NETWORK.code, CommonErrors.NETWORK.messageIn(lang))
  }

  const result = readEnvelope(raw, def.output) as CallResult<OutputOf<C, K>>
  if (!result.ok) {
    if (!IS_WEAPP && AUTH_LOST.has(result.code)) onAuthLost()
    if (result.code === BAD_REPLY)
      console.warn('[callFunction] reply does not match the contract', contract.name, action, result.details)
  }
  return result
}

/**
 * A write the outbox sends later (services/outbox.ts): its input was checked against the contract when it was
 * queued, so here only the transport and the envelope; the page that shows the answer reads it with its schema.
 */
export async function callQueued(
  name: string,
  action: string,
  data: Record<string, unknown>,
  requestId: string,
): Promise<CallResult<unknown>> {
  const lang = getLang()
  const body = { action, data, requestId, lang }
  let raw: unknown
  try {
    raw = IS_WEAPP ? await viaCloud(name, body) : await viaHttp(`/api/fn/${name}`, body)
  } catch {
    return failure(CommonErrors.NETWORK.code, CommonErrors.NETWORK.messageIn(lang))
  }
  const result = readEnvelope(raw, z.unknown())
  if (!result.ok && !IS_WEAPP && AUTH_LOST.has(result.code)) onAuthLost()
  return result
}

const BAD_REPLY = CommonErrors.INTERNAL.code
const badReply = () => CommonErrors.BAD_REPLY.messageIn(getLang())

function readEnvelope(raw: unknown, output: z.ZodType): CallResult<unknown> {
  const success = SuccessEnvelopeSchema.safeParse(raw)
  if (success.success) {
    const data = output.safeParse(success.data.data)
    return data.success
      ? { ok: true, data: data.data }
      : failure(BAD_REPLY, badReply(), issuesOf(data.error, getLang()))
  }
  const error = ErrorEnvelopeSchema.safeParse(raw)
  if (error.success) return failure(error.data.code, error.data.message, error.data.details)
  return failure(BAD_REPLY, badReply())
}

async function viaCloud(name: string, data: Record<string, unknown>): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name, data })
  return res.result
}

async function viaHttp(path: string, body?: unknown): Promise<unknown> {
  const token = getToken()
  const header: Record<string, string> = { 'content-type': 'application/json' }
  if (token) header.Authorization = `Bearer ${token}`
  const res = await Taro.request({
    url: `${API_BASE}${path}`,
    method: body === undefined ? 'GET' : 'POST',
    header,
    data: body,
    dataType: 'json',
  })
  // Error envelopes come with 4xx/5xx statuses; the body says what went wrong, so read it regardless.
  if (typeof res.data === 'string') {
    try {
      return JSON.parse(res.data) as unknown
    } catch {
      throw new Error(`HTTP ${res.statusCode}: not JSON`)
    }
  }
  return res.data
}

let redirecting = false
function onAuthLost(): void {
  clearToken()
  if (!DEMO_LOGIN || redirecting) return
  redirecting = true
  void Taro.reLaunch({ url: '/pages/login/index' }).finally(() => {
    redirecting = false
  })
}

// ---- demo login (local host only; not a cloud function, so not in a contract) ----

export const DevUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.object({ role: z.string(), roleLabel: z.string(), unitName: z.string() })),
})
export type DevUser = z.infer<typeof DevUserSchema>
const DevUsersSchema = z.object({ users: z.array(DevUserSchema) })
const DevLoginSchema = z.object({ token: z.string().min(1) })

async function devCall<T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<CallResult<T>> {
  if (!DEMO_LOGIN) return failure(CommonErrors.NOT_FOUND.code, t('ui.demo_only'))
  try {
    return readEnvelope(await viaHttp(path, body), schema) as CallResult<T>
  } catch (error) {
    console.warn('[devCall] transport failed', path, error)
    return failure(CommonErrors.NETWORK.code, CommonErrors.NETWORK.message)
  }
}

export function listDevUsers(): Promise<CallResult<DevUser[]>> {
  return devCall('/api/dev/users', DevUsersSchema).then((r) => (r.ok ? { ok: true, data: r.data.users } : r))
}

export function devLogin(userId: string): Promise<CallResult<{ token: string }>> {
  return devCall('/api/dev/login', DevLoginSchema, { userId })
}
