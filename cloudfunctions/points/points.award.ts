/**
 * System awards: points credited by an event in another domain (volunteer hours confirmed, a patrol
 * completed), inside that domain's own transaction.
 *
 *   creditSystemAward(tx: TxStore, args: {
 *     villageId: string        // the village whose rule catalogue applies
 *     householdId: string      // the account credited (users.householdId of the person)
 *     userId: string | null    // the member who earned it
 *     ruleCode: 'VOLUNTEER_HOUR' | 'PATROL_DUTY'   // seeded system rules (SystemRuleCode)
 *     quantity: number         // hours for VOLUNTEER_HOUR, patrols for PATROL_DUTY (> 0)
 *     sourceKey: string        // the source event, e.g. `patrol:<patrolId>`, `volunteer:<attendanceId>`
 *     reason: string | MessageRef  // shown to the resident: a MessageRef of the caller's catalogue (rendered in
 *                              // the reader's language), or a plain text as older callers pass it
 *     now: number              // ctx.now
 *   }): Promise<{ credited: boolean; entryId: string; points: number; skipped?: SkipReason }>
 *
 * - Exactly once per sourceKey: the ledger entry id is stableId('pl', sourceKey); a second call
 *   returns `credited: false` with the first entry's id and points, and writes nothing.
 * - Never throws for domain reasons (so it never rolls back the caller's transaction): a village
 *   without the rule, an inactive rule or an unknown household give `credited: false, points: 0` and a
 *   `skipped` reason, and write nothing (a later call with the same key may then credit).
 * - The rule's monthly cap per household is respected: points are cut to what still fits; when the
 *   cap is full an entry of 0 points is written (`credited: true, points: 0, skipped: 'cap_reached'`)
 *   so the event is recorded once and traceable.
 * - Uses only tx.get / insert / set by deterministic ids (rule id from villageId + code, account id
 *   = householdId), as CloudBase transactions require.
 */
import type { MessageRef } from '@shared/i18n/i18n'
import { fitUnderCap, pointsFor } from '@shared/points/points.rules'
import { bjMonth } from '@shared/time/beijing'
import { C } from '../_core/collections'
import type { TxStore } from '../_core/port'
import { appendEntry } from './points.ledger'
import { REPORT_REWARD, addToCounter, counterValue, pointsKeys } from './points.repo'

/** The seeded system rules of every village's catalogue that other domains credit through. */
export type SystemRuleCode = 'VOLUNTEER_HOUR' | 'PATROL_DUTY'
export type SkipReason =
  'no_rule' | 'rule_inactive' | 'not_system_rule' | 'no_household' | 'other_village' | 'cap_reached' | 'zero_points'

export interface SystemAwardArgs {
  villageId: string
  householdId: string
  userId: string | null
  ruleCode: SystemRuleCode
  quantity: number
  sourceKey: string
  reason: string | MessageRef
  now: number
}

export interface SystemAwardResult {
  credited: boolean
  entryId: string
  points: number
  skipped?: SkipReason
}

export async function creditSystemAward(tx: TxStore, args: SystemAwardArgs): Promise<SystemAwardResult> {
  const entryId = pointsKeys.systemEntry(args.sourceKey)
  const existing = await tx.get(C.points_ledger, entryId)
  if (existing) return { credited: false, entryId, points: existing.delta }

  const ruleId = pointsKeys.rule(args.villageId, args.ruleCode)
  const rule = await tx.get(C.points_rules, ruleId)
  if (!rule) return { credited: false, entryId, points: 0, skipped: 'no_rule' }
  if (!rule.active) return { credited: false, entryId, points: 0, skipped: 'rule_inactive' }
  if (rule.mode !== 'system') return { credited: false, entryId, points: 0, skipped: 'not_system_rule' }
  const household = await tx.get(C.households, args.householdId)
  if (!household) return { credited: false, entryId, points: 0, skipped: 'no_household' }
  if (household.villageId !== args.villageId) return { credited: false, entryId, points: 0, skipped: 'other_village' }
  if (!(args.quantity > 0) || !Number.isFinite(args.quantity))
    return { credited: false, entryId, points: 0, skipped: 'zero_points' }

  const requested = pointsFor(rule.points, args.quantity)
  const month = bjMonth(args.now)
  const capId = pointsKeys.cap(household._id, ruleId, month)
  const used = rule.capPerMonth === null ? 0 : await counterValue(tx, C.points_caps, capId)
  const points = fitUnderCap(requested, used, rule.capPerMonth)
  if (rule.capPerMonth !== null && points !== 0) {
    await addToCounter(
      tx,
      C.points_caps,
      { _id: capId, householdId: household._id, ruleId, month, used: 0 },
      Math.abs(points),
    )
  }
  const capped = points !== requested
  const member = args.userId ? await tx.get(C.users, args.userId) : null
  const entry = await appendEntry(
    tx,
    {
      _id: entryId,
      householdId: household._id,
      kind: 'system',
      delta: points,
      ruleId,
      ruleVersion: rule.version,
      ruleCode: rule.code,
      ruleName: rule.name,
      category: rule.category,
      sourceType: 'system',
      sourceId: args.sourceKey.slice(0, 200),
      memberUserId: args.userId,
      memberName: member?.name ?? null,
      proposedBy: null,
      approvedBy: null,
      reason: typeof args.reason === 'string' ? args.reason.slice(0, 300) : args.reason,
      notes: capped ? [{ key: 'points.reason.capped', params: { cap: rule.capPerMonth ?? 0 } }] : [],
      at: args.now,
    },
    { clip: true },
  )
  const result: SystemAwardResult = { credited: true, entryId, points: entry.delta }
  if (entry.delta === 0) result.skipped = capped ? 'cap_reached' : 'zero_points'
  return result
}

/**
 * 价值信息以奖代补: a county's reward for a useful grid report, credited once to the reporter's household with the
 * report as the entry's source (`incident:<id>`, entry id stableId('pl', that key)), and shown in the village's
 * publicity like any other points: an award already credited (no objection period: a handler of the grid judged the
 * report, and the entry is the one credit), naming the report (`source`), in the same transaction. Like
 * `creditSystemAward` it never throws for domain reasons: no household, or nothing set, give `credited: false` and
 * write nothing.
 */
export interface ReportRewardArgs {
  householdId: string | null
  userId: string
  points: number
  incidentId: string
  /** the report's 编号, as publicity names the source */
  code: string
  /** the category's name, for the ledger */
  category: string
  reason: MessageRef
  /** who marked it useful (the entry's approver) */
  approvedBy: string
  now: number
}

export async function creditReportReward(tx: TxStore, args: ReportRewardArgs): Promise<SystemAwardResult> {
  const sourceKey = `incident:${args.incidentId}`
  const entryId = pointsKeys.systemEntry(sourceKey)
  const existing = await tx.get(C.points_ledger, entryId)
  if (existing) return { credited: false, entryId, points: existing.delta }
  if (!(args.points > 0)) return { credited: false, entryId, points: 0, skipped: 'zero_points' }
  const household = args.householdId ? await tx.get(C.households, args.householdId) : null
  if (!household) return { credited: false, entryId, points: 0, skipped: 'no_household' }
  const member = await tx.get(C.users, args.userId)
  const entry = await appendEntry(tx, {
    _id: entryId,
    householdId: household._id,
    kind: 'system',
    delta: Math.floor(args.points),
    ruleId: null,
    ruleVersion: null,
    ruleCode: REPORT_REWARD,
    ruleName: null,
    category: args.category,
    sourceType: 'system',
    sourceId: sourceKey,
    memberUserId: args.userId,
    memberName: member?.name ?? null,
    proposedBy: null,
    approvedBy: args.approvedBy,
    reason: args.reason,
    at: args.now,
  })
  const awardId = pointsKeys.sourceAward(sourceKey)
  await tx.insert(C.points_awards, {
    _id: awardId,
    // no batch: the award stands for itself
    batchId: awardId,
    villageId: household.villageId,
    householdId: household._id,
    headName: household.headName,
    memberUserId: args.userId,
    memberName: member?.name ?? null,
    ruleId: REPORT_REWARD,
    ruleVersion: 0,
    ruleCode: REPORT_REWARD,
    ruleName: '',
    category: 'other',
    quantity: 1,
    delta: entry.delta,
    note: '',
    evidence: [],
    month: bjMonth(args.now),
    status: 'credited',
    proposedBy: args.approvedBy,
    proposedAt: args.now,
    approvedBy: args.approvedBy,
    approvedAt: args.now,
    publicUntil: null,
    openObjectionIds: [],
    objections: 0,
    closedAt: args.now,
    entryId,
    creditedDelta: entry.delta,
    source: { kind: 'report', incidentId: args.incidentId, code: args.code },
  })
  return { credited: true, entryId, points: entry.delta }
}
