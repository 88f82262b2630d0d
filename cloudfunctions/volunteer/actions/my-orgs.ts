import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import type { Org, OrgAdmin } from '@shared/volunteer/volunteer.schema'
import { legacyAction } from '../../_core/wrap'
import { orgView } from '../support'

/** The organisations I administer (an org admin picks one to post tasks and take requests for). */
export const myOrgs = legacyAction(volunteerContract.actions.myOrgs, {
  scope: async () => null,
  run: async (_input, ctx) => {
    const links = await ctx.db.find<OrgAdmin>('volunteer_org_admins', {
      where: { userId: ctx.caller.user._id },
      limit: 50,
    })
    const orgs = (await Promise.all(links.map((l) => ctx.db.get<Org>('volunteer_orgs', l.orgId)))).filter(
      (o): o is Org => !!o,
    )
    return { items: await Promise.all(orgs.map((o) => orgView(ctx.rt, o))) }
  },
})
