import { accountContract } from '@shared/account/account.contract'
import { roleLabel } from '@shared/account/account.messages'
import { auditWhatLabel } from '@shared/audit/audit.messages'
import { isRoleName } from '@shared/auth/roles'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'

const ROLE_WHATS = ['role.grant', 'role.revoke', 'role.invite', 'role.roster']

/** A person's role changes (granted, revoked, by invite, by roster), newest first, from the audit log. */
export const roleHistory = defineAction(accountContract.actions.roleHistory, {
  load: async ({ unitId }) => ({ unitId }),
  run: async ({ input: { userId, unitId, page, pageSize }, ctx }) => {
    const where = { subjectId: userId, what: { $in: ROLE_WHATS } }
    const [entries, person] = await Promise.all([
      findPage(ctx.db, C.audit_log, where, [['at', 'desc']], { page, pageSize }),
      ctx.db.get(C.users, userId),
    ])
    const actors = await getMany(
      ctx.db,
      C.users,
      entries.items.map((e) => e.actorId),
    )
    // only what happened within the caller's unit: a person's roles elsewhere are not theirs to read
    const mine = []
    for (const e of entries.items) if (await ctx.rt.units.contains(unitId, e.unitId)) mine.push(e)
    const items = await Promise.all(
      mine.map(async (e) => {
        const side = (e.after ?? e.before) as { role?: unknown } | null
        const role = isRoleName(side?.role) ? roleLabel(side.role, ctx.lang) : ''
        return {
          at: e.at,
          what: auditWhatLabel(e.what, ctx.lang),
          role,
          unit: (await ctx.rt.units.ref(e.unitId))?.fullName ?? e.unitId,
          by: actors.get(e.actorId)?.name ?? e.actorName,
        }
      }),
    )
    return { ...entries, items, name: person?.name ?? '' }
  },
})
