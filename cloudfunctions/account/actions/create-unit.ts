import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { levelLabel } from '@shared/account/account.messages'
import { checkCode, PARENT_LEVELS } from '@shared/account/account.rules'
import type { Unit } from '@shared/account/account.schema'
import { audit } from '../../_core/audit'
import { C } from '../../_core/collections'
import { stableId } from '../../_core/ids'
import { DuplicateKeyError } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { loadLiveUnit } from '../account.repo'
import { orgUnitView, unitSnapshot } from '../account.org'

/**
 * A county admin or dispatcher adds a township (street), village (community), grid (village group) or department
 * below a unit of their scope. A unit with a statistical code is kept under it (the id the rest of the system
 * already uses for seeded units); one without gets an id from its parent and name, so the same request made twice
 * (or two admins adding the same village at once) makes one unit.
 */
export const createUnit = defineAction(accountContract.actions.createUnit, {
  texts: ({ name }) => [name],
  load: async ({ parentId, name }, ctx) => {
    const parent = await loadLiveUnit(ctx.rt, parentId)
    const siblings = await ctx.db.find(C.units, { where: { parentId, name }, limit: 1 })
    return { unitId: parent._id, parent, clash: siblings.length > 0 }
  },
  run: async ({ input: { level, name, statCode, kind }, loaded: { parent, clash }, ctx, tx }) => {
    if (!(PARENT_LEVELS[level] as readonly string[]).includes(parent.level)) throw AccountErrors.LEVEL_NOT_HERE()
    if (clash) throw AccountErrors.NAME_TAKEN()
    let code: string | null = null
    if (statCode) {
      const checked = checkCode(level, statCode, parent.code ?? (/^\d+$/.test(parent._id) ? parent._id : null))
      if (!checked.ok)
        throw AccountErrors.BAD_CODE({
          level: levelLabel(level, ctx.lang),
          digits: checked.digits,
          prefix: checked.prefix,
        })
      code = checked.code
    }
    const id = code ?? stableId('u', parent._id, level, name).slice(0, 26)
    const unit: Unit = {
      _id: id,
      name,
      level,
      parentId: parent._id,
      path: [...parent.path, id],
      kind: level === 'village' ? (kind ?? 'rural') : null,
      code,
      retiredAt: null,
    }
    try {
      await tx.insert(C.units, unit)
    } catch (err) {
      if (err instanceof DuplicateKeyError && err.collection === C.units)
        throw code ? AccountErrors.CODE_TAKEN() : AccountErrors.NAME_TAKEN()
      throw err
    }
    await audit(tx, ctx, { what: 'unit.create', unitId: parent._id, subjectId: id, after: unitSnapshot(unit) })
    return { id }
  },
  present: async ({ result, ctx }) => {
    ctx.rt.units.invalidate()
    return orgUnitView(ctx.rt, (await ctx.db.get(C.units, result.id))!)
  },
})
