import { accountContract } from '@shared/account/account.contract'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { loadUnit } from '../account.repo'
import { orgUnitView } from '../account.org'

/**
 * 组织架构: a unit of the caller's scope and the units right below it (retired ones too, marked), with their people
 * counts. Without a unit: the roots of the caller's scope.
 */
export const getOrgTree = defineAction(accountContract.actions.getOrgTree, {
  load: async ({ unitId }, ctx) => (unitId ? { unitId: (await loadUnit(ctx.rt, unitId))._id } : { unitId: ANYWHERE }),
  run: async ({ input: { unitId }, ctx }) => {
    if (!unitId) {
      const roots = await Promise.all(ctx.scopeRoots('member_list').map((id) => ctx.rt.units.get(id)))
      const children = await Promise.all(roots.filter((u) => u !== null).map((u) => orgUnitView(ctx.rt, u)))
      return { unit: null, children, canManage: false }
    }
    const unit = (await ctx.rt.units.get(unitId))!
    const children = await ctx.rt.units.children(unitId)
    return {
      unit: await orgUnitView(ctx.rt, unit),
      children: await Promise.all(children.map((u) => orgUnitView(ctx.rt, u))),
      canManage: await ctx.can('unit_manage', unitId),
    }
  },
})
