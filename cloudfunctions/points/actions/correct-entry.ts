import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { LedgerEntry } from '@shared/points/points.schema'
import { legacyAction } from '../../_core/wrap'
import { appendEntry } from '../ledger'
import { pointsKeys } from '../keys'
import { entryView } from '../service'

/**
 * Corrects a scoring entry by appending its opposite (nothing is edited). Once per entry. Taking back
 * points already spent takes what the balance holds (the balance never goes below zero).
 */
export const correctEntry = legacyAction(pointsContract.actions.correctEntry, {
  scope: async ({ entryId }, ctx) => {
    const e = await ctx.db.get<LedgerEntry>('points_ledger', entryId)
    if (!e) throw PointsErrors.ENTRY_NOT_FOUND()
    return e.villageId
  },
  run: async ({ entryId, reason }, ctx) =>
    ctx.transact(async (tx) => {
      const e = await tx.get<LedgerEntry>('points_ledger', entryId)
      if (!e) throw PointsErrors.ENTRY_NOT_FOUND()
      if (!['award', 'deduction', 'system', 'opening'].includes(e.kind) || e.delta === 0)
        throw PointsErrors.ENTRY_NOT_CORRECTABLE()
      const id = pointsKeys.correctionEntry(e._id)
      if (await tx.get('points_ledger', id)) throw PointsErrors.ALREADY_CORRECTED()
      const entry = await appendEntry(
        tx,
        {
          _id: id,
          householdId: e.householdId,
          kind: 'correction',
          delta: -e.delta,
          ruleId: e.ruleId,
          ruleVersion: e.ruleVersion,
          ruleCode: e.ruleCode,
          ruleName: e.ruleName,
          category: e.category,
          sourceType: 'entry',
          sourceId: e._id,
          memberUserId: e.memberUserId,
          memberName: e.memberName,
          proposedBy: ctx.caller.user._id,
          approvedBy: ctx.caller.user._id,
          reason: `更正：${reason}`,
          at: ctx.now,
        },
        { clip: true },
      )
      return entryView(entry)
    }),
})
