import { createHash, timingSafeEqual } from 'node:crypto'
import { AccountErrors } from '@shared/account/account.contract'
import {
  CONSOLE_TICKET_MS,
  consoleLoginQr,
  stateAt,
  type BrowserInfo,
  type ConsoleLogin,
  type ConsoleTicket,
} from '@shared/account/console-login'
import type { User } from '@shared/account/account.schema'
import { C } from './collections'
import { BASE62 } from './signing'
import { newId, randomCode } from './ids'
import type { DataPort } from './port'
import { qrPng } from './qr'
import { takePlace } from './rate-limit'

/**
 * The browser's half of console sign-in (扫码登录), before anyone is signed in there: asking for a ticket and
 * claiming the session it was confirmed for. The phone's half (seeing the ticket, confirming or denying it) is the
 * account function's `getConsoleLogin` / `decideConsoleLogin`. Each entry issues its own credential for a
 * claimed ticket: the local host its signed session, CloudBase a custom-login ticket.
 */

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex')

/**
 * Tickets one address may ask for in a minute: every opening of the sign-in page asks for one and renews it every
 * few minutes, and a county office's computers may all share one address; a script asking without end is held to
 * this.
 */
export const CONSOLE_TICKETS_A_MINUTE = 60

/**
 * A new ticket for a browser, at most CONSOLE_TICKETS_A_MINUTE a minute from one address (`source`: the host's
 * peer address, CloudBase's TCB_SOURCE_IP; one shared count where there is none): anyone may ask before signing in,
 * and each ticket is a document and a QR image made.
 */
export async function startConsoleLogin(
  db: DataPort,
  browser: BrowserInfo,
  now: number,
  source: string | null = null,
): Promise<ConsoleTicket> {
  if (!(await takePlace(db, 'console-login', source || '-', CONSOLE_TICKETS_A_MINUTE, 60_000, now)))
    throw AccountErrors.CONSOLE_TICKETS_TOO_MANY()
  const secret = randomCode(BASE62, 32)
  const ticket: ConsoleLogin = {
    _id: newId('cl', now),
    secretHash: hash(secret),
    status: 'waiting',
    browser,
    createdAt: now,
    expiresAt: now + CONSOLE_TICKET_MS,
    userId: null,
    decidedAt: null,
    usedAt: null,
  }
  await db.insert(C.console_logins, ticket)
  const payload = consoleLoginQr(ticket._id)
  return { ticketId: ticket._id, secret, payload, qrDataUrl: await qrPng(payload, 360), expiresAt: ticket.expiresAt }
}

export type ClaimOutcome =
  { status: 'waiting' | 'denied' | 'expired' | 'used' } | { status: 'signed_in'; user: User; sessionGen: number }

/**
 * The browser asks whether its ticket was confirmed. Only with the ticket's secret (otherwise: not found, as
 * for a ticket that does not exist); a confirmed ticket gives its session once, in the transaction that marks it
 * used, so two claims at once sign in one browser.
 */
export async function claimConsoleLogin(
  db: DataPort,
  ticketId: string,
  secret: string,
  now: number,
): Promise<ClaimOutcome> {
  return db.transaction(async (tx) => {
    const t = await tx.get(C.console_logins, ticketId)
    const given = Buffer.from(hash(secret))
    if (!t || given.length !== t.secretHash.length || !timingSafeEqual(given, Buffer.from(t.secretHash)))
      throw AccountErrors.CONSOLE_TICKET_NOT_FOUND()
    const state = stateAt(t, now)
    if (state !== 'confirmed') return { status: state }
    const user = t.userId ? await tx.get(C.users, t.userId) : null
    if (!user) return { status: 'denied' }
    await tx.update(C.console_logins, t._id, { status: 'used', usedAt: now })
    return { status: 'signed_in', user, sessionGen: user.sessionGen ?? 0 }
  })
}
