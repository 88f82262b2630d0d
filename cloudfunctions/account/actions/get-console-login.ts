import { accountContract } from '@shared/account/account.contract'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { consoleLoginView, loadConsoleLogin } from '../account.console-login'

/** What the official sees after scanning a console's QR: which browser asks, since when, until when. */
export const getConsoleLogin = defineAction(accountContract.actions.getConsoleLogin, {
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ input: { ticketId }, ctx }) => consoleLoginView(await loadConsoleLogin(ctx.db, ticketId), ctx.now),
})
