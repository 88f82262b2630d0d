import { accountContract, AccountErrors } from '@shared/account/account.contract'
import { accountRef } from '@shared/account/account.server.messages'
import type { User } from '@shared/account/account.schema'
import { maskPhone } from '@shared/mask'
import { audit } from '../../_core/audit'
import { C } from '../../_core/collections'
import { DuplicateKeyError } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { openRequest, rosterJoinId, tell } from '../account.joins'
import { assignmentId, meIn, phoneClaimId, rosterPersonId } from '../account.repo'
import { roleView } from '../account.views'
import { saveRoleAssignment, revokeRoleAssignment } from '../../_core/grants'

/**
 * I verify my phone: WeChat's phone-number code is exchanged for the number (in `load`, outside the transaction),
 * and the number is mine alone (a claim per phone). When the roster knows the number, I join my household at once,
 * as its head or a member as the roster says (a membership `via: 'roster'`, recorded like an approved request), and
 * the roles the roster gives the number (a grid worker's grid, a department) are granted. Otherwise nothing else
 * changes: I ask to join a household, and its head or the grid worker decides (issue #16).
 */
export const verifyPhone = defineAction(accountContract.actions.verifyPhone, {
  load: async ({ phoneCode }, ctx) => {
    const phone = await ctx.rt.phones.exchange(phoneCode)
    if (!phone) throw AccountErrors.PHONE_NOT_VERIFIED()
    const [person, roles] = await Promise.all([
      ctx.db.get(C.roster_people, rosterPersonId(phone)),
      ctx.db.find(C.roster_roles, { where: { phone, active: true }, limit: 50 }),
    ])
    const household = person?.householdId ? await ctx.db.get(C.households, person.householdId) : null
    return { phone, person, household, roles }
  },
  run: async ({ loaded: { phone, person, household, roles }, ctx, tx, push }) => {
    const me = await meIn(tx, ctx)
    const claim = await tx.get(C.phone_claims, phoneClaimId(phone))
    if (claim && claim.userId !== me._id) throw AccountErrors.PHONE_TAKEN()
    if (!claim) {
      try {
        await tx.insert(C.phone_claims, { _id: phoneClaimId(phone), userId: me._id, at: ctx.now })
      } catch (err) {
        if (err instanceof DuplicateKeyError) throw AccountErrors.PHONE_TAKEN()
        throw err
      }
    }
    const patch: Partial<User> = { phone, phoneVerifiedAt: ctx.now }
    let joined: string | null = null
    let head = false
    if (person && household && !me.householdId) {
      // the roster's word is the approval: the membership is recorded as a roster's, with its first step
      const id = rosterJoinId(me._id, household._id)
      if (!(await tx.get(C.join_requests, id))) {
        await openRequest(
          tx,
          {
            _id: id,
            userId: me._id,
            householdId: household._id,
            gridId: household.gridId,
            villageId: household.villageId,
            via: 'roster',
            status: 'approved',
            note: '',
            createdAt: ctx.now,
            updatedAt: ctx.now,
          },
          { by: null, at: ctx.now },
        )
      }
      joined = household._id
      patch.householdId = household._id
      patch.residenceUnitId = household.gridId
      if (!me.namedAt) {
        patch.name = person.name
        patch.namedAt = ctx.now
      }
      const resident = assignmentId(me._id, 'resident', household.gridId)
      const had = await tx.get(C.role_assignments, resident)
      if (!had || had.revokedAt !== null) {
        for (const g of ctx.caller.grants)
          if (g.role === 'resident' && g.unitId !== household.gridId) await revokeRoleAssignment(tx, g._id, ctx.now)
        await saveRoleAssignment(tx, {
          _id: resident,
          userId: me._id,
          role: 'resident',
          unitId: household.gridId,
          grantedBy: null,
          via: 'roster',
          createdAt: ctx.now,
          revokedAt: null,
        })
      }
      const current = await tx.get(C.households, household._id)
      if (person.head && current && !current.headUserId) {
        await tx.update(C.households, household._id, { headUserId: me._id })
        head = true
      } else head = person.head && current?.headUserId === me._id
      await audit(tx, ctx, {
        what: 'membership.roster',
        unitId: household.gridId,
        subjectId: me._id,
        before: { householdId: me.householdId },
        after: { householdId: household._id, head },
      })
      push(
        await tell(
          tx,
          { userId: me._id, joinRequestId: id, at: ctx.now },
          accountRef('account.inbox.roster_joined.title'),
          accountRef('account.inbox.roster_joined.body', { household: household.address }),
        ),
      )
    }
    await tx.update(C.users, me._id, patch)
    if (person) await tx.update(C.roster_people, person._id, { userId: me._id, updatedAt: ctx.now })
    const granted: Array<{ role: (typeof roles)[number]['role']; unitId: string }> = []
    for (const r of roles) {
      const id = assignmentId(me._id, r.role, r.unitId)
      const existing = await tx.get(C.role_assignments, id)
      if (existing && existing.revokedAt === null) continue
      await saveRoleAssignment(tx, {
        _id: id,
        userId: me._id,
        role: r.role,
        unitId: r.unitId,
        grantedBy: r.grantedBy,
        via: 'roster',
        createdAt: ctx.now,
        revokedAt: null,
      })
      await audit(tx, ctx, { what: 'role.roster', unitId: r.unitId, subjectId: me._id, after: { role: r.role } })
      granted.push({ role: r.role, unitId: r.unitId })
    }
    return { phoneMasked: maskPhone(phone)!, householdId: joined, head, roles: granted }
  },
  present: async ({ result, ctx }) => ({
    phoneMasked: result.phoneMasked,
    householdId: result.householdId,
    head: result.head,
    roles: (await Promise.all(result.roles.map((r) => roleView(ctx.rt, r, ctx.lang)))).filter((r) => r !== null),
  }),
})
