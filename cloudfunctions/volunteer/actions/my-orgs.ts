import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import type { Org } from '@shared/volunteer/volunteer.schema'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { ANYWHERE, defineAction } from '../../_core/wrap'
import { orgView } from '../volunteer.views'

/** The organisations I administer (an org admin picks one to post tasks and take needs for). */
export const myOrgs = defineAction(volunteerContract.actions.myOrgs, {
  // org_manage anywhere: the list is of the caller's own organisations, found by their admin links
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ ctx }) => {
    const links = await ctx.db.find(C.volunteer_org_admins, { where: { userId: ctx.caller.user._id }, limit: 50 })
    const orgs = await getMany(
      ctx.db,
      C.volunteer_orgs,
      links.map((l) => l.orgId),
    )
    const mine = links.map((l) => orgs.get(l.orgId)).filter((o): o is Org => !!o)
    return { items: await Promise.all(mine.map((o) => orgView(ctx.rt, o, ctx.lang))) }
  },
})
