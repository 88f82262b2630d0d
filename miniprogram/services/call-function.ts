import Taro from '@tarojs/taro'
import { z } from 'zod'
import type { Contract, InputOf, OutputOf } from '@shared/contract'
import { ErrorEnvelopeSchema } from '@shared/contract'
import { RequestIdSchema } from '@shared/common.schema'
import { CommonErrors } from '@shared/errors'
import { describeZodError, issuesOf } from '@shared/validation'
import {
  ConsoleClaimSchema,
  ConsoleTicketSchema,
  type ConsoleClaim,
  type ConsoleTicket,
} from '@shared/account/console-login'
import { API_BASE, CONSOLE_LOGIN, DEMO_LOGIN, H5_CLOUDBASE, IS_WEAPP } from './env'
import { getLang, t } from './i18n'
import { clearToken, getToken, setToken } from './session'
import type * as CloudbaseWeb from './cloudbase-web'

/**
 * The only module that talks to the backend. Inside WeChat it calls the cloud function through
 * `Taro.cloud.callFunction`; in a browser it POSTs the same body to the local host, or, in the H5 build for
 * CloudBase, calls the function through @cloudbase/js-sdk (services/cloudbase-web.ts). Either way the input
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

/**
 * Request ids this app instance has already sent (the last 200): sending one again says `retry`, so the server reads
 * its request record first and a replay costs a few reads (a first call skips that read). The outbox says so too for
 * an item it tried before the app was closed. Forgetting one costs only that: the server answers a replay without
 * the hint too.
 */
const sentIds: string[] = []
function retryFlag(requestId: string, sentBefore = false): { retry?: true } {
  if (sentIds.includes(requestId)) return { retry: true }
  if (sentBefore) {
    sentIds.push(requestId)
    if (sentIds.length > 200) sentIds.shift()
    return { retry: true }
  }
  sentIds.push(requestId)
  if (sentIds.length > 200) sentIds.shift()
  return {}
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
      : { action, data: parsedInput.data, requestId, lang, ...retryFlag(requestId) }

  let raw: unknown
  try {
    const early = IS_WEAPP || H5_CLOUDBASE ? null : takeEarly(contract.name, action, parsedInput.data, lang)
    raw =
      (early ? await early.catch(() => undefined) : undefined) ??
      (IS_WEAPP
        ? await viaCloud(contract.name, body)
        : H5_CLOUDBASE
          ? await viaWebCloud(contract.name, body)
          : await viaHttp(`/api/fn/${contract.name}`, body))
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
 * The read index.html started before the app's scripts arrived (config/first-load.ts: the signed-in person's
 * `account.getMe` on a first load), taken once by the first call that would send the very same request: same
 * function, action, input, language and session. A reply that did not come (no signal) is asked for again.
 */
interface EarlyRead {
  fn: string
  action: string
  token: string
  lang: string
  reply: Promise<unknown>
}

function takeEarly(fn: string, action: string, data: unknown, lang: string): Promise<unknown> | null {
  const holder = globalThis as { __linliEarly?: EarlyRead }
  const early = holder.__linliEarly
  if (!early || early.fn !== fn || early.action !== action) return null
  delete holder.__linliEarly
  const same = early.token === getToken() && early.lang === lang && JSON.stringify(data) === '{}'
  return same ? early.reply : null
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
  /** the outbox sent this item before (also before the app was closed): a retry, whatever this instance saw */
  sentBefore = false,
): Promise<CallResult<unknown>> {
  const lang = getLang()
  const body = { action, data, requestId, lang, ...retryFlag(requestId, sentBefore) }
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

/**
 * The js-sdk module, in the H5 build for CloudBase only: the condition is a build-time constant, so webpack drops
 * the import (and @cloudbase/js-sdk) from the mini-program and the demo.
 */
function webCloud(): Promise<typeof CloudbaseWeb> {
  if (process.env.TARO_ENV === 'h5' && LINLI_H5_BACKEND === 'cloudbase') return import('./cloudbase-web')
  return Promise.reject(new Error('the CloudBase web SDK is only in the H5 build for CloudBase'))
}

async function viaWebCloud(name: string, data: Record<string, unknown>): Promise<unknown> {
  return (await webCloud()).callCloud(name, data)
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
  if (H5_CLOUDBASE)
    void webCloud()
      .then((m) => m.signOutCloud())
      .catch(() => undefined)
  if (!CONSOLE_LOGIN || redirecting) return
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

// ---- console sign-in by scanning (扫码登录): the browser's half, before anyone is signed in there ----

/** A fresh one-time ticket to show as a QR code (the local host's /api/console-login, or the account function). */
export async function startConsoleLogin(): Promise<CallResult<ConsoleTicket>> {
  if (!CONSOLE_LOGIN) return failure(CommonErrors.NOT_FOUND.code, t('ui.demo_only'))
  const lang = getLang()
  try {
    let raw: unknown
    if (H5_CLOUDBASE) {
      // a new sign-in starts from no one: the browser's steps are answered only for an anonymous caller
      await (await webCloud()).signOutCloud().catch(() => undefined)
      raw = await viaWebCloud('account', { consoleLogin: 'start', userAgent: navigator.userAgent, lang })
    } else raw = await viaHttp('/api/console-login', { lang })
    return readEnvelope(raw, ConsoleTicketSchema) as CallResult<ConsoleTicket>
  } catch (error) {
    console.warn('[startConsoleLogin] transport failed', error)
    return failure(CommonErrors.NETWORK.code, CommonErrors.NETWORK.messageIn(lang))
  }
}

/**
 * Whether the ticket was confirmed on a phone; when it was, this browser is signed in as that official from now on
 * (the host's token kept like the demo's, or CloudBase's custom login).
 */
export async function claimConsoleLogin(
  ticket: Pick<ConsoleTicket, 'ticketId' | 'secret'>,
): Promise<CallResult<ConsoleClaim>> {
  const lang = getLang()
  const body = { ticketId: ticket.ticketId, secret: ticket.secret, lang }
  try {
    const raw = H5_CLOUDBASE
      ? await viaWebCloud('account', { consoleLogin: 'claim', ...body })
      : await viaHttp('/api/console-login/claim', body)
    const claim = readEnvelope(raw, ConsoleClaimSchema) as CallResult<ConsoleClaim>
    if (claim.ok && claim.data.status === 'signed_in') {
      if (claim.data.cloudTicket) {
        await (await webCloud()).signInWithTicket(claim.data.cloudTicket)
      } else if (claim.data.token) setToken(claim.data.token)
    }
    return claim
  } catch (error) {
    console.warn('[claimConsoleLogin] transport failed', error)
    return failure(CommonErrors.NETWORK.code, CommonErrors.NETWORK.messageIn(lang))
  }
}

/** Signs this browser out (the host's token, or CloudBase's login state); other devices stay signed in. */
export async function signOutHere(): Promise<void> {
  clearToken()
  if (H5_CLOUDBASE) await (await webCloud()).signOutCloud().catch(() => undefined)
}
