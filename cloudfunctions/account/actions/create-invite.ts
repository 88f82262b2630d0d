import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { canGrantRole } from '@shared/auth/access'
import { ROLES } from '@shared/auth/roles'
import { asGrants } from '../../_core/caller'
import { C } from '../../_core/collections'
import { DuplicateKeyError } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { loadInvite, loadLiveUnit, newInviteCode } from '../account.repo'
import { inviteView } from '../account.views'
import { audit } from '../../_core/audit'

const HOUR = 3_600_000

/** An official hands out a role in a unit of their scope by a one-time code that expires. */
export const createInvite = defineAction(accountContract.actions.createInvite, {
  load: async ({ unitId }, ctx) => ({ unitId, unit: await loadLiveUnit(ctx.rt, unitId) }),
  run: async ({ input: { role, validHours }, loaded: { unit }, ctx, tx }) => {
    // invite_create lets one invite; which roles, and at which level, is the role table's to say
    if (!canGrantRole(asGrants(ctx.caller.grants), role, unit.path)) throw AccountErrors.CANNOT_GRANT_ROLE()
    if (!ROLES[role].levels.includes(unit.level)) throw AccountErrors.ROLE_NOT_AT_LEVEL()
    const code = newInviteCode()
    try {
      await tx.insert(C.invites, {
        _id: code,
        role,
        unitId: unit._id,
        createdBy: ctx.caller.user._id,
        createdAt: ctx.now,
        expiresAt: ctx.now + validHours * HOUR,
        usedBy: null,
        usedAt: null,
      })
    } catch (err) {
      // 32^8 codes make a clash vanishingly rare; if one happens the official simply tries again.
      if (err instanceof DuplicateKeyError && err.collection === C.invites) throw AccountErrors.INVITE_CLASH()
      throw err
    }
    await audit(tx, ctx, { what: 'invite.create', unitId: unit._id, subjectId: code, after: { role, validHours } })
    return { code }
  },
  present: async ({ result, ctx }) => inviteView(ctx.rt, await loadInvite(ctx.db, result.code), ctx.lang),
})
