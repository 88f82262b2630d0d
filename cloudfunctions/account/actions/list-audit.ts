import { accountContract } from '@shared/account/account.contract'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { defineAction } from '../../_core/wrap'
import { loadUnit } from '../account.repo'
import { auditItem, auditWhere } from '../account.audit'

/** The audit log of a unit of the caller's scope, newest first, filtered by who, what, subject and time. */
export const listAudit = defineAction(accountContract.actions.listAudit, {
  load: async ({ unitId }, ctx) => ({ unitId: (await loadUnit(ctx.rt, unitId))._id }),
  run: async ({ input, ctx }) => {
    const page = await findPage(ctx.db, C.audit_log, await auditWhere(ctx.rt, input), [['at', 'desc']], input)
    return { ...page, items: await Promise.all(page.items.map((e) => auditItem(ctx.rt, e, ctx.lang))) }
  },
})
