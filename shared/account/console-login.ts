import { z } from 'zod'
import { IdSchema, TimestampSchema } from '../common.schema'

/**
 * Signing in to the officials' console (扫码登录): a browser asks for a one-time ticket and shows it as a QR
 * code; an official who is signed in on the phone scans it, sees which browser is asking and confirms or denies;
 * the browser, which alone holds the ticket's secret, then claims a session for that official, once. The QR
 * carries the ticket's id only, so a photo of the screen lets nobody in.
 */

/** How long a ticket waits to be scanned and confirmed; a page keeps asking for a fresh one after that. */
export const CONSOLE_TICKET_MS = 3 * 60_000
/** How long a console session lasts (a working day); signing out everywhere ends it sooner. */
export const CONSOLE_SESSION_MS = 12 * 3_600_000

export const CONSOLE_LOGIN_STATUSES = ['waiting', 'confirmed', 'denied', 'used'] as const
export type ConsoleLoginStatus = (typeof CONSOLE_LOGIN_STATUSES)[number]

/** What the browser told about itself when it asked, summarised for the official who decides. */
export const BrowserInfoSchema = z.object({
  /** e.g. "Chrome 120 · Windows" */
  summary: z.string().max(80),
  /** an approximate place when the platform knows one (a city); null when it does not */
  place: z.string().max(40).nullable(),
})
export type BrowserInfo = z.infer<typeof BrowserInfoSchema>

/** One ticket (collection `console_logins`); `_id` is random, `secretHash` the browser's secret hashed. */
export const ConsoleLoginSchema = z.object({
  _id: IdSchema,
  secretHash: z.string(),
  status: z.enum(CONSOLE_LOGIN_STATUSES),
  browser: BrowserInfoSchema,
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  /** the official who confirmed or denied, and when */
  userId: IdSchema.nullable(),
  decidedAt: TimestampSchema.nullable(),
  usedAt: TimestampSchema.nullable(),
})
export type ConsoleLogin = z.infer<typeof ConsoleLoginSchema>

/** The state a ticket is in at `now`: a waiting or confirmed ticket past its time has expired. */
export function stateAt(t: Pick<ConsoleLogin, 'status' | 'expiresAt'>, now: number): ConsoleLoginStatus | 'expired' {
  if ((t.status === 'waiting' || t.status === 'confirmed') && now >= t.expiresAt) return 'expired'
  return t.status
}

const PREFIX = 'LLCL1'
export function consoleLoginQr(ticketId: string): string {
  return `${PREFIX}.${ticketId}`
}
/** The ticket id in a scanned console-login QR, or null for any other code. */
export function parseConsoleLoginQr(text: string): string | null {
  const m = /^LLCL1\.([A-Za-z0-9_]{8,64})$/.exec(text.trim())
  return m ? (m[1] as string) : null
}

/** "Chrome 120 · Windows" from a User-Agent header: the browser and the system, never the whole string. */
export function summariseUserAgent(ua: string): string {
  const browsers: Array<[RegExp, string]> = [
    [/MicroMessenger\/([\d]+)/, 'WeChat'],
    [/Edg\/([\d]+)/, 'Edge'],
    [/OPR\/([\d]+)/, 'Opera'],
    [/(?:Chrome|CriOS)\/([\d]+)/, 'Chrome'],
    [/(?:Firefox|FxiOS)\/([\d]+)/, 'Firefox'],
    [/Version\/([\d]+)[\d.]* .*Safari\//, 'Safari'],
  ]
  const systems: Array<[RegExp, string]> = [
    [/Windows NT/, 'Windows'],
    [/iPhone|iPad/, 'iOS'],
    [/Mac OS X/, 'macOS'],
    [/Android/, 'Android'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ]
  let browser = ''
  for (const [re, name] of browsers) {
    const m = re.exec(ua)
    if (m) {
      browser = `${name} ${m[1]}`
      break
    }
  }
  const system = systems.find(([re]) => re.test(ua))?.[1] ?? ''
  const out = [browser, system].filter(Boolean).join(' · ')
  return out || ua.replace(/[^\x20-\x7e]/g, '').slice(0, 40) || '?'
}

// ---- the account function's actions on the phone side, and what the browser is told ----

export const ConsoleTicketInputSchema = z.object({ ticketId: z.string().regex(/^[A-Za-z0-9_]{8,64}$/) })
export const DecideConsoleLoginInputSchema = ConsoleTicketInputSchema.extend({ approve: z.boolean() })

export const ConsoleLoginViewSchema = z.object({
  ticketId: z.string(),
  status: z.enum([...CONSOLE_LOGIN_STATUSES, 'expired']),
  browser: BrowserInfoSchema,
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
})
export type ConsoleLoginView = z.infer<typeof ConsoleLoginViewSchema>

export const SignOutEverywhereOutputSchema = z.object({ sessionGen: z.number().int().min(0) })

/** The browser's ticket (its secret stays in the page that asked). */
export const ConsoleTicketSchema = z.object({
  ticketId: z.string(),
  secret: z.string(),
  payload: z.string(),
  qrDataUrl: z.string(),
  expiresAt: TimestampSchema,
})
export type ConsoleTicket = z.infer<typeof ConsoleTicketSchema>

/**
 * What claiming answers: still waiting, refused, expired or already used; or, once, the session — a local host's
 * signed token, or a CloudBase custom-login ticket for `auth.customAuthProvider().signIn`.
 */
export const ConsoleClaimSchema = z.discriminatedUnion('status', [
  z.object({ status: z.enum(['waiting', 'denied', 'expired', 'used']) }),
  z.object({
    status: z.literal('signed_in'),
    user: z.object({ id: z.string(), name: z.string() }),
    token: z.string().optional(),
    cloudTicket: z.string().optional(),
  }),
])
export type ConsoleClaim = z.infer<typeof ConsoleClaimSchema>
