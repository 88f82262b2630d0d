import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import { say } from '@shared/points/points.messages'
import { categoryCode } from '@shared/points/points.schema'
import { ENTRY_KINDS } from '@shared/points/points.states'
import { formatBj } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import { getMany } from '../../_core/port'
import { defineAction } from '../../_core/wrap'
import { EXPORT_MAX_ROWS, toFile } from '../points.export'
import { REPORT_REWARD, villageName } from '../points.repo'
import { entryReason } from '../points.views'

/**
 * The ledger of one village-month (bounded), every line with its rule, version, proposer and approver; headers,
 * kinds, categories and reasons in the caller's language.
 */
export const exportLedger = defineAction(pointsContract.actions.exportLedger, {
  load: async ({ villageId }) => ({ unitId: villageId }),
  run: async ({ input: { villageId, month, format }, ctx }) => {
    // one more than may be exported: the read that would have counted them first (issue #21)
    const rows = await ctx.db.find(C.points_ledger, {
      where: { villageId, month },
      orderBy: [['at', 'asc']],
      limit: EXPORT_MAX_ROWS + 1,
    })
    if (rows.length > EXPORT_MAX_ROWS) throw PointsErrors.EXPORT_TOO_LARGE()
    // the people named in it (the few officials who proposed and approved), by queries of 100 ids; an entry names
    // its household's head itself, and only entries written before it did read their households
    const [users, households] = await Promise.all([
      getMany(
        ctx.db,
        C.users,
        rows.flatMap((e) => [e.proposedBy, e.approvedBy]).filter((id): id is string => !!id),
      ),
      getMany(
        ctx.db,
        C.households,
        rows.filter((e) => e.headName === undefined).map((e) => e.householdId),
      ),
    ])
    const nameOf = (id: string | null) => (id ? (users.get(id)?.name ?? id) : '')
    const lang = ctx.lang
    const categoryOf = (stored: string | null) => {
      if (stored === null) return ''
      const code = categoryCode(stored)
      return code ? say(`points.category.${code}`, lang) : stored
    }
    const out: Array<Array<string | number>> = rows.map((e) => [
      formatBj(e.at),
      e.householdId,
      e.headName ?? households.get(e.householdId)?.headName ?? e.householdId,
      e.memberName ?? '',
      say(ENTRY_KINDS[e.kind], lang),
      e.delta,
      e.balanceAfter,
      e.ruleCode ?? '',
      e.ruleName ?? (e.ruleCode === REPORT_REWARD ? say('points.reward.rule', lang) : ''),
      e.ruleVersion ?? '',
      categoryOf(e.category),
      entryReason(e, lang),
      nameOf(e.proposedBy),
      nameOf(e.approvedBy),
      e.sourceType,
      e.sourceId,
      e._id,
    ])
    const header = (
      [
        'points.col.at',
        'points.col.household',
        'points.col.head',
        'points.col.member',
        'points.col.kind',
        'points.col.points',
        'points.col.balance',
        'points.col.rule_code',
        'points.col.rule',
        'points.col.rule_version',
        'points.col.category',
        'points.col.reason',
        'points.col.proposed_by',
        'points.col.approved_by',
        'points.col.source_type',
        'points.col.source',
        'points.col.entry',
      ] as const
    ).map((k) => say(k, lang))
    const village = await villageName(ctx.rt, villageId)
    return toFile(
      format,
      say('points.export.ledger_file', lang, { village, month }),
      say('points.export.ledger_sheet', lang, { month }),
      header,
      out,
    )
  },
})
