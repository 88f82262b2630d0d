import { z } from 'zod'
import { IdSchema, PageInputSchema, TimestampSchema, pageOf } from '../common.schema'
import { FileIdSchema, PhotoViewSchema } from '../files'
import { keyText } from '../i18n/i18n'
import {
  AWARD_STATUS_NAMES,
  BATCH_STATUS_NAMES,
  ENTRY_KIND_NAMES,
  OBJECTION_STATUS_NAMES,
  REDEMPTION_STATUS_NAMES,
} from './points.states'

/** The categories of the village code's rules; each is labelled `points.category.<code>` in the catalogue. */
export { RULE_CATEGORIES, categoryCode, type RuleCategory } from './points.states'
import { RULE_CATEGORIES, categoryCode } from './points.states'

const RuleCategorySchema = z.preprocess(
  (v) => categoryCode(v) ?? v,
  z.enum(RULE_CATEGORIES, { error: keyText('v.choose') }),
)

/** `manual`: an official scores it (with review and publicity); `system`: credited by a source event. */
const RuleModeSchema = z.enum(['manual', 'system'])

const RuleCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,31}$/, keyText('points.v.rule_code'))
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, keyText('v.month'))
/** Photos attached to a proposal: ids the file port handed out for the proposer's own uploads (adopted by propose). */
export const MAX_EVIDENCE_PHOTOS = 9
const EvidenceSchema = z
  .array(FileIdSchema)
  .max(MAX_EVIDENCE_PHOTOS, keyText('v.photo_max', { max: MAX_EVIDENCE_PHOTOS }))
  .default([])

/** Short text a person typed: trimmed, not empty, bounded (its check names the field by its label). */
const words = (max: number) => z.string().trim().min(1).max(max)
/** A number of points that is not 0 (rules add or take away). */
const RulePointsSchema = z
  .number()
  .int()
  .min(-200)
  .max(200)
  .refine((n) => n !== 0, keyText('points.v.not_zero'))

/** A message the system kept for later reading, rendered in the reader's language (shared/i18n). */
const MessageRefSchema = z.object({
  key: z.string().min(1).max(100),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})

// ---- stored documents ----

/** The current version of a rule; `_id` = stableId('pr', villageId, code). */
export const PointsRuleSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  code: RuleCodeSchema,
  name: words(40),
  category: RuleCategorySchema,
  /** points per unit (per time, per hour, per patrol); negative for deductions */
  points: RulePointsSchema,
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
export { DEFAULT_PICKUP_DAYS, DEFAULT_PUBLICITY_DAYS } from './points.rules'

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
  /**
   * The household's awards still open (in publicity, or objected to), kept in the transaction of every change of
   * them (approveBatch, fileObjection, resolveObjection, the credit): what `myPoints` shows as pending without
   * querying the awards. Absent on an account written before it was kept (`tools/backfill-accounts.ts` gives it):
   * the reader then queries the awards.
   */
  open: z
    .array(
      z.object({
        id: IdSchema,
        delta: z.number().int(),
        status: z.enum(['publicity', 'objected']),
        publicUntil: TimestampSchema.nullable(),
      }),
    )
    .optional(),
  /**
   * Moved on each time a member leaves the household (removed, or moved away), in that change's transaction
   * (`leaveHousehold`): a redemption by a member who left meanwhile fails its write of the account (issue #21).
   * Absent: 0.
   */
  membersVersion: z.number().int().min(0).optional(),
  /** The household's head, address and village as its document says, kept by every writer of households (absent: read it) */
  household: z.object({ headName: z.string(), address: z.string(), villageId: IdSchema }).optional(),
  /**
   * What the household redeemed in the Beijing month `month`, by goods (issue #21: kept in the write of the account
   * every redemption makes anyway, not in counter documents of their own). `whole`: every redemption of that month
   * is counted here (a goods not named took none); false for the month this began in, whose redemptions before it
   * are in that month's `points_redeem_limits` documents. Absent: see `points.redemption.ts` redeemedOf.
   */
  redeemed: z
    .object({
      month: MonthSchema,
      goods: z.record(IdSchema, z.number().int().nonnegative()),
      whole: z.boolean(),
    })
    .optional(),
})
export type PointsAccount = z.infer<typeof PointsAccountSchema>
export type OpenAward = NonNullable<PointsAccount['open']>[number]

/** One line of the append-only ledger. */
export const LedgerEntrySchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  householdId: IdSchema,
  kind: z.enum(ENTRY_KIND_NAMES),
  /** 1, 2, 3 … per household: the order of its entries (timestamps can tie) */
  seq: z.number().int().positive(),
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
  /**
   * the household's head when the entry was written (from its account, which keeps it in step with the household),
   * so the ledger's export names them without reading the households; absent on entries written before: read then
   */
  headName: z.string().optional(),
  proposedBy: IdSchema.nullable(),
  approvedBy: IdSchema.nullable(),
  /** what a person typed, or the Chinese text of an older entry; `reasonRef` (and `notes`) when the system wrote it */
  reason: z.string().max(300),
  reasonRef: MessageRefSchema.optional(),
  /** remarks the system added (the balance was short, the month's cap was reached), rendered after the reason */
  notes: z.array(MessageRefSchema).optional(),
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
  evidence: z.array(FileIdSchema),
  /**
   * The evidence whose media check had passed when it was adopted (a passed check never changes): its views read no
   * check for these (issue #21). Absent on a batch written before: every check is read.
   */
  evidencePassed: z.array(FileIdSchema).optional(),
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
  evidence: z.array(FileIdSchema),
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
  /**
   * Points earned by work elsewhere and shown in publicity like any other (价值信息以奖代补: the grid report a
   * handler marked useful); such an award is credited when it is written and belongs to no batch.
   */
  source: z
    .object({ kind: z.literal('report'), incidentId: IdSchema, code: z.string() })
    .nullable()
    .optional(),
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
  name: words(30),
  /** a photo file of ours (adopted from the keeper's upload); older goods may carry none */
  photo: FileIdSchema.nullable(),
  price: z.number().int().min(1).max(100_000),
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

/**
 * A redemption (兑换): goods taken for points, pending until the keeper hands them over (核销) or it is cancelled
 * or expires; `_id` = stableId('rd', userId, requestId), so a repeated request makes one redemption.
 */
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

/**
 * Points counted (absolute) under a capped rule for one household in one Beijing month, including what pending
 * proposals hold; `_id` = stableId('pcap', householdId, ruleId, month). A rejection or withdrawal gives it back.
 */
export const PointsCapSchema = z.object({
  _id: IdSchema,
  householdId: IdSchema,
  ruleId: IdSchema,
  month: MonthSchema,
  used: z.number().int().nonnegative(),
})
export type PointsCap = z.infer<typeof PointsCapSchema>

/**
 * Units of one goods a household took in one Beijing month (its monthly limit), counting pending redemptions;
 * `_id` = stableId('prl', householdId, goodsId, month). A cancelled or expired redemption gives them back.
 */
export const RedeemLimitSchema = z.object({
  _id: IdSchema,
  householdId: IdSchema,
  goodsId: IdSchema,
  month: MonthSchema,
  used: z.number().int().nonnegative(),
})
export type RedeemLimit = z.infer<typeof RedeemLimitSchema>

/**
 * A live 6-digit pickup code of a village, pointing at its pending redemption; `_id` = stableId('pk', villageId,
 * code), so two live redemptions of a village never share a code. Removed when the redemption closes.
 */
export const PickupCodeSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  code: z.string().regex(/^\d{6}$/),
  redemptionId: IdSchema,
})
export type PickupCode = z.infer<typeof PickupCodeSchema>

/** Counters kept in the same transactions as the writes they count (figures never scan). */
export const VillageMonthSchema = z.object({
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
export type VillageMonth = z.infer<typeof VillageMonthSchema>

export const HouseholdMonthSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  householdId: IdSchema,
  headName: z.string(),
  month: MonthSchema,
  earned: z.number().int(),
  lost: z.number().int(),
  /** its entries of the month, but for a redemption after the household's first of the month (issue #21) */
  entries: z.number().int(),
})
export type HouseholdMonth = z.infer<typeof HouseholdMonthSchema>

// ---- inputs and views ----

const Village = { villageId: IdSchema }
const Reason = () => words(200)

export const RuleViewSchema = z.object({
  id: IdSchema,
  villageId: IdSchema,
  code: z.string(),
  name: z.string(),
  category: z.enum(RULE_CATEGORIES),
  categoryLabel: z.string(),
  points: z.number().int(),
  clause: z.string(),
  evidenceRequired: z.boolean(),
  capPerMonth: z.number().int().nullable(),
  mode: RuleModeSchema,
  modeLabel: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: TimestampSchema,
})
export type RuleView = z.infer<typeof RuleViewSchema>
export const ListRulesInputSchema = z.object({ ...Village, includeInactive: z.boolean().default(false) })
export const ListRulesOutputSchema = z.object({ items: z.array(RuleViewSchema) })
export const SaveRuleInputSchema = z.object({
  ...Village,
  code: RuleCodeSchema,
  name: words(40),
  category: RuleCategorySchema,
  points: RulePointsSchema,
  clause: z.string().trim().max(200).default(''),
  evidenceRequired: z.boolean().default(false),
  capPerMonth: z.number().int().min(1).nullable().default(null),
  mode: RuleModeSchema.default('manual'),
  active: z.boolean().default(true),
})
export const ListRuleVersionsInputSchema = z.object({ ruleId: IdSchema })
export const ListRuleVersionsOutputSchema = z.object({ items: z.array(RuleViewSchema) })

export const SettingsViewSchema = z.object({
  villageId: IdSchema,
  publicityDays: z.number().int(),
  pickupDays: z.number().int(),
})
export const GetSettingsInputSchema = z.object(Village)
export const SaveSettingsInputSchema = z.object({
  ...Village,
  publicityDays: z.number().int().min(1).max(30),
  pickupDays: z.number().int().min(1).max(60),
})

export const ListPointsHouseholdsInputSchema = z.object({
  ...Village,
  gridId: IdSchema.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(100),
})
export const PointsHouseholdViewSchema = z.object({
  id: IdSchema,
  gridId: IdSchema,
  headName: z.string(),
  address: z.string(),
  balance: z.number().int(),
})
export const ListPointsHouseholdsOutputSchema = pageOf(PointsHouseholdViewSchema)

export const ProposeInputSchema = z.object({
  ...Village,
  ruleId: IdSchema,
  items: z
    .array(
      z.object({
        householdId: IdSchema,
        quantity: z.number().positive(keyText('points.v.more_than_zero')).max(100).default(1),
        memberName: z.string().trim().max(20).nullable().default(null),
      }),
    )
    .min(1, keyText('points.v.pick_households'))
    .max(100, keyText('points.v.max_households', { max: 100 })),
  note: z.string().trim().max(200).default(''),
  evidence: EvidenceSchema,
})

export const BatchViewSchema = z.object({
  id: IdSchema,
  villageId: IdSchema,
  rule: z.object({
    id: IdSchema,
    code: z.string(),
    name: z.string(),
    category: z.enum(RULE_CATEGORIES),
    categoryLabel: z.string(),
    version: z.number().int(),
  }),
  note: z.string(),
  /** the proposer's evidence photos with display URLs: only officials see batches; residents' publicity carries none */
  evidence: z.array(PhotoViewSchema),
  households: z.number().int(),
  totalPoints: z.number().int(),
  status: z.enum(BATCH_STATUS_NAMES),
  statusLabel: z.string(),
  proposedBy: IdSchema,
  proposedByName: z.string(),
  proposedAt: TimestampSchema,
  decidedByName: z.string().nullable(),
  decidedAt: TimestampSchema.nullable(),
  decisionNote: z.string().nullable(),
  /** whether the caller may approve or reject it (not their own, still pending) */
  canDecide: z.boolean(),
})
export type BatchView = z.infer<typeof BatchViewSchema>
export const ListBatchesInputSchema = PageInputSchema.extend({
  ...Village,
  status: z.enum(BATCH_STATUS_NAMES).optional(),
})
export const ListBatchesOutputSchema = pageOf(BatchViewSchema)

export const AwardViewSchema = z.object({
  id: IdSchema,
  batchId: IdSchema,
  householdId: IdSchema,
  headName: z.string(),
  memberName: z.string().nullable(),
  ruleName: z.string(),
  category: z.enum(RULE_CATEGORIES),
  categoryLabel: z.string(),
  quantity: z.number(),
  delta: z.number().int(),
  note: z.string(),
  status: z.enum(AWARD_STATUS_NAMES),
  statusLabel: z.string(),
  publicUntil: TimestampSchema.nullable(),
  objections: z.number().int(),
  creditedDelta: z.number().int().nullable(),
})
export type AwardView = z.infer<typeof AwardViewSchema>
export const GetBatchInputSchema = z.object({ batchId: IdSchema })
export const GetBatchOutputSchema = z.object({ batch: BatchViewSchema, awards: z.array(AwardViewSchema) })
export const DecideBatchInputSchema = z.object({ batchId: IdSchema, note: z.string().trim().max(200).default('') })
export const RejectBatchInputSchema = z.object({ batchId: IdSchema, note: Reason() })

export const ListPublicityInputSchema = PageInputSchema.extend({ ...Village, month: MonthSchema.optional() })
export const PublicItemSchema = z.object({
  id: IdSchema,
  headNameMasked: z.string(),
  memberNameMasked: z.string().nullable(),
  ruleName: z.string(),
  category: z.enum(RULE_CATEGORIES),
  categoryLabel: z.string(),
  delta: z.number().int(),
  note: z.string(),
  status: z.enum(AWARD_STATUS_NAMES),
  statusLabel: z.string(),
  approvedAt: TimestampSchema.nullable(),
  publicUntil: TimestampSchema.nullable(),
  objections: z.number().int(),
  mine: z.boolean(),
  myObjection: z.enum(OBJECTION_STATUS_NAMES).nullable(),
  canObject: z.boolean(),
  /** where points not scored by an official came from, in the reader's language ("上报 SJ… 有价值"); null for an award */
  source: z.string().nullable(),
})
export type PublicItem = z.infer<typeof PublicItemSchema>
export const ListPublicityOutputSchema = pageOf(PublicItemSchema).extend({
  month: MonthSchema,
  villageName: z.string(),
})

export const FileObjectionInputSchema = z.object({ awardId: IdSchema, reason: Reason() })
export const ObjectionViewSchema = z.object({
  id: IdSchema,
  awardId: IdSchema,
  headName: z.string(),
  ruleName: z.string(),
  delta: z.number().int(),
  note: z.string(),
  userName: z.string(),
  reason: z.string(),
  status: z.enum(OBJECTION_STATUS_NAMES),
  statusLabel: z.string(),
  createdAt: TimestampSchema,
  resolvedAt: TimestampSchema.nullable(),
  resolutionNote: z.string().nullable(),
  /** whether the caller may decide it: open, and neither their own proposal, objection nor household */
  canDecide: z.boolean(),
})
export type ObjectionView = z.infer<typeof ObjectionViewSchema>
export const ListObjectionsInputSchema = PageInputSchema.extend({
  ...Village,
  status: z.enum(OBJECTION_STATUS_NAMES).optional(),
})
export const ListObjectionsOutputSchema = pageOf(ObjectionViewSchema)
export const ResolveObjectionInputSchema = z.object({
  objectionId: IdSchema,
  decision: z.enum(['uphold', 'withdraw'], { error: keyText('v.choose') }),
  note: Reason(),
})

export const SettleInputSchema = z.object(Village)
export const SettleOutputSchema = z.object({
  settled: z.number().int(),
  points: z.number().int(),
  remaining: z.number().int(),
})

export const EntryViewSchema = z.object({
  id: IdSchema,
  kind: z.enum(ENTRY_KIND_NAMES),
  kindLabel: z.string(),
  delta: z.number().int(),
  balanceAfter: z.number().int(),
  ruleName: z.string().nullable(),
  category: z.enum(RULE_CATEGORIES).nullable(),
  categoryLabel: z.string().nullable(),
  reason: z.string(),
  memberName: z.string().nullable(),
  at: TimestampSchema,
})
export type EntryView = z.infer<typeof EntryViewSchema>
export const MyPointsInputSchema = PageInputSchema
export const MyPointsOutputSchema = z.object({
  household: z
    .object({ id: IdSchema, headName: z.string(), address: z.string(), villageId: IdSchema, villageName: z.string() })
    .nullable(),
  balance: z.number().int(),
  earned: z.number().int(),
  spent: z.number().int(),
  /** approved awards still in publicity for my household (not yet counted) */
  pending: z.object({ count: z.number().int(), points: z.number().int() }),
  history: pageOf(EntryViewSchema),
})
export type MyPoints = z.infer<typeof MyPointsOutputSchema>

export const GetBoardInputSchema = PageInputSchema.extend({ ...Village, month: MonthSchema.optional() })
export const BoardSchema = pageOf(
  z.object({ rank: z.number().int(), headNameMasked: z.string(), points: z.number().int(), mine: z.boolean() }),
).extend({ month: MonthSchema.nullable(), villageName: z.string() })

export const GoodsViewSchema = z.object({
  id: IdSchema,
  villageId: IdSchema,
  name: z.string(),
  /** the goods' photo with a display URL the file port made (never a client string); null without one */
  photo: PhotoViewSchema.nullable(),
  price: z.number().int(),
  stock: z.number().int(),
  limitPerMonth: z.number().int().nullable(),
  active: z.boolean(),
  sort: z.number().int(),
  /** how many my household took this month (for residents) */
  takenThisMonth: z.number().int(),
})
export type GoodsView = z.infer<typeof GoodsViewSchema>
export const ListGoodsInputSchema = z.object({ ...Village, includeOff: z.boolean().default(false) })
export const ListGoodsOutputSchema = z.object({ items: z.array(GoodsViewSchema), balance: z.number().int().nullable() })
export const SaveGoodsInputSchema = z.object({
  ...Village,
  goodsId: IdSchema.optional(),
  name: words(30),
  /** a photo the caller uploaded (adopted by saveGoods); null takes the photo off; left out keeps the current one */
  photo: FileIdSchema.nullable().optional(),
  price: z.number().int().min(1).max(100_000),
  limitPerMonth: z.number().int().positive().nullable().default(null),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(9999).default(0),
  /** only when creating; change stock later with adjustStock */
  stock: z.number().int().min(0).max(100_000).default(0),
})
export const AdjustStockInputSchema = z.object({
  goodsId: IdSchema,
  delta: z
    .number()
    .int()
    .min(-100_000)
    .max(100_000)
    .refine((n) => n !== 0, keyText('points.v.not_zero')),
  reason: Reason(),
})

export const RedeemInputSchema = z.object({ goodsId: IdSchema, quantity: z.number().int().min(1).max(20).default(1) })
export const RedemptionViewSchema = z.object({
  id: IdSchema,
  villageId: IdSchema,
  householdId: IdSchema,
  headName: z.string(),
  userName: z.string(),
  goodsId: IdSchema,
  goodsName: z.string(),
  quantity: z.number().int(),
  points: z.number().int(),
  status: z.enum(REDEMPTION_STATUS_NAMES),
  statusLabel: z.string(),
  code: z.string().nullable(),
  /** the signed QR payload and its PNG (drawn by the function) while the goods can be picked up, for the household */
  qr: z.string().nullable(),
  qrImage: z.string().nullable(),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  closedAt: TimestampSchema.nullable(),
})
export type RedemptionView = z.infer<typeof RedemptionViewSchema>
export const MyRedemptionsInputSchema = PageInputSchema
export const MyRedemptionsOutputSchema = pageOf(RedemptionViewSchema)
export const RedemptionIdInputSchema = z.object({ redemptionId: IdSchema })
export const PickupInputSchema = z.object({
  ...Village,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, keyText('points.v.pickup_code')),
  /** the scanned QR (it carries the same code and the server's signature); without it the code was typed */
  qr: z.string().trim().max(200).optional(),
})
export const ListRedemptionsInputSchema = PageInputSchema.extend({
  ...Village,
  status: z.enum(REDEMPTION_STATUS_NAMES).optional(),
})
export const ListRedemptionsOutputSchema = pageOf(RedemptionViewSchema)
export const ExpireOutputSchema = z.object({ expired: z.number().int(), remaining: z.number().int() })

export const CorrectEntryInputSchema = z.object({ entryId: IdSchema, reason: Reason() })

const CategoryPointsSchema = z.object({
  category: z.enum(RULE_CATEGORIES),
  categoryLabel: z.string(),
  points: z.number().int(),
})
export const GetFiguresInputSchema = z.object({ ...Village, month: MonthSchema })
export const FiguresSchema = z.object({
  villageId: IdSchema,
  villageName: z.string(),
  month: MonthSchema,
  given: z.array(CategoryPointsSchema),
  deducted: z.array(CategoryPointsSchema),
  givenTotal: z.number().int(),
  deductedTotal: z.number().int(),
  activeHouseholds: z.number().int(),
  households: z.number().int(),
  redemptions: z.number().int(),
  redeemedPoints: z.number().int(),
  fulfilled: z.number().int(),
  cancelled: z.number().int(),
  expired: z.number().int(),
  pendingBatches: z.number().int(),
  openObjections: z.number().int(),
  stock: z.array(z.object({ goodsId: IdSchema, name: z.string(), stock: z.number().int(), active: z.boolean() })),
})

export const ExportInputSchema = z.object({
  ...Village,
  month: MonthSchema,
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
})
export const ExportOutputSchema = z.object({
  filename: z.string(),
  mime: z.string(),
  base64: z.string(),
  rows: z.number().int(),
})
