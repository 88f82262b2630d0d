import { z } from 'zod'
import { IdSchema, PageInputSchema, TimestampSchema, pageOf, text } from '../common.schema'
import {
  AWARD_STATUS_NAMES, BATCH_STATUS_NAMES, ENTRY_KIND_NAMES, OBJECTION_STATUS_NAMES, REDEMPTION_STATUS_NAMES,
} from './points.states'

export const RULE_CATEGORIES = ['环境卫生', '孝老爱亲', '志愿服务', '移风易俗', '平安建设', '遵纪守法', '邻里互助', '其他'] as const
export const RuleCategorySchema = z.enum(RULE_CATEGORIES, { error: '请选择类别' })
export type RuleCategory = z.infer<typeof RuleCategorySchema>

/** `manual`: an official scores it (with review and publicity); `system`: credited by a source event. */
export const RuleModeSchema = z.enum(['manual', 'system'])
export type RuleMode = z.infer<typeof RuleModeSchema>

export const RuleCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]{1,31}$/, '编码用大写字母、数字和下划线')
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式是 YYYY-MM')
export const EvidenceSchema = z.array(z.string().min(1).max(256)).max(9, '照片最多 9 张').default([])

// ---- stored documents ----

/** The current version of a rule; `_id` = stableId('pr', villageId, code). */
export const PointsRuleSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  code: RuleCodeSchema,
  name: text('规则名称', 40),
  category: RuleCategorySchema,
  /** points per unit (per time, per hour, per patrol); negative for deductions */
  points: z.number().int().min(-200).max(200).refine((n) => n !== 0, '分值不能为 0'),
  /** the clause of the 村规民约 it comes from */
  clause: z.string().max(200).default(''),
  evidenceRequired: z.boolean(),
  /** most points (absolute) one household can get or lose under this rule in one Beijing month; null = no cap */
  capPerMonth: z.number().int().positive().nullable(),
  mode: RuleModeSchema,
  active: z.boolean(),
  version: z.number().int().positive(),
  updatedBy: IdSchema,
  updatedAt: TimestampSchema,
})
export type PointsRule = z.infer<typeof PointsRuleSchema>

/** Every version ever in force, kept: `_id` = `${ruleId}.v${version}`. */
export const PointsRuleVersionSchema = PointsRuleSchema.extend({ ruleId: IdSchema })
export type PointsRuleVersion = z.infer<typeof PointsRuleVersionSchema>

/** Per-village settings; `_id` = villageId. */
export const PointsSettingsSchema = z.object({
  _id: IdSchema,
  publicityDays: z.number().int().min(1).max(30),
  pickupDays: z.number().int().min(1).max(60),
  updatedBy: IdSchema.nullable(),
  updatedAt: TimestampSchema,
})
export type PointsSettings = z.infer<typeof PointsSettingsSchema>
export const DEFAULT_PUBLICITY_DAYS = 3
export const DEFAULT_PICKUP_DAYS = 7

/** A household's account; `_id` = householdId. balance = sum of its ledger entries, never below 0. */
export const PointsAccountSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  headName: z.string(),
  balance: z.number().int().nonnegative(),
  earned: z.number().int().nonnegative(),
  lost: z.number().int().nonnegative(),
  spent: z.number().int(),
  entries: z.number().int().nonnegative(),
  lastEntryAt: TimestampSchema,
})
export type PointsAccount = z.infer<typeof PointsAccountSchema>

/** One line of the append-only ledger. */
export const LedgerEntrySchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  householdId: IdSchema,
  kind: z.enum(ENTRY_KIND_NAMES),
  delta: z.number().int(),
  balanceAfter: z.number().int().nonnegative(),
  ruleId: IdSchema.nullable(),
  ruleVersion: z.number().int().nullable(),
  ruleCode: z.string().nullable(),
  ruleName: z.string().nullable(),
  category: z.string().nullable(),
  /** what caused it: a manual award, a system source event, a redemption, a corrected entry */
  sourceType: z.enum(['award', 'system', 'redemption', 'entry', 'seed']),
  sourceId: z.string().min(1).max(200),
  /** the member of the household who earned it, where known */
  memberUserId: IdSchema.nullable(),
  memberName: z.string().nullable(),
  proposedBy: IdSchema.nullable(),
  approvedBy: IdSchema.nullable(),
  reason: z.string().max(300),
  at: TimestampSchema,
  month: MonthSchema,
})
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>

/** One proposal (one rule, one or many households), approved or rejected as a whole. */
export const PointsBatchSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  ruleId: IdSchema,
  ruleVersion: z.number().int(),
  ruleCode: z.string(),
  ruleName: z.string(),
  category: z.string(),
  note: z.string().max(200),
  evidence: z.array(z.string()),
  awardIds: z.array(IdSchema),
  households: z.number().int(),
  totalPoints: z.number().int(),
  status: z.enum(BATCH_STATUS_NAMES),
  proposedBy: IdSchema,
  proposedByName: z.string(),
  proposedAt: TimestampSchema,
  decidedBy: IdSchema.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: TimestampSchema.nullable(),
  decisionNote: z.string().nullable(),
})
export type PointsBatch = z.infer<typeof PointsBatchSchema>

/** One household's share of a batch: the unit of publicity, objection and crediting. */
export const PointsAwardSchema = z.object({
  _id: IdSchema,
  batchId: IdSchema,
  villageId: IdSchema,
  householdId: IdSchema,
  headName: z.string(),
  memberUserId: IdSchema.nullable(),
  memberName: z.string().nullable(),
  ruleId: IdSchema,
  ruleVersion: z.number().int(),
  ruleCode: z.string(),
  ruleName: z.string(),
  category: z.string(),
  quantity: z.number().positive(),
  delta: z.number().int(),
  note: z.string(),
  evidence: z.array(z.string()),
  /** Beijing month the cap was counted in (the proposal's month) */
  month: MonthSchema,
  status: z.enum(AWARD_STATUS_NAMES),
  proposedBy: IdSchema,
  proposedAt: TimestampSchema,
  approvedBy: IdSchema.nullable(),
  approvedAt: TimestampSchema.nullable(),
  publicUntil: TimestampSchema.nullable(),
  openObjectionIds: z.array(IdSchema),
  objections: z.number().int().nonnegative(),
  closedAt: TimestampSchema.nullable(),
  entryId: IdSchema.nullable(),
  creditedDelta: z.number().int().nullable(),
})
export type PointsAward = z.infer<typeof PointsAwardSchema>

/** A resident's objection to an award in publicity; `_id` = stableId('po', awardId, userId). */
export const PointsObjectionSchema = z.object({
  _id: IdSchema,
  awardId: IdSchema,
  villageId: IdSchema,
  userId: IdSchema,
  userName: z.string(),
  reason: z.string().max(200),
  status: z.enum(OBJECTION_STATUS_NAMES),
  createdAt: TimestampSchema,
  resolvedBy: IdSchema.nullable(),
  resolvedAt: TimestampSchema.nullable(),
  resolutionNote: z.string().nullable(),
})
export type PointsObjection = z.infer<typeof PointsObjectionSchema>

export const GoodsSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  name: text('商品名称', 30),
  photo: z.string().max(512).nullable(),
  price: z.number().int().min(1, '积分价格至少 1').max(100_000),
  stock: z.number().int().nonnegative(),
  /** most one household may take per Beijing month; null = no limit */
  limitPerMonth: z.number().int().positive().nullable(),
  active: z.boolean(),
  sort: z.number().int().default(0),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  updatedBy: IdSchema,
})
export type Goods = z.infer<typeof GoodsSchema>

export const RedemptionSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  householdId: IdSchema,
  userId: IdSchema,
  userName: z.string(),
  goodsId: IdSchema,
  goodsName: z.string(),
  quantity: z.number().int().positive(),
  points: z.number().int().positive(),
  status: z.enum(REDEMPTION_STATUS_NAMES),
  code: z.string().regex(/^\d{6}$/),
  month: MonthSchema,
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  closedAt: TimestampSchema.nullable(),
  closedBy: IdSchema.nullable(),
  entryId: IdSchema,
  refundEntryId: IdSchema.nullable(),
})
export type Redemption = z.infer<typeof RedemptionSchema>

/** Counters kept in the same transactions as the writes they count (figures never scan). */
export const VillageMonthStatsSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  month: MonthSchema,
  givenByCategory: z.record(z.string(), z.number().int()),
  deductedByCategory: z.record(z.string(), z.number().int()),
  activeHouseholds: z.number().int(),
  redemptions: z.number().int(),
  redeemedPoints: z.number().int(),
  fulfilled: z.number().int(),
  cancelled: z.number().int(),
  expired: z.number().int(),
})
export type VillageMonthStats = z.infer<typeof VillageMonthStatsSchema>

export const HouseholdMonthSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  householdId: IdSchema,
  headName: z.string(),
  month: MonthSchema,
  earned: z.number().int(),
  lost: z.number().int(),
  entries: z.number().int(),
})
export type HouseholdMonth = z.infer<typeof HouseholdMonthSchema>
