import { accountContract } from '@shared/account/account.contract'
import { defineAction } from '../../_core/wrap'
import { loadUnit } from '../account.repo'
import { exportRows } from '../account.roster'

/** The roster of a unit of the caller's scope, in the template's format (a round trip changes nothing). */
export const exportRoster = defineAction(accountContract.actions.exportRoster, {
  load: async ({ unitId }, ctx) => ({ unitId: (await loadUnit(ctx.rt, unitId))._id }),
  run: async ({ input: { kind, unitId, format }, ctx }) => exportRows(ctx.db, ctx.rt, kind, unitId, ctx.lang, format),
})
