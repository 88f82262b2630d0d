import { AccountErrors } from '@shared/account/account.contract'
import { stateAt, type ConsoleLogin, type ConsoleLoginView } from '@shared/account/console-login'
import { C } from '../_core/collections'
import { getOr, type DataPort, type TxStore } from '../_core/port'

/** A console sign-in ticket by id, or the error a phone shows for a QR that is wrong or gone. */
export const loadConsoleLogin = (db: Pick<DataPort, 'get'> | TxStore, ticketId: string): Promise<ConsoleLogin> =>
  getOr(db, C.console_logins, ticketId, AccountErrors.CONSOLE_TICKET_NOT_FOUND)

export function consoleLoginView(t: ConsoleLogin, now: number): ConsoleLoginView {
  return {
    ticketId: t._id,
    status: stateAt(t, now),
    browser: t.browser,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
  }
}
