import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { appendEntry } from '../points.ledger'
import { loadEntry, pointsKeys, refuseOwnMatter } from '../points.repo'
import { entryView } from '../points.views'

/**
 * Corrects a scoring entry by appending its opposite (nothing is edited). Once per entry. Taking back
 * points already spent takes what the balance holds (the balance never goes below zero). Never by an official of the
 * household the entry belongs to: reversing a deduction of one's own household is scoring oneself.
 */
export const correctEntry = defineAction(pointsContract.actions.correctEntry, {
  load: async ({ entryId }, ctx) => {
    const entry = await loadEntry(ctx.db, entryId)
    return { unitId: entry.villageId }
  },
  texts: ({ reason }) => [reason],
  run: async ({ input: { entryId, reason }, tx, ctx }) => {
    const e = await loadEntry(tx, entryId)
    refuseOwnMatter(ctx, { householdIds: [e.householdId] })
    if (!['award', 'deduction', 'system', 'opening'].includes(e.kind) || e.delta === 0)
      throw PointsErrors.ENTRY_NOT_CORRECTABLE()
    const id = pointsKeys.correctionEntry(e._id)
    if (await tx.get(C.points_ledger, id)) throw PointsErrors.ALREADY_CORRECTED()
    await appendEntry(
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
        reason: { key: 'points.reason.correction', params: { reason } },
        at: ctx.now,
      },
      { clip: true },
    )
    return { entryId: id }
  },
  present: async ({ result, ctx }) => entryView(await loadEntry(ctx.db, result.entryId), ctx.lang),
})
