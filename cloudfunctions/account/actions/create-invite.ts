import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { INVITE_CODE_ALPHABET, type Invite } from '@shared/account/account.schema'
import { canGrantRole } from '@shared/auth/access'
import { ROLES } from '@shared/auth/roles'
import { asGrants } from '../../_core/caller'
import { randomCode } from '../../_core/ids'
import { DuplicateKeyError } from '../../_core/port'
import { legacyAction } from '../../_core/wrap'

const HOUR = 3_600_000

export const createInvite = legacyAction(accountContract.actions.createInvite, {
  scope: async ({ unitId }) => unitId,
  run: async ({ role, unitId, validHours }, ctx) => {
    const unit = (await ctx.rt.units.get(unitId))!
    if (!canGrantRole(asGrants(ctx.caller.grants), role, unit.path)) throw AccountErrors.CANNOT_GRANT_ROLE()
    if (!ROLES[role].levels.includes(unit.level)) throw AccountErrors.ROLE_NOT_AT_LEVEL()
    const ref = (await ctx.rt.units.ref(unitId))!
    const invite: Invite = {
      _id: randomCode(INVITE_CODE_ALPHABET, 8),
      role,
      unitId,
      createdBy: ctx.caller.user._id,
      createdAt: ctx.now,
      expiresAt: ctx.now + validHours * HOUR,
      usedBy: null,
      usedAt: null,
    }
    try {
      return await ctx.transact(async (tx) => {
        await tx.insert('invites', invite)
        return { code: invite._id, role, roleLabel: ROLES[role].label, unit: ref, expiresAt: invite.expiresAt }
      })
    } catch (err) {
      // 32^8 codes make a clash vanishingly rare; if one happens the official simply tries again.
      if (err instanceof DuplicateKeyError && err.collection === 'invites')
        throw AccountErrors.INVITE_USED('请再试一次')
      throw err
    }
  },
})
