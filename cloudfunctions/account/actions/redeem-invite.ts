import { accountContract, AccountErrors } from '@shared/account/account.contract'
import type { Invite, RoleAssignment } from '@shared/account/account.schema'
import { ROLES } from '@shared/auth/roles'
import { stableId } from '../../_core/ids'
import { legacyAction } from '../../_core/wrap'

/** One-time: the invite is marked used and the role granted in one transaction. */
export const redeemInvite = legacyAction(accountContract.actions.redeemInvite, {
  run: async ({ code }, ctx) => {
    const userId = ctx.caller.user._id
    return ctx.transact(async (tx) => {
      const invite = await tx.get<Invite>('invites', code)
      if (!invite) throw AccountErrors.INVITE_NOT_FOUND()
      if (invite.usedBy) throw AccountErrors.INVITE_USED()
      if (invite.expiresAt <= ctx.now) throw AccountErrors.INVITE_EXPIRED()
      const assignmentId = stableId('ra', userId, invite.role, invite.unitId)
      const existing = await tx.get<RoleAssignment>('role_assignments', assignmentId)
      if (existing && existing.revokedAt === null) throw AccountErrors.ALREADY_HAS_ROLE()
      const unit = await ctx.rt.units.ref(invite.unitId)
      if (!unit) throw AccountErrors.UNIT_NOT_FOUND()
      await tx.update('invites', code, { usedBy: userId, usedAt: ctx.now })
      const assignment: RoleAssignment = {
        _id: assignmentId,
        userId,
        role: invite.role,
        unitId: invite.unitId,
        grantedBy: invite.createdBy,
        via: 'invite',
        createdAt: ctx.now,
        revokedAt: null,
      }
      await tx.set('role_assignments', assignment)
      return { role: invite.role, roleLabel: ROLES[invite.role].label, unit }
    })
  },
})
