import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { canGrantRole } from '@shared/auth/access'
import { ROLES } from '@shared/auth/roles'
import { audit } from '../../_core/audit'
import { asGrants } from '../../_core/caller'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { assignmentId, loadLiveUnit } from '../account.repo'
import { saveRoleAssignment } from '../../_core/grants'

/**
 * An official gives a role in a unit of their scope to someone already known: a person who verified a phone or
 * whom a roster names (no code to hand over). Which roles, at which levels, is the role table's to say, as for
 * invites.
 */
export const grantRole = defineAction(accountContract.actions.grantRole, {
  load: async ({ unitId, userId }, ctx) => {
    const unit = await loadLiveUnit(ctx.rt, unitId)
    return { unitId: unit._id, unit, person: await ctx.db.get(C.users, userId) }
  },
  run: async ({ input: { role, userId }, loaded: { unit, person }, ctx, tx }) => {
    if (!canGrantRole(asGrants(ctx.caller.grants), role, unit.path)) throw AccountErrors.CANNOT_GRANT_ROLE()
    if (!ROLES[role].levels.includes(unit.level)) throw AccountErrors.ROLE_NOT_AT_LEVEL()
    if (!person || (!person.phoneVerifiedAt && !person.phone)) throw AccountErrors.PERSON_UNKNOWN()
    const id = assignmentId(userId, role, unit._id)
    const existing = await tx.get(C.role_assignments, id)
    if (existing && existing.revokedAt === null) throw AccountErrors.ALREADY_HAS_ROLE()
    await saveRoleAssignment(tx, {
      _id: id,
      userId,
      role,
      unitId: unit._id,
      grantedBy: ctx.caller.user._id,
      via: 'grant',
      createdAt: ctx.now,
      revokedAt: null,
    })
    await audit(tx, ctx, {
      what: 'role.grant',
      unitId: unit._id,
      subjectId: userId,
      before: existing ? { role, revokedAt: existing.revokedAt } : null,
      after: { role },
    })
    return { userId, role, unitId: unit._id }
  },
})
