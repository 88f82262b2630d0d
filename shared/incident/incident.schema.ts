import { z } from 'zod'
import { GeoPointSchema, IdSchema, PageInputSchema, TimestampSchema, pageOf } from '../common.schema'
import { UnitRefSchema } from '../account/account.schema'
import { FileIdSchema, PhotoViewSchema } from '../files'
import { keyText } from '../i18n/i18n'
import './incident.input.messages'

/**
 * No sentence in a schema (issue #20): a failed check is rendered from zod's issue and the field's label
 * (`field.<name>`, incident.input.messages.ts), or from a message key (`keyText`).
 */
const choose = { error: keyText('v.choose') }

// ---- vocabulary ----

/**
 * The default categories (网格事件类别), named in the catalogue (`incident.category.<key>`); a county may override
 * the list (IncidentConfig) with names of its own.
 */
export const DEFAULT_CATEGORY_KEYS = [
  'dispute',
  'hazard',
  'public_order',
  'sanitation',
  'facility',
  'service',
  'other',
] as const
export type DefaultCategoryKey = (typeof DEFAULT_CATEGORY_KEYS)[number]
export const CategoryKeySchema = z
  .string(choose)
  .min(1, choose)
  .max(32)
  .regex(/^[a-z_]+$/)
export type CategoryKey = z.infer<typeof CategoryKeySchema>
export const MAX_CATEGORY_LABEL = 12
export const CategorySchema = z.object({
  key: CategoryKeySchema,
  label: z.string().trim().min(1).max(MAX_CATEGORY_LABEL),
})
export type Category = z.infer<typeof CategorySchema>

export const SEVERITIES = ['normal', 'major', 'serious'] as const
export const SeveritySchema = z.enum(SEVERITIES, choose)
export type Severity = z.infer<typeof SeveritySchema>

/** Who holds an incident now: a grid, its village, the township dispatch centre or a department. */
export const HANDLER_LEVELS = ['grid', 'village', 'township', 'department'] as const
export const HandlerLevelSchema = z.enum(HANDLER_LEVELS)
export type HandlerLevel = z.infer<typeof HandlerLevelSchema>

export const INCIDENT_STATUSES = [
  'submitted',
  'accepted',
  'escalated',
  'dispatched',
  'reported_back',
  'resolved',
  'confirmed',
  'rejected',
  'reopened',
] as const
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES)
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>

export const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const
export const RatingSchema = z.enum(RATINGS, choose)
export type Rating = z.infer<typeof RatingSchema>

export const MEDIATION_OUTCOMES = ['success', 'failed', 'transferred'] as const
export const MediationOutcomeSchema = z.enum(MEDIATION_OUTCOMES, choose)
export type MediationOutcome = z.infer<typeof MediationOutcomeSchema>

/** 1–5 stars given by the unit that blew the whistle to the department (一哨一考核). */
const oneToFive = keyText('incident.v.score')
export const DeptScoreSchema = z.number(choose).int(oneToFive).min(1, oneToFive).max(5, oneToFive)

export const MAX_PHOTOS = 9
const photoMax = keyText('v.photo_max', { max: MAX_PHOTOS })
export const PhotosSchema = z
  .array(FileIdSchema)
  .min(1, keyText('v.photo_min', { min: 1 }))
  .max(MAX_PHOTOS, photoMax)
export const OptionalPhotosSchema = z.array(FileIdSchema).max(MAX_PHOTOS, photoMax).default([])

export const PartySchema = z.object({
  name: z
    .string({ error: keyText('incident.v.party_name') })
    .trim()
    .min(1, keyText('incident.v.party_name'))
    .max(20),
  note: z.string().trim().max(40).default(''),
})
export type Party = z.infer<typeof PartySchema>

export const MediationSchema = z.object({
  at: TimestampSchema,
  byUserId: IdSchema,
  byName: z.string(),
  note: z.string(),
  outcome: MediationOutcomeSchema,
})
export type Mediation = z.infer<typeof MediationSchema>

export const DisputeSchema = z.object({
  parties: z.array(PartySchema).max(10),
  mediations: z.array(MediationSchema),
  outcome: MediationOutcomeSchema.nullable(),
})
export type Dispute = z.infer<typeof DisputeSchema>

// ---- stored documents ----

/** A message kept to be shown later in its reader's language (`render(ref, lang)`); older documents hold text. */
export const MessageRefSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
/** Text kept for later reading: a MessageRef, or (written before issue #20) a Chinese sentence shown as it is. */
export const KeptTextSchema = z.union([z.string(), MessageRefSchema])
export type KeptText = z.infer<typeof KeptTextSchema>

export const IncidentSchema = z.object({
  _id: IdSchema,
  /** 编号 shown to people and in the ledger */
  code: z.string(),
  category: CategoryKeySchema,
  categoryLabel: z.string(),
  severity: SeveritySchema,
  description: z.string(),
  photos: z.array(FileIdSchema),
  /** null when the reporter could not be located (browser refused) and typed the address instead */
  location: GeoPointSchema.nullable(),
  /** coarse geohash cell (precision 7, ~150 m) for the indexed "nearby" query; null without a location */
  cell: z.string().nullable(),
  address: z.string(),
  // denormalized ancestry for indexed queries in any unit
  prefectureId: IdSchema,
  countyId: IdSchema,
  townshipId: IdSchema,
  villageId: IdSchema,
  gridId: IdSchema,
  reporterId: IdSchema,
  reporterName: z.string(),
  reporterPhone: z.string().nullable(),
  anonymous: z.boolean(),
  /**
   * The reporter agreed to be contacted ("可以联系我"): only then do handlers see their name. Absent on cases filed
   * before the choice existed: a named report counts as agreeing, an anonymous one not (`isContactable`).
   */
  contactable: z.boolean().optional(),
  source: z.enum(['resident', 'grid_worker', 'patrol']),
  status: IncidentStatusSchema,
  open: z.boolean(),
  level: HandlerLevelSchema,
  handlerUnitId: IdSchema,
  /** deadline of the current stage (accept, resolve, department, confirm) */
  dueAt: TimestampSchema.nullable(),
  /** = dueAt while the sweep has not yet handled this stage; null afterwards (indexed) */
  sweepAt: TimestampSchema.nullable(),
  /** overall resolve-by from the rules (on-time rate) */
  resolveBy: TimestampSchema,
  overdue: z.boolean(),
  reportedAt: TimestampSchema,
  month: z.string(),
  acceptedAt: TimestampSchema.nullable(),
  resolvedAt: TimestampSchema.nullable(),
  resolvedLevel: HandlerLevelSchema.nullable(),
  resolvedUnitId: IdSchema.nullable(),
  resolution: z.string().nullable(),
  firstClosedAt: TimestampSchema.nullable(),
  confirmedAt: TimestampSchema.nullable(),
  departmentId: IdSchema.nullable(),
  dispatchUnitId: IdSchema.nullable(),
  dispatchDeadline: TimestampSchema.nullable(),
  reportedBackAt: TimestampSchema.nullable(),
  escalatedBy: IdSchema.nullable(),
  deptScore: z.number().int().nullable(),
  rating: RatingSchema.nullable(),
  ratingComment: z.string().nullable(),
  rejectReason: z.string().nullable(),
  dispute: DisputeSchema.nullable(),
  /** residents who said "我也遇到" (they hear back too) */
  followerIds: z.array(IdSchema),
  joinCount: z.number().int(),
  /** timeline sequence: the next event is seq + 1 (deterministic event ids) */
  seq: z.number().int(),
  updatedAt: TimestampSchema,
})
export type Incident = z.infer<typeof IncidentSchema>

export const INCIDENT_ACTIONS = [
  'report',
  'accept',
  'resolve',
  'escalate',
  'reject',
  'dispatch',
  'feedback',
  'close',
  'rate_ok',
  'rate_unsatisfied',
  'auto_confirm',
  'auto_escalate',
] as const
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number]
/** What moves a case on in its state table (a report creates it): the action of a transition. */
export type TransitionAction = Exclude<IncidentAction, 'report'>

/** One entry of an incident's timeline (append-only): its report, each transition, each record. */
export const IncidentEventSchema = z.object({
  _id: IdSchema,
  incidentId: IdSchema,
  seq: z.number().int(),
  action: z.enum([...INCIDENT_ACTIONS, 'join', 'mediate', 'rate_dept', 'overdue']),
  fromStatus: IncidentStatusSchema.nullable(),
  toStatus: IncidentStatusSchema,
  level: HandlerLevelSchema,
  unitId: IdSchema,
  byUserId: IdSchema.nullable(),
  /** the person's name as it was then; empty for the system */
  byName: z.string(),
  at: TimestampSchema,
  /** what the person typed, shown as typed */
  note: z.string(),
  /** what the system says of the step (an outcome, a rating, a deadline), in the reader's language; before `note` */
  systemNote: MessageRefSchema.nullable().optional(),
  photos: z.array(FileIdSchema),
})
export type IncidentEvent = z.infer<typeof IncidentEventSchema>

export const InboxMessageSchema = z.object({
  _id: IdSchema,
  userId: IdSchema,
  incidentId: IdSchema.nullable(),
  title: KeptTextSchema,
  body: KeptTextSchema,
  at: TimestampSchema,
  readAt: TimestampSchema.nullable(),
})
export type InboxMessage = z.infer<typeof InboxMessageSchema>

/** "有事报信息、无事报平安": one per grid per Beijing day (id = stableId('sr', gridId, day)). */
export const SafeReportSchema = z.object({
  _id: IdSchema,
  gridId: IdSchema,
  villageId: IdSchema,
  townshipId: IdSchema,
  day: z.string(),
  kind: z.enum(['safe', 'incident']),
  byUserId: IdSchema,
  byName: z.string(),
  note: z.string(),
  at: TimestampSchema,
})
export type SafeReport = z.infer<typeof SafeReportSchema>

/** A "我也遇到": one per incident and person (id = stableId('ij', incidentId, userId)). */
export const IncidentJoinSchema = z.object({
  _id: IdSchema,
  incidentId: IdSchema,
  userId: IdSchema,
  at: TimestampSchema,
})
export type IncidentJoin = z.infer<typeof IncidentJoinSchema>

/** Per-county override of the category list (its `_id` is the county's code). */
export const IncidentConfigSchema = z.object({
  _id: IdSchema,
  categories: z.array(CategorySchema).min(1),
  version: z.number().int().optional(),
  updatedAt: TimestampSchema.optional(),
  updatedBy: IdSchema.optional(),
  updatedByName: z.string().optional(),
})
export type IncidentConfig = z.infer<typeof IncidentConfigSchema>

export const COUNTER_FIELDS = [
  'found',
  'closed',
  'closedOnTime',
  'closeHoursSum',
  'rejected',
  'reopened',
  'rated',
  'satisfied',
  'basic',
  'unsatisfied',
  'resolvedSatisfied',
  'closedUnrated',
  'overdue',
  'dispatched',
  'reportedBack',
  'reportedBackOnTime',
  'deptRatingCount',
  'deptRatingSum',
  'safeDays',
  'mediated',
  'mediatedSuccess',
] as const
export type CounterField = (typeof COUNTER_FIELDS)[number]
/**
 * The counters of one unit in one Beijing month (id = stableId('icn', unitId, month)), kept in the transactions
 * that change them: figures are computed from them, never from scanning incidents.
 */
export const IncidentCounterSchema = z.object({
  _id: IdSchema,
  unitId: IdSchema,
  month: z.string(),
  ...(Object.fromEntries(COUNTER_FIELDS.map((f) => [f, z.number().default(0)])) as Record<
    CounterField,
    z.ZodDefault<z.ZodNumber>
  >),
})
export type IncidentCounter = { _id: string; unitId: string; month: string } & Record<CounterField, number>

// ---- views ----

export const TimelineEntrySchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  statusLabel: z.string(),
  unitName: z.string(),
  byName: z.string(),
  at: TimestampSchema,
  note: z.string(),
  photos: z.array(PhotoViewSchema),
})
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>

export const ACTION_NAMES = [
  'accept',
  'resolve',
  'escalate',
  'reject',
  'dispatch',
  'feedback',
  'close',
  'rate',
  'rateDepartment',
  'mediate',
  'join',
] as const
export const ActionNameSchema = z.enum(ACTION_NAMES)

export const IncidentSummarySchema = z.object({
  id: IdSchema,
  code: z.string(),
  category: CategoryKeySchema,
  categoryLabel: z.string(),
  severity: SeveritySchema,
  status: IncidentStatusSchema,
  statusLabel: z.string(),
  open: z.boolean(),
  overdue: z.boolean(),
  description: z.string(),
  area: z.string(),
  reportedAt: TimestampSchema,
  dueAt: TimestampSchema.nullable(),
  level: HandlerLevelSchema,
  joinCount: z.number().int(),
  rating: RatingSchema.nullable(),
})
export type IncidentSummary = z.infer<typeof IncidentSummarySchema>

export const IncidentViewSchema = IncidentSummarySchema.extend({
  /** what this caller may see: handler (everything), reporter (own report), public (summary only) */
  access: z.enum(['handler', 'reporter', 'public']),
  photos: z.array(PhotoViewSchema),
  /** precise location: handlers and the reporter only */
  location: GeoPointSchema.nullable(),
  address: z.string().nullable(),
  /** the reporter's own view: their name; handlers: the name only where they agreed to be contacted */
  reporterName: z.string(),
  /** masked for everyone; null for residents other than the reporter */
  reporterPhone: z.string().nullable(),
  anonymous: z.boolean(),
  /** "可以联系我" */
  contactable: z.boolean(),
  handlerUnit: UnitRefSchema,
  department: UnitRefSchema.nullable(),
  dispatchDeadline: TimestampSchema.nullable(),
  resolution: z.string().nullable(),
  resolvedAt: TimestampSchema.nullable(),
  ratingLabel: z.string().nullable(),
  ratingComment: z.string().nullable(),
  deptScore: z.number().int().nullable(),
  rejectReason: z.string().nullable(),
  dispute: DisputeSchema.nullable(),
  mine: z.boolean(),
  /** actions this caller may take on it now */
  actions: z.array(ActionNameSchema),
  timeline: z.array(TimelineEntrySchema),
})
export type IncidentView = z.infer<typeof IncidentViewSchema>

// ---- inputs / outputs ----

/** A typed address stands in for a position only when it says enough to find the place. */
export const MIN_TYPED_ADDRESS = 4

export const ReportInputSchema = z
  .object({
    category: CategoryKeySchema,
    severity: SeveritySchema.default('normal'),
    description: z.string().trim().min(5).max(500),
    photos: PhotosSchema,
    /** GCJ-02 from the WeChat picker or the browser; null when location is refused, then the address says where */
    location: GeoPointSchema.nullable().default(null),
    address: z.string().trim().max(80).default(''),
    /** defaults to the reporter's residence grid */
    gridId: IdSchema.optional(),
    anonymous: z.boolean().default(false),
    /** "可以联系我": handlers may see who reported; by default yes for a named report, no for an anonymous one */
    contactable: z.boolean().optional(),
    parties: z.array(PartySchema).max(10).default([]),
  })
  .refine((r) => r.location !== null || r.address.length >= MIN_TYPED_ADDRESS, {
    message: keyText('incident.v.address', { min: MIN_TYPED_ADDRESS }),
    path: ['address'],
  })
export type ReportInput = z.infer<typeof ReportInputSchema>

export const NearbyInputSchema = z.object({ category: CategoryKeySchema, location: GeoPointSchema })
/**
 * How near an open case is, in the only steps "我也遇到" tells (incident.rules.ts `nearbyStep`): in the probe's own
 * precision-7 geohash cell, or in one of its eight neighbours.
 */
export const NEARBY_STEPS = ['same_cell', 'next_cell'] as const
export type NearbyStep = (typeof NEARBY_STEPS)[number]
/** An open case near the probe, with how near in coarse steps only (never a distance in metres). */
export const NearbyItemSchema = IncidentSummarySchema.extend({ step: z.enum(NEARBY_STEPS) })
export const NearbyOutputSchema = z.object({ items: z.array(NearbyItemSchema) })

export const IncidentIdInputSchema = z.object({ incidentId: IdSchema })
export const JoinInputSchema = IncidentIdInputSchema.extend({
  note: z.string().trim().max(200).default(''),
})

export const NoteInputSchema = IncidentIdInputSchema.extend({
  note: z.string().trim().max(500).default(''),
  photos: OptionalPhotosSchema,
})
export const RequiredNoteInputSchema = IncidentIdInputSchema.extend({
  note: z.string().trim().min(2).max(500),
  photos: OptionalPhotosSchema,
})
export const DispatchInputSchema = IncidentIdInputSchema.extend({
  departmentId: IdSchema,
  /** deadline as days from now (定责派单的办理时限) */
  deadlineDays: z.number().int().min(1).max(60),
  note: z.string().trim().max(500).default(''),
})
export const RateInputSchema = IncidentIdInputSchema.extend({
  rating: RatingSchema,
  comment: z.string().trim().max(200).default(''),
})
export const RateDeptInputSchema = IncidentIdInputSchema.extend({
  score: DeptScoreSchema,
  comment: z.string().trim().max(200).default(''),
})
export const MediateInputSchema = IncidentIdInputSchema.extend({
  outcome: MediationOutcomeSchema,
  note: z.string().trim().min(2).max(500),
})

export const MineInputSchema = PageInputSchema
export const QueueInputSchema = PageInputSchema.extend({
  /** todo: what my units must act on now; all: every incident in unitId */
  view: z.enum(['todo', 'all']).default('todo'),
  unitId: IdSchema.optional(),
})
export const SummaryPageSchema = pageOf(IncidentSummarySchema)

export const InboxInputSchema = PageInputSchema
export const InboxItemSchema = z.object({
  id: IdSchema,
  incidentId: IdSchema.nullable(),
  title: z.string(),
  body: z.string(),
  at: TimestampSchema,
  read: z.boolean(),
})
export const InboxOutputSchema = pageOf(InboxItemSchema).extend({ unread: z.number().int() })
export const InboxReadInputSchema = z.object({
  ids: z.array(IdSchema).max(50).default([]),
  all: z.boolean().default(false),
})

export const SafeReportInputSchema = z.object({ gridId: IdSchema, note: z.string().trim().max(200).default('') })
export const SafeReportOutputSchema = z.object({
  day: z.string(),
  gridId: IdSchema,
  kind: z.enum(['safe', 'incident']),
  at: TimestampSchema,
  already: z.boolean(),
})
export const SafeStatusInputSchema = z.object({
  unitId: IdSchema,
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, keyText('v.day'))
    .optional(),
})
export const SafeStatusOutputSchema = z.object({
  day: z.string(),
  grids: z.array(
    z.object({
      grid: UnitRefSchema,
      reported: z.boolean(),
      kind: z.enum(['safe', 'incident']).nullable(),
      at: TimestampSchema.nullable(),
      byName: z.string().nullable(),
    }),
  ),
  reportedCount: z.number().int(),
  missingCount: z.number().int(),
})

export const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, keyText('incident.v.period'))
export const FiguresInputSchema = z.object({ unitId: IdSchema, period: PeriodSchema })
export const FiguresSchema = z.object({
  found: z.number().int(),
  closed: z.number().int(),
  resolvedSatisfied: z.number().int(),
  rejected: z.number().int(),
  reopened: z.number().int(),
  closedUnrated: z.number().int(),
  overdue: z.number().int(),
  /** 化解率: closed / (found − rejected), 0–1, null when nothing to resolve */
  resolutionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  avgHoursToClose: z.number().nullable(),
  /** (满意 + 基本满意) / rated */
  satisfactionRate: z.number().nullable(),
  rated: z.number().int(),
  /** grid-days with a safe or incident report / grid-days in the period so far */
  safeReportRate: z.number().nullable(),
  dispatched: z.number().int(),
  reportedBackOnTimeRate: z.number().nullable(),
  deptAvgScore: z.number().nullable(),
})
export type Figures = z.infer<typeof FiguresSchema>
export const FiguresOutputSchema = z.object({
  unit: UnitRefSchema,
  period: z.string(),
  figures: FiguresSchema,
  children: z.array(z.object({ rank: z.number().int(), unit: UnitRefSchema, figures: FiguresSchema })),
})

export const LedgerInputSchema = z.object({
  unitId: IdSchema,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, keyText('v.month')),
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
})
/** The ledger's columns, in order (headed by `incident.ledger.<column>` in the reader's language). */
export const LEDGER_COLUMNS = [
  'code',
  'reported_at',
  'reporter',
  'grid',
  'category',
  'description',
  'handler',
  'result',
  'closed_at',
  'satisfaction',
] as const
export const LedgerOutputSchema = z.object({
  fileName: z.string(),
  url: z.string(),
  rows: z.number().int(),
  /** the first rows, to show on screen */
  preview: z.array(z.array(z.string())),
})

export const ConfigInputSchema = z.object({ gridId: IdSchema.optional() })
export const ConfigOutputSchema = z.object({
  /** labels in the reader's language (a default name in Tibetan is longer than a county may type) */
  categories: z.array(z.object({ key: CategoryKeySchema, label: z.string() })),
  severities: z.array(z.object({ key: SeveritySchema, label: z.string() })),
  defaultGrid: UnitRefSchema.nullable(),
})
export const DepartmentsInputSchema = IncidentIdInputSchema
export const DepartmentsOutputSchema = z.object({ items: z.array(UnitRefSchema) })
export const SweepOutputSchema = z.object({
  escalated: z.number().int(),
  flagged: z.number().int(),
  confirmed: z.number().int(),
})
export const TransitionOutputSchema = z.object({
  id: IdSchema,
  status: IncidentStatusSchema,
  statusLabel: z.string(),
  level: HandlerLevelSchema,
})

// ---- per-county categories (县级配置) ----

export const MAX_CATEGORIES = 15
/** The catch-all every county keeps, so anything can be reported. */
export const CATCH_ALL_CATEGORY = 'other'

export const CountyInputSchema = z.object({ countyId: IdSchema })
export const CategoriesOutputSchema = z.object({
  county: UnitRefSchema,
  categories: z.array(CategorySchema),
  /** true while the county uses the default list */
  isDefault: z.boolean(),
  updatedAt: TimestampSchema.nullable(),
  updatedByName: z.string().nullable(),
})
export type CategoriesOutput = z.infer<typeof CategoriesOutputSchema>

export const SaveCategoriesInputSchema = z
  .object({
    countyId: IdSchema,
    /** in the order residents see them; `key` null for a new category (the server names it) */
    categories: z
      .array(
        z.object({
          key: CategoryKeySchema.nullable().default(null),
          label: z.string().trim().min(2).max(MAX_CATEGORY_LABEL),
        }),
      )
      .min(1, keyText('incident.v.categories_min'))
      .max(MAX_CATEGORIES, keyText('incident.v.categories_max', { max: MAX_CATEGORIES })),
  })
  .refine((i) => new Set(i.categories.map((c) => c.label)).size === i.categories.length, {
    message: keyText('incident.v.categories_unique'),
    path: ['categories'],
  })
  .refine(
    (i) => {
      const keys = i.categories.flatMap((c) => (c.key ? [c.key] : []))
      return new Set(keys).size === keys.length
    },
    { message: keyText('incident.v.categories_twice'), path: ['categories'] },
  )
  .refine((i) => i.categories.some((c) => c.key === CATCH_ALL_CATEGORY), {
    message: keyText('incident.v.keep_other'),
    path: ['categories'],
  })
