import { accountContract } from '@shared/account/account.contract'
import { CommonErrors } from '@shared/errors'
import { maskPhone } from '@shared/mask'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { loadHousehold, mayManageHousehold, membersOf } from '../account.repo'
import { unitRefOr } from '../account.views'

/**
 * Who belongs to a household, for its members, its head and the officials of its grid (who may remove someone).
 * Anyone else is refused: a household's people are not public.
 */
export const listHouseholdMembers = defineAction(accountContract.actions.listHouseholdMembers, {
  load: async ({ householdId }, ctx) => ({ household: await loadHousehold(ctx.db, householdId) }),
  run: async ({ loaded: { household }, ctx }) => {
    const me = ctx.caller.user
    const canRevoke = await mayManageHousehold(ctx, household, me)
    if (!canRevoke && me.householdId !== household._id) throw CommonErrors.FORBIDDEN()
    const [members, memberships] = await Promise.all([
      membersOf(ctx.db, [household._id]),
      ctx.db.find(C.join_requests, { where: { householdId: household._id, status: 'approved' }, limit: 500 }),
    ])
    const since = new Map(memberships.map((r) => [r.userId, r]))
    return {
      household: {
        id: household._id,
        headName: household.headName,
        address: household.address,
        grid: await unitRefOr(ctx.rt, household.gridId),
      },
      members: (members.get(household._id) ?? [])
        .map((u) => ({
          userId: u._id,
          name: u.name,
          phoneMasked: maskPhone(u.phone),
          head: household.headUserId === u._id,
          since: since.get(u._id)?.createdAt ?? null,
          via: since.get(u._id)?.via ?? null,
        }))
        .sort((a, b) => Number(b.head) - Number(a.head) || (a.since ?? 0) - (b.since ?? 0)),
      canRevoke,
    }
  },
})
