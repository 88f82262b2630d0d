import { pointsContract, PointsErrors } from '../../../shared/points/points.contract'
import type { LedgerEntry } from '../../../shared/points/points.schema'
import { ENTRY_KINDS } from '../../../shared/points/points.states'
import { formatBj } from '../../../shared/time/beijing'
import { defineAction } from '../../_core/wrap'
import { EXPORT_MAX_ROWS, toFile } from '../export'
import { villageName } from '../service'

/** The ledger of one village-month (bounded), every line with its rule, version, proposer and approver. */
export const exportLedger = defineAction(pointsContract.actions.exportLedger, {
  scope: async ({ villageId }) => villageId,
  run: async ({ villageId, month, format }, ctx) => {
    const where = { villageId, month }
    if ((await ctx.db.count('points_ledger', where)) > EXPORT_MAX_ROWS) throw PointsErrors.EXPORT_TOO_LARGE()
    const rows = await ctx.db.find<LedgerEntry>('points_ledger', { where, orderBy: [['at', 'asc']], limit: EXPORT_MAX_ROWS })
    const names = new Map<string, string>()
    const nameOf = async (id: string | null) => {
      if (!id) return ''
      if (!names.has(id)) names.set(id, (await ctx.db.get<{ _id: string; name: string }>('users', id))?.name ?? id)
      return names.get(id)!
    }
    const heads = new Map<string, string>()
    const headOf = async (id: string) => {
      if (!heads.has(id)) heads.set(id, (await ctx.db.get<{ _id: string; headName: string }>('households', id))?.headName ?? id)
      return heads.get(id)!
    }
    const out: Array<Array<string | number>> = []
    for (const e of rows) {
      out.push([
        formatBj(e.at), e.householdId, await headOf(e.householdId), e.memberName ?? '', ENTRY_KINDS[e.kind], e.delta, e.balanceAfter,
        e.ruleCode ?? '', e.ruleName ?? '', e.ruleVersion ?? '', e.category ?? '', e.reason,
        await nameOf(e.proposedBy), await nameOf(e.approvedBy), e.sourceType, e.sourceId, e._id,
      ])
    }
    const header = ['时间', '户编号', '户主', '成员', '类型', '积分', '余额', '规则编码', '规则', '规则版本', '类别', '事由', '评定人', '审核人', '来源类型', '来源', '记录编号']
    return toFile(format, `积分台账-${await villageName(ctx, villageId)}-${month}`, `积分台账 ${month}`, header, out)
  },
})
