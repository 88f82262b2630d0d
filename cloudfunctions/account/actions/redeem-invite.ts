import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { saveRoleAssignment } from '../../_core/grants'
import { defineAction } from '../../_core/wrap'
import { assignmentId, loadInvite, loadUnit } from '../account.repo'
import { roleView } from '../account.views'
import { audit } from '../../_core/audit'

/**
 * One-time: the invite is marked used and the role granted in one transaction. Anyone signed in may redeem; the
 * code is the permission.
 */
export const redeemInvite = defineAction(accountContract.actions.redeemInvite, {
  load: async ({ code }, ctx) => {
    const invite = await loadInvite(ctx.db, code)
    await loadUnit(ctx.rt, invite.unitId)
    return { invite }
  },
  run: async ({ loaded, ctx, tx }) => {
    const userId = ctx.caller.user._id
    // read again in the transaction: two people redeeming one code at once, only one gets the role
    const invite = await loadInvite(tx, loaded.invite._id)
    if (invite.usedBy) throw AccountErrors.INVITE_USED()
    if (invite.expiresAt <= ctx.now) throw AccountErrors.INVITE_EXPIRED()
    const id = assignmentId(userId, invite.role, invite.unitId)
    const existing = await tx.get(C.role_assignments, id)
    if (existing && existing.revokedAt === null) throw AccountErrors.ALREADY_HAS_ROLE()
    await tx.update(C.invites, invite._id, { usedBy: userId, usedAt: ctx.now })
    await saveRoleAssignment(tx, {
      _id: id,
      userId,
      role: invite.role,
      unitId: invite.unitId,
      grantedBy: invite.createdBy,
      via: 'invite',
      createdAt: ctx.now,
      revokedAt: null,
    })
    await audit(tx, ctx, {
      what: 'role.invite',
      unitId: invite.unitId,
      subjectId: userId,
      after: { role: invite.role, invite: invite._id, by: invite.createdBy },
    })
    return { role: invite.role, unitId: invite.unitId }
  },
  present: async ({ result, ctx }) => {
    const view = await roleView(ctx.rt, result, ctx.lang)
    if (!view) throw AccountErrors.UNIT_NOT_FOUND()
    return view
  },
})
