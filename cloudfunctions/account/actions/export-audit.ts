import { accountContract } from '@shared/account/account.contract'
import { ACCOUNT_SERVER } from '@shared/account/account.server.messages'
import { textOf } from '@shared/i18n/i18n'
import { formatBj } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { EXPORT_MAX_ROWS, toFile } from '../../_core/sheets'
import { loadUnit } from '../account.repo'
import { auditItem, auditWhere } from '../account.audit'

/** The filtered audit log as a file (XLSX or CSV), newest first, at most 20,000 entries. */
export const exportAudit = defineAction(accountContract.actions.exportAudit, {
  load: async ({ unitId }, ctx) => ({ unitId: (await loadUnit(ctx.rt, unitId))._id }),
  run: async ({ input, ctx }) => {
    const entries = await ctx.db.find(C.audit_log, {
      where: await auditWhere(ctx.rt, input),
      orderBy: [['at', 'desc']],
      limit: EXPORT_MAX_ROWS,
    })
    const t = (k: keyof typeof ACCOUNT_SERVER) => textOf(ACCOUNT_SERVER[k], ctx.lang)
    const rows = []
    for (const e of entries) {
      const i = await auditItem(ctx.rt, e, ctx.lang)
      rows.push([
        formatBj(i.at),
        i.actor.name,
        i.whatLabel,
        i.unit,
        i.subjectId ?? '',
        i.before,
        i.after,
        i.requestId ?? '',
      ])
    }
    return toFile(
      input.format,
      'audit-log',
      t('account.audit.sheet'),
      [
        t('account.audit.col.at'),
        t('account.audit.col.actor'),
        t('account.audit.col.what'),
        t('account.audit.col.unit'),
        t('account.audit.col.subject'),
        t('account.audit.col.before'),
        t('account.audit.col.after'),
        t('account.audit.col.request'),
      ],
      rows,
    )
  },
})
