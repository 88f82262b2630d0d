import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { levelLabel } from '@shared/account/account.messages'
import { checkCode, PARENT_LEVELS } from '@shared/account/account.rules'
import type { Unit } from '@shared/account/account.schema'
import { audit } from '../../_core/audit'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { countyOf, loadLiveUnit, loadUnit, subtreeOf } from '../account.repo'
import { orgUnitView, unitSnapshot } from '../account.org'

/** A move rewrites the path of every unit below, in one transaction: a village with its grids, not a county. */
const MAX_MOVED = 200

/**
 * Renames, recodes, moves or retires a unit of the caller's scope (counties and above are the province's).
 * A retired unit keeps its id, its history and its cases; it only leaves the pickers and takes no new residents
 * or roles. A move stays inside the county and under a unit of the right level, and the caller must manage both
 * the old and the new parent. A grid with households does not change village (the households belong to the
 * village too): its households are moved by importing them into the new grid.
 */
export const updateUnit = defineAction(accountContract.actions.updateUnit, {
  texts: ({ name }) => [name],
  load: async ({ unitId, parentId, name, retire }, ctx) => {
    const unit = await loadUnit(ctx.rt, unitId)
    const target = parentId && parentId !== unit.parentId ? await loadLiveUnit(ctx.rt, parentId) : null
    const below = target ? await subtreeOf(ctx.rt, unit._id, MAX_MOVED) : []
    const liveChildren = retire ? (await ctx.rt.units.children(unit._id)).filter((c) => !c.retiredAt) : []
    const households = target && unit.level === 'grid' ? await ctx.db.count(C.households, { gridId: unit._id }) : 0
    const clash =
      name && name !== unit.name
        ? (await ctx.db.find(C.units, { where: { parentId: target?._id ?? unit.parentId, name }, limit: 1 })).length > 0
        : false
    return { unitId: unit._id, unit, target, below, liveChildren, households, clash }
  },
  run: async ({ input, loaded: { unit, target, below, liveChildren, households, clash }, ctx, tx }) => {
    if (unit.level === 'prefecture' || unit.level === 'county') throw AccountErrors.CANNOT_MOVE_THERE()
    const now = await tx.get(C.units, unit._id)
    if (!now) throw AccountErrors.UNIT_NOT_FOUND()
    if (now.retiredAt) throw AccountErrors.UNIT_RETIRED()
    if (clash) throw AccountErrors.NAME_TAKEN()
    const patch: Partial<Unit> = {}
    if (input.name && input.name !== now.name) patch.name = input.name
    if (input.statCode) {
      const parent = await ctx.rt.units.get(now.parentId ?? '')
      const checked = checkCode(
        now.level,
        input.statCode,
        parent?.code ?? (parent && /^\d+$/.test(parent._id) ? parent._id : null),
      )
      if (!checked.ok)
        throw AccountErrors.BAD_CODE({
          level: levelLabel(now.level, ctx.lang),
          digits: checked.digits,
          prefix: checked.prefix,
        })
      if (checked.code !== now.code) patch.code = checked.code
    }
    if (target) {
      if (below === null) throw AccountErrors.TREE_TOO_BIG({ max: MAX_MOVED })
      const [from, to] = await Promise.all([countyOf(ctx.rt, now), countyOf(ctx.rt, target)])
      const fits = (PARENT_LEVELS[now.level as keyof typeof PARENT_LEVELS] as readonly string[]).includes(target.level)
      if (!fits || !from || from._id !== to?._id || target.path.includes(now._id))
        throw AccountErrors.CANNOT_MOVE_THERE()
      if (!(await ctx.can('unit_manage', target._id))) throw AccountErrors.CANNOT_MOVE_THERE()
      if (households > 0) throw AccountErrors.GRID_HAS_HOUSEHOLDS()
      patch.parentId = target._id
      patch.path = [...target.path, now._id]
      // everything below follows: its path from the moved unit down stays, the part above is the new parent's
      for (const u of below) {
        const at = u.path.indexOf(now._id)
        await tx.update(C.units, u._id, { path: [...patch.path, ...u.path.slice(at + 1)] })
      }
    }
    if (input.retire) {
      if (liveChildren.length) throw AccountErrors.HAS_ACTIVE_CHILDREN()
      patch.retiredAt = ctx.now
    }
    if (!Object.keys(patch).length) return { id: now._id }
    await tx.update(C.units, now._id, patch)
    const after = { ...now, ...patch }
    const what = input.retire ? 'unit.retire' : target ? 'unit.move' : patch.name ? 'unit.rename' : 'unit.code'
    await audit(tx, ctx, {
      what,
      unitId: now._id,
      subjectId: now._id,
      before: unitSnapshot(now),
      after: unitSnapshot(after),
    })
    return { id: now._id }
  },
  present: async ({ result, ctx }) => {
    ctx.rt.units.invalidate()
    return orgUnitView(ctx.rt, (await ctx.db.get(C.units, result.id))!)
  },
})
