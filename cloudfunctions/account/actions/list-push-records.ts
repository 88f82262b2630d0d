import { accountContract } from '@shared/account/account.contract'
import { render } from '@shared/i18n/i18n'
import { maskName } from '@shared/mask'
import { C } from '../../_core/collections'
import { findPage } from '../../_core/paging'
import { getMany, type Filter } from '../../_core/port'
import { ANYWHERE, defineAction } from '../../_core/wrap'

/**
 * What became of the WeChat subscribe messages, newest first (optionally of one status), for admins finding out
 * why messages do not arrive. Names are masked: the admin needs the outcome, not who was told what.
 */
export const listPushRecords = defineAction(accountContract.actions.listPushRecords, {
  load: async () => ({ unitId: ANYWHERE }),
  run: async ({ input: { status, page, pageSize }, ctx }) => {
    const where: Filter = status ? { status } : {}
    const p = await findPage(ctx.db, C.push_records, where, [['at', 'desc']], { page, pageSize })
    const users = await getMany(
      ctx.db,
      C.users,
      p.items.map((r) => r.userId),
    )
    return {
      ...p,
      items: p.items.map((r) => ({
        id: r._id,
        userName: maskName(users.get(r.userId)?.name ?? ''),
        title: r.title,
        status: r.status,
        statusLabel: render({ key: `push.status.${r.status}` }, ctx.lang),
        errcode: r.errcode,
        reason: r.reason,
        at: r.at,
      })),
    }
  },
})
