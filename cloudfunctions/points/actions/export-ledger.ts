import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { ENTRY_KINDS } from '@shared/points/points.states'
import { formatBj } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { EXPORT_MAX_ROWS, toFile } from '../points.export'
import { villageName } from '../points.repo'

/** The ledger of one village-month (bounded), every line with its rule, version, proposer and approver. */
export const exportLedger = defineAction(pointsContract.actions.exportLedger, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, month, format }, ctx }) => {
    const where = { villageId, month }
    if ((await ctx.db.count(C.points_ledger, where)) > EXPORT_MAX_ROWS) throw PointsErrors.EXPORT_TOO_LARGE()
    const rows = await ctx.db.find(C.points_ledger, {
      where,
      orderBy: [['at', 'asc']],
      limit: EXPORT_MAX_ROWS,
    })
    // the people and households named in it, by a few queries of 100 ids (a village-month names hundreds)
    const users = await getMany(
      ctx.db,
      C.users,
      rows.flatMap((e) => [e.proposedBy, e.approvedBy]).filter((id): id is string => !!id),
    )
    const households = await getMany(
      ctx.db,
      C.households,
      rows.map((e) => e.householdId),
    )
    const nameOf = (id: string | null) => (id ? (users.get(id)?.name ?? id) : '')
    const out: Array<Array<string | number>> = rows.map((e) => [
      formatBj(e.at),
      e.householdId,
      households.get(e.householdId)?.headName ?? e.householdId,
      e.memberName ?? '',
      ENTRY_KINDS[e.kind],
      e.delta,
      e.balanceAfter,
      e.ruleCode ?? '',
      e.ruleName ?? '',
      e.ruleVersion ?? '',
      e.category ?? '',
      e.reason,
      nameOf(e.proposedBy),
      nameOf(e.approvedBy),
      e.sourceType,
      e.sourceId,
      e._id,
    ])
    const header = [
      '时间',
      '户编号',
      '户主',
      '成员',
      '类型',
      '积分',
      '余额',
      '规则编码',
      '规则',
      '规则版本',
      '类别',
      '事由',
      '评定人',
      '审核人',
      '来源类型',
      '来源',
      '记录编号',
    ]
    return toFile(format, `积分台账-${await villageName(ctx.rt, villageId)}-${month}`, `积分台账 ${month}`, header, out)
  },
})
