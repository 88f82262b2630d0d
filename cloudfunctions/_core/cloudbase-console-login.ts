import tcb from '@cloudbase/node-sdk'
import { z } from 'zod'
import {
  CONSOLE_SESSION_MS,
  summariseUserAgent,
  type ConsoleClaim,
  type ConsoleTicket,
} from '@shared/account/console-login'
import type { Envelope } from '@shared/contract'
import { CommonErrors, DomainError } from '@shared/errors'
import { DEFAULT_LANG, isLang, type Lang } from '@shared/i18n/i18n'
import type { PlatformContext } from './cloudbase-main'
import { claimConsoleLogin, startConsoleLogin } from './console-login'
import type { Runtime } from './runtime'

/** The account function's extra entry: answers a console sign-in step, or null for any other event. */
export type ConsoleLoginEntry = (
  rt: Runtime,
  event: unknown,
  platform: Partial<PlatformContext>,
) => Promise<Envelope<ConsoleTicket | ConsoleClaim> | null>

/** A browser's console sign-in step (the account function only, before anyone is signed in there). */
export type ConsoleLoginEvent = (
  { consoleLogin: 'start'; userAgent: string } | { consoleLogin: 'claim'; ticketId: string; secret: string }
) & { lang?: Lang }

export function consoleLoginEventOf(event: unknown): ConsoleLoginEvent | null {
  if (!event || typeof event !== 'object') return null
  const e = event as Record<string, unknown>
  const lang = isLang(e.lang) ? { lang: e.lang } : {}
  if (e.consoleLogin === 'start')
    return {
      consoleLogin: 'start',
      userAgent: typeof e.userAgent === 'string' ? e.userAgent.slice(0, 400) : '',
      ...lang,
    }
  if (e.consoleLogin === 'claim' && typeof e.ticketId === 'string' && typeof e.secret === 'string')
    return { consoleLogin: 'claim', ticketId: e.ticketId.slice(0, 64), secret: e.secret.slice(0, 64), ...lang }
  return null
}

const CustomLoginKeySchema = z.object({ private_key_id: z.string(), private_key: z.string(), env_id: z.string() })

/**
 * Starting and claiming a console sign-in on CloudBase. A claimed ticket becomes a CloudBase custom-login ticket
 * for `<userId>.<generation>`, signed with the environment's custom-login private key (CloudBase console → 身份认证
 * → 自定义登录 → 私钥, its JSON in LINLI_CUSTOM_LOGIN_KEY); the browser signs in with it through the js-sdk and its
 * calls then carry that user (identityOf). Without the key the console cannot be signed in to by scanning.
 */
export const cloudbaseConsoleLogin: ConsoleLoginEntry = async (rt, event, platform) => {
  const step = consoleLoginEventOf(event)
  return step ? consoleLogin(rt, step, platform) : null
}

export async function consoleLogin(
  rt: Runtime,
  event: ConsoleLoginEvent,
  platform: Partial<PlatformContext>,
): Promise<Envelope<ConsoleTicket | ConsoleClaim>> {
  const now = rt.clock.now()
  const lang = event.lang ?? DEFAULT_LANG
  try {
    if (event.consoleLogin === 'start') {
      // the browser describes itself; nobody is signed in by it, and the official reads it before deciding
      const browser = { summary: summariseUserAgent(event.userAgent), place: null }
      const source = platform.TCB_SOURCE_IP ?? platform.WX_CLIENTIP ?? null
      return { ok: true, data: await startConsoleLogin(rt.db, browser, now, source) }
    }
    const claim = await claimConsoleLogin(rt.db, event.ticketId, event.secret, now)
    if (claim.status !== 'signed_in') return { ok: true, data: { status: claim.status } }
    const key = CustomLoginKeySchema.parse(JSON.parse(process.env.LINLI_CUSTOM_LOGIN_KEY ?? 'null'))
    const signer = tcb.init({ env: key.env_id, credentials: key })
    const cloudTicket = signer
      .auth()
      .createTicket(`${claim.user._id}.${claim.sessionGen}`, { refresh: 3_600_000, expire: now + CONSOLE_SESSION_MS })
    return { ok: true, data: { status: 'signed_in', user: { id: claim.user._id, name: claim.user.name }, cloudTicket } }
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, code: err.code, message: err.messageIn(lang) }
    rt.log.error('console sign-in failed', { env: platform.TCB_ENV ?? null, error: String(err) })
    return { ok: false, code: CommonErrors.INTERNAL.code, message: CommonErrors.INTERNAL.messageIn(lang) }
  }
}
