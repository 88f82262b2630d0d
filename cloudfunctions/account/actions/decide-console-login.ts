import { AccountErrors, accountContract } from '@shared/account/account.contract'
import { stateAt } from '@shared/account/console-login'
import { C } from '../../_core/collections'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { consoleLoginView, loadConsoleLogin } from '../account.console-login'

/**
 * The official confirms (the browser may then claim one session as them) or denies a waiting ticket. A ticket is
 * decided once; one past its time cannot be confirmed.
 */
export const decideConsoleLogin = defineAction(accountContract.actions.decideConsoleLogin, {
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ input: { ticketId, approve }, tx, ctx }) => {
    const t = await loadConsoleLogin(tx, ticketId)
    const state = stateAt(t, ctx.now)
    if (state === 'expired') throw AccountErrors.CONSOLE_TICKET_EXPIRED()
    if (state !== 'waiting') throw AccountErrors.CONSOLE_TICKET_DECIDED()
    await tx.update(C.console_logins, t._id, {
      status: approve ? 'confirmed' : 'denied',
      userId: ctx.caller.user._id,
      decidedAt: ctx.now,
    })
    return { ticketId: t._id }
  },
  present: async ({ result, ctx }) => consoleLoginView(await loadConsoleLogin(ctx.db, result.ticketId), ctx.now),
})
