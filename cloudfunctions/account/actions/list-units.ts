import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { defineAction } from '../../_core/wrap'
import { unitSummary } from '../account.views'

/** The public tree, for picking where one lives; departments are not places to live. */
export const listUnits = defineAction(accountContract.actions.listUnits, {
  load: async ({ parentId }, ctx) => {
    const parent = parentId ? await ctx.rt.units.ref(parentId) : null
    if (parentId && !parent) throw AccountErrors.UNIT_NOT_FOUND()
    return { parent }
  },
  run: async ({ input, loaded, ctx }) => {
    const children = (await ctx.rt.units.children(input.parentId)).filter(
      (u) => u.level !== 'department' && !u.retiredAt,
    )
    return { parent: loaded.parent, items: await Promise.all(children.map((u) => unitSummary(ctx.rt, u))) }
  },
})
