import { accountContract } from '@shared/account/account.contract'
import { AccountErrors } from '@shared/account/account.contract'
import { legacyAction } from '../../_core/wrap'

/** The public tree, for picking where one lives; departments are not places to live. */
export const listUnits = legacyAction(accountContract.actions.listUnits, {
  run: async ({ parentId }, ctx) => {
    const parent = parentId ? await ctx.rt.units.ref(parentId) : null
    if (parentId && !parent) throw AccountErrors.UNIT_NOT_FOUND()
    const children = (await ctx.rt.units.children(parentId)).filter((u) => u.level !== 'department')
    const items = await Promise.all(
      children.map(async (u) => {
        const ref = await ctx.rt.units.ref(u._id)
        const hasChildren = u.level !== 'grid' && (await ctx.db.count('units', { parentId: u._id })) > 0
        return { ...ref!, hasChildren }
      }),
    )
    return { parent, items }
  },
})
