import { z } from 'zod'
import { GeoPointSchema, IdSchema, PageInputSchema, TimestampSchema, pageOf } from '../common.schema'
import { UnitRefSchema } from '../account/account.schema'
import { FileIdSchema, PhotoViewSchema } from '../files'
import { keyText, LANGS } from '../i18n/i18n'
import './incident.input.messages'
import { COUNTER_FIELDS, type CounterField } from './incident.keys'

/**
 * No sentence in a schema (issue #20): a failed check is rendered from zod's issue and the field's label
 * (`field.<name>`, incident.input.messages.ts), or from a message key (`keyText`).
 */
const choose = { error: keyText('v.choose') }

// ---- vocabulary ----

export { COUNTER_FIELDS, DEFAULT_CATEGORY_KEYS, type CounterField, type DefaultCategoryKey } from './incident.keys'
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

/**
 * Who holds an incident now: a grid, its village, the township dispatch centre, the county's 综治中心 (大事全网联动)
 * or the departments it was whistled to.
 */
export const HANDLER_LEVELS = ['grid', 'village', 'township', 'county', 'department'] as const
/** The levels of a dispatch centre (综治中心): they whistle departments, watch them and close. */
export const CENTRE_LEVELS = ['township', 'county'] as const
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
  /** every department it was whistled to handed it back as not theirs: the centre dispatches again */
  'returned',
] as const
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES)
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>

export const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const
export const RatingSchema = z.enum(RATINGS, choose)
export type Rating = z.infer<typeof RatingSchema>

export const MEDIATION_OUTCOMES = ['success', 'failed', 'transferred'] as const
export const MediationOutcomeSchema = z.enum(MEDIATION_OUTCOMES, choose)
export type MediationOutcome = z.infer<typeof MediationOutcomeSchema>

/** The kind of a dispute (纠纷类型), as the dispute ledger (矛盾纠纷排查调处台账) sorts them. */
export const DISPUTE_KINDS = ['family', 'neighbour', 'land', 'grassland', 'debt', 'labour', 'other'] as const
export const DisputeKindSchema = z.enum(DISPUTE_KINDS, choose)
export type DisputeKind = z.infer<typeof DisputeKindSchema>
/** Who mediates: the people's mediation committee, a 法律明白人, a mediator. */
export const MEDIATOR_BODIES = ['committee', 'legal_person', 'mediator'] as const
export const MediatorBodySchema = z.enum(MEDIATOR_BODIES, choose)
export type MediatorBody = z.infer<typeof MediatorBodySchema>
/** Where a dispute mediation did not settle goes: 司法所, 信访 or 诉讼. */
export const TRANSFER_TARGETS = ['judicial', 'petition', 'litigation'] as const
export const TransferTargetSchema = z.enum(TRANSFER_TARGETS, choose)
export type TransferTarget = z.infer<typeof TransferTargetSchema>

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

/** One mediation session (调解) with its notes; the last one's outcome is the dispute's. */
export const MediationSchema = z.object({
  at: TimestampSchema,
  byUserId: IdSchema,
  byName: z.string(),
  note: z.string(),
  outcome: MediationOutcomeSchema,
  /** absent on sessions recorded before bodies were kept */
  body: MediatorBodySchema.optional(),
  mediatorName: z.string().optional(),
  transferTo: TransferTargetSchema.nullable().optional(),
})
export type Mediation = z.infer<typeof MediationSchema>

export const DisputeSchema = z.object({
  parties: z.array(PartySchema).max(10),
  mediations: z.array(MediationSchema),
  outcome: MediationOutcomeSchema.nullable(),
  kind: DisputeKindSchema.nullable().optional(),
  /** the agreement (调解协议) on success: its text and photos */
  agreement: z.string().nullable().optional(),
  agreementPhotos: z.array(FileIdSchema).optional(),
  transferTo: TransferTargetSchema.nullable().optional(),
})
export type Dispute = z.infer<typeof DisputeSchema>

// ---- 街道吹哨、部门报到 ----

/** A department's part of a whistled case: assigned → 报到 (accepted) → reported back, or returned as not theirs. */
export const TASK_STATUSES = ['assigned', 'accepted', 'reported_back', 'returned'] as const
export const TaskStatusSchema = z.enum(TASK_STATUSES)
export type TaskStatus = z.infer<typeof TaskStatusSchema>

export const DeptTaskSchema = z.object({
  /** stableId('itk', incidentId, the dispatch's seq, departmentId) */
  id: IdSchema,
  departmentId: IdSchema,
  departmentName: z.string(),
  /** lead: whistled by the centre; assist: 协办 asked by another department, dispatched by the centre */
  kind: z.enum(['lead', 'assist']),
  /** what this department is to do */
  task: z.string(),
  status: TaskStatusSchema,
  assignedAt: TimestampSchema,
  assignedBy: IdSchema,
  deadline: TimestampSchema,
  acceptedAt: TimestampSchema.nullable(),
  doneAt: TimestampSchema.nullable(),
  /** the report back, or the reason it was returned */
  note: z.string().nullable(),
  onTime: z.boolean().nullable(),
  /** 一哨一考核: 1–5 from the centre that whistled */
  score: z.number().int().nullable(),
  /** a department asked for another's help (协办) while it held this part */
  assistAsked: z.string().nullable(),
  /** 进度预警 of this part (75 % of its own time), once */
  warnedAt: TimestampSchema.nullable().optional(),
})
export type DeptTask = z.infer<typeof DeptTaskSchema>

/** A department's queue entry for one part (id = the task's id), kept with the case in the same transaction. */
export const TaskQueueSchema = z.object({
  _id: IdSchema,
  incidentId: IdSchema,
  departmentId: IdSchema,
  countyId: IdSchema,
  open: z.boolean(),
  deadline: TimestampSchema,
  /** when this part is to be warned of (75 % of its time); null once warned, done or closed */
  warnAt: TimestampSchema.nullable().optional(),
})
export type TaskQueue = z.infer<typeof TaskQueueSchema>

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
  /**
   * which of `photos` had passed their media check when adopted (a passed check stays passed): showing them needs
   * no read of `media_checks`; the others' checks are read (absent on older documents: all are read)
   */
  photosPassed: z.array(FileIdSchema).optional(),
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
  /**
   * where the report went first (level and unit): its first timeline entry is made from these and the reporter's
   * fields when read, not stored (issue #21: one write less per report). Absent on older cases, which store it.
   */
  reportLevel: HandlerLevelSchema.optional(),
  reportUnitId: IdSchema.optional(),
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
  /** the level of the centre that whistled the departments (township or county); absent before the county level */
  dispatchLevel: HandlerLevelSchema.nullable().optional(),
  /** 街道吹哨、部门报到: each department whistled, with its part; absent on cases dispatched before */
  tasks: z.array(DeptTaskSchema).optional(),
  /** the accept-within hours fixed when the case was filed, by the county's deadlines */
  acceptHours: z.number().positive().optional(),
  /** 进度预警: when 75 % of the stage's time has passed; null once warned or without a deadline (indexed) */
  warnAt: TimestampSchema.nullable().optional(),
  /** 价值信息以奖代补: the handler marked the report useful (once), and the points the household got */
  validAt: TimestampSchema.nullable().optional(),
  rewardPoints: z.number().int().nullable().optional(),
  /** the daily round a grid worker filed it from */
  roundId: IdSchema.nullable().optional(),
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
  /** the last department holding a whistled case hands it back as not theirs */
  'return',
  /** 大事全网联动: a township passes a case it cannot solve to the county's 综治中心 */
  'to_county',
] as const
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number]
/** What moves a case on in its state table (a report creates it): the action of a transition. */
export type TransitionAction = Exclude<IncidentAction, 'report'>

/** Timeline records that leave the status alone (see TimelineAction in incident.states.ts). */
export const RECORD_KINDS = [
  'join',
  'mediate',
  'rate_dept',
  'overdue',
  'report_in',
  'task_feedback',
  'task_return',
  'assist',
  'warning',
  'valid',
] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/** One entry of an incident's timeline (append-only): its report, each transition, each record. */
export const IncidentEventSchema = z.object({
  _id: IdSchema,
  incidentId: IdSchema,
  seq: z.number().int(),
  action: z.enum([...INCIDENT_ACTIONS, ...RECORD_KINDS]),
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
  /**
   * which of `photos` had passed their media check when adopted (a passed check stays passed): showing them needs
   * no read of `media_checks`; the others' checks are read (absent on older documents: all are read)
   */
  photosPassed: z.array(FileIdSchema).optional(),
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
  /**
   * Its WeChat push (issue #21: sent by the `sendPushes` timer, not in the action's wait): 'pending' as the action's
   * transaction writes it, then the token of the run that claimed it and sent it. Absent: written before, or never
   * to be pushed.
   */
  pushState: z.string().nullable().optional(),
  /** the recipient's WeChat id and language where the action had them (a holder's assignment keeps them) */
  pushTo: z.object({ openid: z.string().nullable(), lang: z.enum(LANGS).nullable() }).optional(),
  /**
   * A notice for the holders of a permission in a unit (issue #21: not looked up in the step), addressed to
   * `unit:<unitId>`, which no one reads: 'pending' as the step writes it, then 'done' once the `sendPushes` timer
   * has given each holder their own message (`fanoutTo` says whose; `seq` the step's, for their messages' ids).
   */
  fanout: z.enum(['pending', 'done']).nullable().optional(),
  fanoutTo: z
    .object({ unitId: IdSchema, permission: z.string(), exclude: IdSchema.nullable(), seq: z.number().int() })
    .optional(),
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

/**
 * The counters of one unit in one Beijing month (id = stableId('icn', unitId, month)), kept in the transactions
 * that change them: figures are computed from them, never from scanning incidents. A county's month also keeps
 * those of the units below it (`below`); a department keeps its own.
 */
export const IncidentCounterSchema = z.object({
  _id: IdSchema,
  unitId: IdSchema,
  month: z.string(),
  ...(Object.fromEntries(COUNTER_FIELDS.map((f) => [f, z.number().default(0)])) as Record<
    CounterField,
    z.ZodDefault<z.ZodNumber>
  >),
  /** a county's month: the figures of its townships, villages and grids, by unit id (issue #21: one write) */
  below: z.record(IdSchema, z.record(z.string(), z.number())).optional(),
})
export type IncidentCounter = { _id: string; unitId: string; month: string } & Record<CounterField, number> & {
    below?: Record<string, Partial<Record<CounterField, number>>>
  }

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
  'reportIn',
  'returnTask',
  'requestAssist',
  'markValid',
  'escalateToCounty',
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

/** A department's part of a whistled case, as the centre and the departments see it. */
export const TaskViewSchema = z.object({
  id: IdSchema,
  department: UnitRefSchema,
  kind: z.enum(['lead', 'assist']),
  task: z.string(),
  status: TaskStatusSchema,
  statusLabel: z.string(),
  deadline: TimestampSchema,
  acceptedAt: TimestampSchema.nullable(),
  doneAt: TimestampSchema.nullable(),
  note: z.string().nullable(),
  onTime: z.boolean().nullable(),
  score: z.number().int().nullable(),
  assistAsked: z.string().nullable(),
  /** what this viewer may do on this part now */
  actions: z.array(z.enum(['reportIn', 'feedback', 'returnTask', 'requestAssist', 'rateDepartment'])),
})
export type TaskView = z.infer<typeof TaskViewSchema>

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
  dispute: DisputeSchema.extend({ agreementPhotos: z.array(PhotoViewSchema) }).nullable(),
  /** handlers only: every department whistled, with its part */
  tasks: z.array(TaskViewSchema),
  /** 价值信息以奖代补: when it was marked useful and the points it earned the reporter's household */
  validAt: TimestampSchema.nullable(),
  rewardPoints: z.number().int().nullable(),
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
/** At most this many departments are whistled at once. */
export const MAX_DEPARTMENTS = 5
const deadlineDays = z.number(choose).int().min(1).max(60)
export const DispatchPartSchema = z.object({
  departmentId: IdSchema,
  /** what this department is to do (its task) */
  task: z.string().trim().max(200).default(''),
  /** deadline as days from now; by default the county's handling deadline for the case's category and severity */
  deadlineDays: deadlineDays.optional(),
})
/**
 * 街道吹哨、部门报到: one or more departments at once, each with its task and deadline (`departments`), or one
 * department the way the first version took it (`departmentId` + `deadlineDays`).
 */
export const DispatchInputSchema = IncidentIdInputSchema.extend({
  departmentId: IdSchema.optional(),
  deadlineDays: deadlineDays.optional(),
  departments: z
    .array(DispatchPartSchema)
    .max(MAX_DEPARTMENTS, keyText('incident.v.departments_max', { max: MAX_DEPARTMENTS }))
    .optional(),
  note: z.string().trim().max(500).default(''),
})
  .refine((i) => (i.departments?.length ?? 0) > 0 || !!i.departmentId, {
    message: keyText('incident.v.departments_min'),
    path: ['departments'],
  })
  .refine(
    (i) => {
      const ids = [...(i.departmentId ? [i.departmentId] : []), ...(i.departments ?? []).map((d) => d.departmentId)]
      return new Set(ids).size === ids.length
    },
    { message: keyText('incident.v.departments_twice'), path: ['departments'] },
  )
  .transform((i) => ({
    incidentId: i.incidentId,
    note: i.note,
    departments: [
      ...(i.departmentId ? [{ departmentId: i.departmentId, task: '', deadlineDays: i.deadlineDays }] : []),
      ...(i.departments ?? []),
    ],
  }))
export type DispatchInput = z.output<typeof DispatchInputSchema>

/** A department's step on its part; `departmentId` names the part when the caller holds several. */
export const TaskNoteInputSchema = IncidentIdInputSchema.extend({
  departmentId: IdSchema.optional(),
  note: z.string().trim().max(500).default(''),
  photos: OptionalPhotosSchema,
})
export const TaskRequiredNoteInputSchema = IncidentIdInputSchema.extend({
  departmentId: IdSchema.optional(),
  note: z.string().trim().min(2).max(500),
  photos: OptionalPhotosSchema,
})
export const AssistInputSchema = IncidentIdInputSchema.extend({
  departmentId: IdSchema.optional(),
  /** why, and whose help is needed */
  note: z.string().trim().min(2).max(300),
})
export const RateInputSchema = IncidentIdInputSchema.extend({
  rating: RatingSchema,
  comment: z.string().trim().max(200).default(''),
})
export const RateDeptInputSchema = IncidentIdInputSchema.extend({
  /** the department rated; by default the only one that reported back and is not yet rated */
  departmentId: IdSchema.optional(),
  score: DeptScoreSchema,
  comment: z.string().trim().max(200).default(''),
})
export const MediateInputSchema = IncidentIdInputSchema.extend({
  outcome: MediationOutcomeSchema,
  note: z.string().trim().min(2).max(500),
  kind: DisputeKindSchema.optional(),
  body: MediatorBodySchema.optional(),
  mediatorName: z.string().trim().max(20).default(''),
  /** the parties as the mediator records them (replacing those the report named); absent: kept as they are */
  parties: z.array(PartySchema).max(10).optional(),
  /** the agreement reached (调解协议), when the outcome is success */
  agreement: z.string().trim().max(500).default(''),
  photos: OptionalPhotosSchema,
  /** where an unsettled dispute goes: 司法所, 信访 or 诉讼 (with `transferred`) */
  transferTo: TransferTargetSchema.optional(),
})
  .refine((i) => i.outcome !== 'transferred' || !!i.transferTo, {
    message: keyText('incident.v.transfer_to'),
    path: ['transferTo'],
  })
  .refine((i) => i.outcome !== 'success' || i.agreement.length >= 2, {
    message: keyText('incident.v.agreement'),
    path: ['agreement'],
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
  /** 大事全网联动: cases of the unit's area passed up to the county's 综治中心, whistled there, closed there */
  countyEscalated: z.number().int(),
  countyDispatched: z.number().int(),
  countyClosed: z.number().int(),
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
  /** the level that handled it (closed it, or holds it now; a department's case: the centre that whistled) */
  'level',
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
  /** 进度预警 sent (75 % of a stage's time gone) */
  warned: z.number().int(),
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

// ---- 一哨一考核: the quarterly department appraisal ----

export const QuarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, keyText('incident.v.period'))
export const AppraisalInputSchema = z.object({ countyId: IdSchema, quarter: QuarterSchema })
export const AppraisalRowSchema = z.object({
  rank: z.number().int(),
  department: UnitRefSchema,
  /** parts whistled to it in the quarter */
  cases: z.number().int(),
  accepted: z.number().int(),
  /** hours from the whistle to 报到, on average */
  avgResponseHours: z.number().nullable(),
  reportedBack: z.number().int(),
  onTimeRate: z.number().nullable(),
  returned: z.number().int(),
  rated: z.number().int(),
  avgScore: z.number().nullable(),
  /** 0–100: half the on-time rate, half the average rating (of 5) */
  score: z.number().nullable(),
  /** what it counts in the department's whole appraisal: score × the county's weight */
  weighted: z.number().nullable(),
})
export type AppraisalRow = z.infer<typeof AppraisalRowSchema>
export const AppraisalOutputSchema = z.object({
  county: UnitRefSchema,
  quarter: z.string(),
  weight: z.number(),
  rows: z.array(AppraisalRowSchema),
})
export const AppraisalExportInputSchema = AppraisalInputSchema.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
})
/** The appraisal table's columns, headed by `incident.appraisal.<column>` in the reader's language. */
export const APPRAISAL_COLUMNS = [
  'rank',
  'department',
  'cases',
  'accepted',
  'response_hours',
  'reported_back',
  'on_time',
  'returned',
  'avg_score',
  'score',
  'weighted',
] as const

// ---- settings the county sets: deadlines, the appraisal weight, rewards ----

export const DeadlineSettingSchema = z.object({
  category: CategoryKeySchema,
  severity: SeveritySchema,
  acceptHours: z.number(choose).int().min(1).max(168),
  resolveDays: z.number(choose).int().min(1).max(60),
})
export type DeadlineSetting = z.infer<typeof DeadlineSettingSchema>
export const RewardSettingSchema = z.object({
  category: CategoryKeySchema,
  points: z.number(choose).int().min(0).max(100),
})
export type RewardSetting = z.infer<typeof RewardSettingSchema>
/** Kunming puts 一哨一考核 at ≥ 30 % of a department's appraisal: the default, and the least a county may set. */
export const DEFAULT_APPRAISAL_WEIGHT = 0.3
export const AppraisalWeightSchema = z
  .number(choose)
  .min(DEFAULT_APPRAISAL_WEIGHT, keyText('incident.v.weight', { min: 30 }))
  .max(1, keyText('incident.v.weight', { min: 30 }))

/** A county's settings (id = the county's id); cells it did not set follow the rules in code. */
export const IncidentSettingsSchema = z.object({
  _id: IdSchema,
  deadlines: z.array(DeadlineSettingSchema),
  appraisalWeight: z.number(),
  rewards: z.array(RewardSettingSchema),
  version: z.number().int(),
  updatedAt: TimestampSchema,
  updatedBy: IdSchema,
  updatedByName: z.string(),
})
export type IncidentSettings = z.infer<typeof IncidentSettingsSchema>

export const SettingsOutputSchema = z.object({
  county: UnitRefSchema,
  categories: z.array(z.object({ key: CategoryKeySchema, label: z.string() })),
  /** every category × severity, as it applies now */
  deadlines: z.array(DeadlineSettingSchema),
  appraisalWeight: z.number(),
  /** every category, 0 where none */
  rewards: z.array(RewardSettingSchema),
  version: z.number().int(),
  updatedAt: TimestampSchema.nullable(),
  updatedByName: z.string().nullable(),
})
export const SaveSettingsInputSchema = z.object({
  countyId: IdSchema,
  deadlines: z.array(DeadlineSettingSchema).max(MAX_CATEGORIES * SEVERITIES.length),
  appraisalWeight: AppraisalWeightSchema,
  rewards: z.array(RewardSettingSchema).max(MAX_CATEGORIES),
})

// ---- 价值信息以奖代补 ----

export const ValidOutputSchema = z.object({
  id: IdSchema,
  /** points credited to the reporter's household (0: the county sets none for the category, or no household) */
  points: z.number().int(),
  credited: z.boolean(),
})

// ---- daily rounds (一日两巡、五访五问) ----

export const ROUND_SLOTS = ['morning', 'afternoon'] as const
export type RoundSlot = (typeof ROUND_SLOTS)[number]
/** 一日两巡: rounds due per grid per day. */
export const ROUNDS_PER_DAY = ROUND_SLOTS.length
export const MAX_VISITS = 60

export const RoundVisitSchema = z.object({
  householdId: IdSchema,
  householdName: z.string(),
  note: z.string(),
  at: TimestampSchema,
  /** the report filed from this visit */
  incidentId: IdSchema.nullable(),
})
/** One round of a grid (id = stableId('rd', gridId, day, slot)): started, households visited, finished. */
export const GridRoundSchema = z.object({
  _id: IdSchema,
  gridId: IdSchema,
  villageId: IdSchema,
  townshipId: IdSchema,
  countyId: IdSchema,
  day: z.string(),
  slot: z.enum(ROUND_SLOTS),
  byUserId: IdSchema,
  byName: z.string(),
  startedAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
  visits: z.array(RoundVisitSchema),
})
export type GridRound = z.infer<typeof GridRoundSchema>

export const StartRoundInputSchema = z.object({ gridId: IdSchema })
export const RoundIdInputSchema = z.object({ roundId: IdSchema })
export const VisitInputSchema = RoundIdInputSchema.extend({
  householdId: IdSchema,
  note: z.string().trim().min(1).max(200),
})
export const ReportFromVisitInputSchema = RoundIdInputSchema.extend({
  /** the visit (its place in the round) the report comes from */
  visit: z.number().int().min(0).max(MAX_VISITS),
  category: CategoryKeySchema,
  severity: SeveritySchema.default('normal'),
  /** by default the visit's note */
  description: z.string().trim().max(500).default(''),
  photos: OptionalPhotosSchema,
})
export const RoundViewSchema = z.object({
  id: IdSchema,
  grid: UnitRefSchema,
  day: z.string(),
  slot: z.enum(ROUND_SLOTS),
  slotLabel: z.string(),
  byName: z.string(),
  startedAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
  visits: z.array(RoundVisitSchema),
  /** the grid's households to visit (the grid's handlers only) */
  households: z.array(z.object({ id: IdSchema, name: z.string(), address: z.string() })),
})
export type RoundView = z.infer<typeof RoundViewSchema>
export const MyRoundsInputSchema = z.object({ gridId: IdSchema.optional() })
export const MyRoundsOutputSchema = z.object({
  day: z.string(),
  grids: z.array(z.object({ grid: UnitRefSchema, rounds: z.array(RoundViewSchema), due: z.number().int() })),
})
export const RoundStatusInputSchema = SafeStatusInputSchema
export const RoundStatusOutputSchema = z.object({
  day: z.string(),
  grids: z.array(
    z.object({
      grid: UnitRefSchema,
      done: z.number().int(),
      due: z.number().int(),
      visits: z.number().int(),
      safe: z.boolean(),
    }),
  ),
  doneCount: z.number().int(),
  dueCount: z.number().int(),
})

// ---- my grid worker ----

export const MyGridWorkerOutputSchema = z.object({
  grid: UnitRefSchema.nullable(),
  workers: z.array(
    z.object({
      name: z.string(),
      /** masked, as shown */
      phone: z.string().nullable(),
      /** the number the call button dials (the grid's own residents only: a grid worker's line is public to them) */
      dial: z.string().nullable(),
    }),
  ),
})
