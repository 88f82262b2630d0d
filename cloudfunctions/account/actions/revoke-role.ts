import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { canGrantRole } from '@shared/auth/access'
import { audit } from '../../_core/audit'
import { asGrants } from '../../_core/caller'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { assignmentId, loadUnit } from '../account.repo'
import { revokeRoleAssignment } from '../../_core/grants'

/**
 * An official ends someone's role in a unit of their scope, with a reason. The assignment stays, with the time it
 * ended; the role history (the audit log) keeps who, when and why. Nobody ends their own role this way.
 */
export const revokeRole = defineAction(accountContract.actions.revokeRole, {
  texts: ({ reason }) => [reason],
  load: async ({ unitId }, ctx) => {
    const unit = await loadUnit(ctx.rt, unitId)
    return { unitId: unit._id, unit }
  },
  run: async ({ input: { role, userId, reason }, loaded: { unit }, ctx, tx }) => {
    if (!canGrantRole(asGrants(ctx.caller.grants), role, unit.path)) throw AccountErrors.CANNOT_GRANT_ROLE()
    if (userId === ctx.caller.user._id) throw AccountErrors.CANNOT_REMOVE_SELF()
    const id = assignmentId(userId, role, unit._id)
    const existing = await tx.get(C.role_assignments, id)
    if (!existing || existing.revokedAt !== null) throw AccountErrors.ROLE_NOT_HELD()
    await revokeRoleAssignment(tx, id, ctx.now)
    await audit(tx, ctx, {
      what: 'role.revoke',
      unitId: unit._id,
      subjectId: userId,
      before: { role, since: existing.createdAt, via: existing.via },
      after: { role, revokedAt: ctx.now, reason },
    })
    return { userId, role, unitId: unit._id }
  },
})
