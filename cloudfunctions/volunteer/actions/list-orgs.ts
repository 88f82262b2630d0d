import { volunteerContract } from '@shared/volunteer/volunteer.contract'
import type { Org } from '@shared/volunteer/volunteer.schema'
import { legacyAction } from '../../_core/wrap'
import { areaFilter, orgView, paged, requireUnit } from '../support'

/** Organisations registered in a unit's area (pending first for approval screens), paged. */
export const listOrgs = legacyAction(volunteerContract.actions.listOrgs, {
  scope: async ({ unitId }) => unitId,
  run: async ({ unitId, status, page, pageSize }, ctx) => {
    const where = { ...(areaFilter(await requireUnit(ctx.rt, unitId)) ?? {}), ...(status ? { status } : {}) }
    const [rows, total] = await Promise.all([
      ctx.db.find<Org>('volunteer_orgs', {
        where,
        orderBy: [['registeredAt', 'desc']],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      ctx.db.count('volunteer_orgs', where),
    ])
    return paged(await Promise.all(rows.map((o) => orgView(ctx.rt, o))), page, pageSize, total)
  },
})
