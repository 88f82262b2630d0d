import { z } from 'zod'
import { GeoPointSchema, IdSchema, PageInputSchema, TimestampSchema, pageOf } from '../common.schema'
import { UnitRefSchema } from '../account/account.schema'
import { keyText } from '../i18n/i18n'
import {
  ATTENDANCE_STATUS_NAMES,
  NEED_STATUS_NAMES,
  ORG_STATUS_NAMES,
  SIGNUP_STATUS_NAMES,
  TASK_STATUS_NAMES,
} from './volunteer.states'

/**
 * Text people type that others read: trimmed, bounded, no message of its own (an input check names the field by
 * its label, `field.<name>` in volunteer.messages.ts).
 */
function words(max: number, min = 1) {
  return z.string().trim().min(min).max(max)
}

const PhoneSchema = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, keyText('v.phone'))

/** Labels: `volunteer.org_kind.<kind>`, `volunteer.category.<category>`, `volunteer.source.<source>`. */
export const ORG_KIND_NAMES = ['social_org', 'volunteer_team'] as const
export const OrgKindSchema = z.enum(ORG_KIND_NAMES, { error: keyText('v.choose') })
export type OrgKind = z.infer<typeof OrgKindSchema>

export const TASK_CATEGORY_NAMES = [
  'elderly',
  'environment',
  'safety',
  'civility',
  'education',
  'health',
  'emergency',
  'other',
] as const
export const TaskCategorySchema = z.enum(TASK_CATEGORY_NAMES, { error: keyText('v.choose') })
export type TaskCategory = z.infer<typeof TaskCategorySchema>

export const HoursSourceSchema = z.enum(['task', 'patrol', 'need'])
export type HoursSource = z.infer<typeof HoursSourceSchema>

/** A message kept to be read later, in the reader's language: a catalogue key and its parameters. */
export const MessageRefSchema = z.object({
  key: z.string().min(1).max(100),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
/** What a kept message may be: a MessageRef, or plain text written before the catalogue (shown as it is). */
export const KeptTextSchema = z.union([z.string(), MessageRefSchema])
export type KeptText = z.infer<typeof KeptTextSchema>

/** The administrative units above (and including) a doc's unit, so lists can filter by any scope root. */
export const AreaSchema = z.object({
  countyId: IdSchema.nullable(),
  townshipId: IdSchema.nullable(),
  villageId: IdSchema.nullable(),
})
export type Area = z.infer<typeof AreaSchema>

/**
 * Whether a task's confirmed hours earn household points, and how many hours at most count. The points
 * per hour come from the village's own rule (村规民约, points domain rule VOLUNTEER_HOUR), never the task.
 */
export const TaskPointsRuleSchema = z.object({
  earnsPoints: z.boolean(),
  maxHours: z.number().min(0).max(24),
})

// ---- documents ----

export const OrgSchema = AreaSchema.extend({
  _id: IdSchema,
  name: words(40),
  kind: OrgKindSchema,
  unitId: IdSchema,
  intro: words(300),
  contactName: words(20),
  contactPhone: PhoneSchema,
  status: z.enum(ORG_STATUS_NAMES),
  registeredBy: IdSchema,
  registeredAt: TimestampSchema,
  decidedBy: IdSchema.nullable(),
  decidedAt: TimestampSchema.nullable(),
  decisionNote: z.string().nullable(),
})
export type Org = z.infer<typeof OrgSchema>

/** One admin of one organisation; `_id` = stableId('voa', orgId, userId). */
export const OrgAdminSchema = z.object({
  _id: IdSchema,
  orgId: IdSchema,
  userId: IdSchema,
  addedBy: IdSchema,
  addedAt: TimestampSchema,
})
export type OrgAdmin = z.infer<typeof OrgAdminSchema>

export const TaskSchema = AreaSchema.extend({
  _id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  unitId: IdSchema,
  title: words(40),
  description: words(1000),
  category: TaskCategorySchema,
  placeName: words(60),
  location: GeoPointSchema,
  radiusM: z.number().int().min(20).max(5000),
  startAt: TimestampSchema,
  endAt: TimestampSchema,
  slots: z.number().int().min(1).max(500),
  signupDeadline: TimestampSchema,
  requirements: z.string().max(300),
  contactName: z.string().max(20),
  contactPhone: z.string().max(20),
  pointsRule: TaskPointsRuleSchema,
  status: z.enum(TASK_STATUS_NAMES),
  /** HMAC key of the organiser's check-in code; never leaves the server */
  codeSecret: z.string().min(16),
  publishedBy: IdSchema,
  createdAt: TimestampSchema,
  /**
   * The organisation's admins when the task was published (issue #21): a view of the task says whether its reader
   * manages it without reading their admin link. Admins are added only when an organisation registers and never
   * removed, so the list stays exact; an action that changes an organisation's admins must write its tasks' lists
   * too. Only for views: every management action still checks the admin link itself. A task published before it
   * has none: its views read the link.
   */
  orgAdminIds: z.array(IdSchema).max(50).optional(),
})
export type Task = z.infer<typeof TaskSchema>

/**
 * Per-task counter, `_id` = task id: read and written inside every sign-up/cancel transaction, so slots
 * never overfill and waitlist places come from one sequence.
 */
export const TaskCounterSchema = z.object({
  _id: IdSchema,
  slots: z.number().int(),
  confirmed: z.number().int().nonnegative(),
  waitlisted: z.number().int().nonnegative(),
  nextSeq: z.number().int().positive(),
})
export type TaskCounter = z.infer<typeof TaskCounterSchema>

/** `_id` = stableId('vs', taskId, userId): one sign-up per person and task, reused if they sign up again. */
export const SignupSchema = z.object({
  _id: IdSchema,
  taskId: IdSchema,
  orgId: IdSchema,
  villageId: IdSchema.nullable(),
  userId: IdSchema,
  userName: z.string(),
  householdId: IdSchema.nullable(),
  status: z.enum(SIGNUP_STATUS_NAMES),
  /** order of arrival (from the task counter); the waitlist moves up in this order */
  seq: z.number().int().positive(),
  signedUpAt: TimestampSchema,
  cancelledAt: TimestampSchema.nullable(),
  promotedAt: TimestampSchema.nullable(),
  checkInAt: TimestampSchema.nullable(),
  checkInMethod: z.enum(['code', 'location']).nullable(),
  checkOutAt: TimestampSchema.nullable(),
  checkOutMethod: z.enum(['code', 'location']).nullable(),
  attendance: z.enum(ATTENDANCE_STATUS_NAMES),
  confirmedMinutes: z.number().int().nonnegative().nullable(),
  points: z.number().int().nonnegative().nullable(),
  confirmedBy: IdSchema.nullable(),
  confirmedAt: TimestampSchema.nullable(),
  /**
   * When this sign-up's reminder is due to be made, while it holds a slot (a day before the task; the reminder timer
   * makes it then and sets null): issue #21, not written in the sign-up's own transaction. Absent on a sign-up from
   * before, whose reminder was written when it was made.
   */
  remindAt: TimestampSchema.nullable().optional(),
})
export type Signup = z.infer<typeof SignupSchema>

/** Append-only: the organiser confirmed other minutes than the clock measured, and why. */
export const AdjustmentSchema = z.object({
  _id: IdSchema,
  signupId: IdSchema,
  taskId: IdSchema,
  userId: IdSchema,
  measuredMinutes: z.number().int().nonnegative(),
  confirmedMinutes: z.number().int().nonnegative(),
  reason: z.string().min(1),
  by: IdSchema,
  at: TimestampSchema,
})
export type Adjustment = z.infer<typeof AdjustmentSchema>

/** One line of a volunteer's hours record. `_id` = stableId('vh', sourceKey, userId): recorded once. */
export const HoursEntrySchema = z.object({
  _id: IdSchema,
  userId: IdSchema,
  householdId: IdSchema.nullable(),
  villageId: IdSchema.nullable(),
  minutes: z.number().int().nonnegative(),
  source: HoursSourceSchema,
  sourceKey: z.string().min(1).max(200),
  /** what the hours were for: a MessageRef (older entries, and other domains' notes: plain text) */
  note: z.union([z.string().max(200), MessageRefSchema]),
  at: TimestampSchema,
})
export type HoursEntry = z.infer<typeof HoursEntrySchema>

/** A volunteer's running total, `_id` = stableId('vt', userId), updated with every entry. */
export const HoursTotalSchema = z.object({
  _id: IdSchema,
  userId: IdSchema,
  minutes: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  taskMinutes: z.number().int().nonnegative(),
  patrolMinutes: z.number().int().nonnegative(),
  needMinutes: z.number().int().nonnegative(),
  updatedAt: TimestampSchema,
})
export type HoursTotal = z.infer<typeof HoursTotalSchema>

export const InboxEntrySchema = z.object({
  _id: IdSchema,
  userId: IdSchema,
  kind: z.enum(['reminder', 'promoted', 'need']),
  /** kept as MessageRefs, rendered in the reader's language (entries written before the catalogue: plain text) */
  title: KeptTextSchema,
  body: KeptTextSchema,
  taskId: IdSchema.nullable(),
  needId: IdSchema.nullable(),
  /** shown from this time on (reminders are written at sign-up and appear a day before the task) */
  showAt: TimestampSchema,
  createdAt: TimestampSchema,
  voidedAt: TimestampSchema.nullable(),
  /** when it was also pushed outside the app (WeChat subscribe message on CloudBase); null: not yet */
  pushedAt: TimestampSchema.nullable().default(null),
})
export type InboxEntry = z.infer<typeof InboxEntrySchema>

/** A volunteer who took part in a need's job, and for how long (reported by the organisation). */
export const NeedVolunteerSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  minutes: z.number().int().nonnegative(),
})

/** One entry of a need's history: `create`, then each transition of NEED_TRANSITIONS, with who and when. */
export const NeedTransitionRecordSchema = z.object({
  transition: z.string(),
  by: IdSchema,
  at: TimestampSchema,
  note: z.string().nullable(),
})

/** 群众点单: what a resident asks organisations to do, reviewed and then verified by the village. */
export const NeedSchema = AreaSchema.extend({
  _id: IdSchema,
  gridId: IdSchema.nullable(),
  posterId: IdSchema,
  posterName: z.string(),
  householdId: IdSchema.nullable(),
  title: words(40),
  description: words(500),
  category: TaskCategorySchema,
  placeName: words(60),
  neededBy: TimestampSchema.nullable(),
  status: z.enum(NEED_STATUS_NAMES),
  createdAt: TimestampSchema,
  publishedAt: TimestampSchema.nullable(),
  takenByOrgId: IdSchema.nullable(),
  takenByOrgName: z.string().nullable(),
  takenBy: IdSchema.nullable(),
  takenAt: TimestampSchema.nullable(),
  doneAt: TimestampSchema.nullable(),
  outcome: z.string().nullable(),
  volunteers: z.array(NeedVolunteerSchema),
  /** the village decided at verification that volunteers' hours earn household points */
  awardsPoints: z.boolean(),
  verifiedAt: TimestampSchema.nullable(),
  /** every transition with who and when; appended, never edited */
  transitions: z.array(NeedTransitionRecordSchema),
})
export type Need = z.infer<typeof NeedSchema>

const COUNTED = {
  tasks: z.number().int().nonnegative(),
  signups: z.number().int().nonnegative(),
  cancellations: z.number().int().nonnegative(),
  attended: z.number().int().nonnegative(),
  absent: z.number().int().nonnegative(),
  confirmedMinutes: z.number().int().nonnegative(),
  needsPosted: z.number().int().nonnegative(),
  needsTaken: z.number().int().nonnegative(),
  needsVerified: z.number().int().nonnegative(),
  takeMinutesTotal: z.number().int().nonnegative(),
}

/**
 * The counters of a village (or township) or an organisation that its figures are computed from,
 * `_id` = stableId('vc', kind, refId), kept in the same transactions as the documents they count. A village's (or
 * township's) keeps, in `below`, by organisation id, what each organisation did there (issue #21: one document per
 * counted change); an organisation's own document holds what it did before that, and what it did in no village.
 */
export const CountersSchema = z.object({
  _id: IdSchema,
  kind: z.enum(['village', 'org']),
  refId: IdSchema,
  ...COUNTED,
  below: z.record(IdSchema, z.object(COUNTED).partial()).optional(),
})
export type Counters = z.infer<typeof CountersSchema>
export type CountersField = keyof typeof COUNTED
export const COUNTERS_FIELDS = Object.keys(COUNTED) as CountersField[]

// ---- inputs and views ----

export const OrgViewSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: OrgKindSchema,
  kindLabel: z.string(),
  unit: UnitRefSchema,
  intro: z.string(),
  contactName: z.string(),
  contactPhoneMasked: z.string().nullable(),
  status: z.enum(ORG_STATUS_NAMES),
  statusLabel: z.string(),
  registeredAt: TimestampSchema,
  decisionNote: z.string().nullable(),
})
export type OrgView = z.infer<typeof OrgViewSchema>

export const RegisterOrgInputSchema = z.object({
  name: words(40, 2),
  kind: OrgKindSchema,
  unitId: IdSchema,
  intro: words(300),
  contactName: words(20),
  contactPhone: PhoneSchema,
})
export const DecideOrgInputSchema = z.object({
  orgId: IdSchema,
  approve: z.boolean(),
  note: z.string().trim().max(200).default(''),
})
export const ListOrgsInputSchema = PageInputSchema.extend({
  unitId: IdSchema,
  status: z.enum(ORG_STATUS_NAMES).optional(),
})
export const ListOrgsOutputSchema = pageOf(OrgViewSchema)
export const MyOrgsOutputSchema = z.object({ items: z.array(OrgViewSchema) })

export const PublishTaskInputSchema = z
  .object({
    orgId: IdSchema,
    /** where the task happens; defaults to the organisation's unit, must lie inside it */
    unitId: IdSchema.optional(),
    title: words(40, 2),
    description: words(1000),
    category: TaskCategorySchema,
    placeName: words(60),
    location: GeoPointSchema,
    radiusM: z.number().int().min(20).max(5000).default(200),
    startAt: TimestampSchema,
    endAt: TimestampSchema,
    slots: z.number().int().min(1).max(500),
    signupDeadline: TimestampSchema,
    requirements: z.string().trim().max(300).default(''),
    contactName: z.string().trim().max(20).default(''),
    /** a mobile number, or nothing */
    contactPhone: z
      .string()
      .trim()
      .regex(/^(1\d{10})?$/, keyText('v.phone'))
      .default(''),
    pointsRule: TaskPointsRuleSchema.default({ earnsPoints: true, maxHours: 8 }),
  })
  .refine((t) => t.endAt > t.startAt, { message: keyText('volunteer.v.end_after_start'), path: ['endAt'] })
  .refine((t) => t.endAt - t.startAt <= 24 * 3_600_000, {
    message: keyText('volunteer.v.max_length', { hours: 24 }),
    path: ['endAt'],
  })
  .refine((t) => t.signupDeadline <= t.startAt, {
    message: keyText('volunteer.v.deadline_before_start'),
    path: ['signupDeadline'],
  })

export const MySignupViewSchema = z.object({
  id: IdSchema,
  status: z.enum(SIGNUP_STATUS_NAMES),
  statusLabel: z.string(),
  /** 1 = next to move up; null unless waitlisted */
  waitPosition: z.number().int().positive().nullable(),
  checkInAt: TimestampSchema.nullable(),
  checkOutAt: TimestampSchema.nullable(),
  attendance: z.enum(ATTENDANCE_STATUS_NAMES),
  attendanceLabel: z.string(),
  confirmedHours: z.number().nullable(),
  points: z.number().int().nullable(),
})
export type MySignupView = z.infer<typeof MySignupViewSchema>

export const TaskViewSchema = z.object({
  id: IdSchema,
  org: z.object({ id: IdSchema, name: z.string() }),
  unit: UnitRefSchema,
  title: z.string(),
  description: z.string(),
  category: TaskCategorySchema,
  categoryLabel: z.string(),
  placeName: z.string(),
  location: GeoPointSchema,
  radiusM: z.number().int(),
  startAt: TimestampSchema,
  endAt: TimestampSchema,
  signupDeadline: TimestampSchema,
  slots: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  requirements: z.string(),
  contactName: z.string(),
  /** in full to those signed up for the task, the organisation's admins and officials over it; masked to others */
  contactPhone: z.string(),
  contactPhoneMasked: z.boolean(),
  pointsRule: TaskPointsRuleSchema,
  status: z.enum(TASK_STATUS_NAMES),
  statusLabel: z.string(),
  mySignup: MySignupViewSchema.nullable(),
  /** the caller administers the organising organisation */
  canManage: z.boolean(),
})
export type TaskView = z.infer<typeof TaskViewSchema>

export const ListTasksInputSchema = PageInputSchema.extend({ includePast: z.boolean().default(false) })
export const ListOrgTasksInputSchema = PageInputSchema.extend({ orgId: IdSchema })
export const ListTasksOutputSchema = pageOf(TaskViewSchema)
export const TaskIdInputSchema = z.object({ taskId: IdSchema })

export const SignupOutputSchema = z.object({ task: TaskViewSchema, signup: MySignupViewSchema })

export const CheckInputSchema = z
  .object({
    taskId: IdSchema,
    /** the organiser's code, scanned */
    code: z.string().trim().max(200).optional(),
    /** where the phone is (GCJ-02), if not scanning */
    location: GeoPointSchema.optional(),
  })
  .refine((c) => !!c.code || !!c.location, { message: keyText('volunteer.v.code_or_location'), path: ['code'] })

/**
 * The organiser's check-in code of this minute: `code` to read out or type, `payload` for the QR code to scan (drawn
 * as `qrDataUrl`),
 * valid for `secondsLeft` more seconds (and the minute after, for a code read just before it turned).
 */
export const GetTaskCodeOutputSchema = z.object({
  taskId: IdSchema,
  title: z.string(),
  code: z.string(),
  payload: z.string(),
  /** `payload` as a PNG data URL, drawn by the function */
  qrDataUrl: z.string(),
  secondsLeft: z.number().int().min(0),
})

export const SignupRowSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  name: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.enum(SIGNUP_STATUS_NAMES),
  statusLabel: z.string(),
  seq: z.number().int(),
  waitPosition: z.number().int().nullable(),
  checkInAt: TimestampSchema.nullable(),
  checkOutAt: TimestampSchema.nullable(),
  measuredHours: z.number(),
  attendance: z.enum(ATTENDANCE_STATUS_NAMES),
  attendanceLabel: z.string(),
  confirmedHours: z.number().nullable(),
  points: z.number().int().nullable(),
})
export type SignupRow = z.infer<typeof SignupRowSchema>
export const ListSignupsInputSchema = PageInputSchema.extend({
  taskId: IdSchema,
  status: z.enum(SIGNUP_STATUS_NAMES).optional(),
})
export const ListSignupsOutputSchema = pageOf(SignupRowSchema)

export const ConfirmAttendanceInputSchema = z.object({
  signupId: IdSchema,
  attended: z.boolean(),
  /** confirmed hours when they differ from the measured ones; a reason is then required */
  hours: z.number().min(0).max(24).optional(),
  reason: z.string().trim().max(200).default(''),
})
export const ConfirmAttendanceOutputSchema = z.object({
  row: SignupRowSchema,
  /** whether the household's points were credited in this confirmation */
  pointsCredited: z.boolean(),
})

export const HoursEntryViewSchema = z.object({
  id: IdSchema,
  source: HoursSourceSchema,
  sourceLabel: z.string(),
  note: z.string(),
  hours: z.number(),
  at: TimestampSchema,
})
export const MyHoursInputSchema = PageInputSchema
export const MyHoursOutputSchema = z.object({
  name: z.string(),
  totalHours: z.number(),
  taskHours: z.number(),
  patrolHours: z.number(),
  needHours: z.number(),
  entries: pageOf(HoursEntryViewSchema),
  printedAt: TimestampSchema,
})
export type MyHours = z.infer<typeof MyHoursOutputSchema>

export const InboxViewSchema = z.object({
  id: IdSchema,
  kind: z.enum(['reminder', 'promoted', 'need']),
  title: z.string(),
  body: z.string(),
  taskId: IdSchema.nullable(),
  needId: IdSchema.nullable(),
  at: TimestampSchema,
})
export const MyInboxOutputSchema = pageOf(InboxViewSchema)

export const NeedViewSchema = z.object({
  id: IdSchema,
  village: UnitRefSchema.nullable(),
  posterName: z.string(),
  isMine: z.boolean(),
  title: z.string(),
  description: z.string(),
  category: TaskCategorySchema,
  categoryLabel: z.string(),
  placeName: z.string(),
  neededBy: TimestampSchema.nullable(),
  status: z.enum(NEED_STATUS_NAMES),
  statusLabel: z.string(),
  createdAt: TimestampSchema,
  takenByOrgName: z.string().nullable(),
  takenAt: TimestampSchema.nullable(),
  outcome: z.string().nullable(),
  volunteers: z.array(z.object({ name: z.string(), hours: z.number() })),
  awardsPoints: z.boolean(),
  verifiedAt: TimestampSchema.nullable(),
  /** the need's history; notes only for those who see names (the poster, the village, the organisation on it) */
  transitions: z.array(
    z.object({ transition: z.string(), label: z.string(), at: TimestampSchema, note: z.string().nullable() }),
  ),
})
export type NeedView = z.infer<typeof NeedViewSchema>

export const CreateNeedInputSchema = z.object({
  title: words(40, 2),
  description: words(500),
  category: TaskCategorySchema,
  placeName: words(60),
  neededBy: TimestampSchema.nullable().default(null),
})
export const NeedIdInputSchema = z.object({ needId: IdSchema, note: z.string().trim().max(300).default('') })
export const ReviewNeedInputSchema = z.object({
  needId: IdSchema,
  approve: z.boolean(),
  note: z.string().trim().max(300).default(''),
  /** on verification: volunteers' hours also earn household points (village rule VOLUNTEER_HOUR) */
  awardPoints: z.boolean().default(false),
})
export const TakeNeedInputSchema = z.object({ needId: IdSchema, orgId: IdSchema })
export const CompleteNeedInputSchema = z.object({
  needId: IdSchema,
  outcome: words(300),
  /** people who took part: the organisation's admins, or volunteers who hold a place on one of its tasks */
  volunteers: z
    .array(z.object({ userId: IdSchema, hours: z.number().min(0).max(24) }))
    .min(1, keyText('volunteer.v.one_volunteer'))
    .max(20),
})
export const ListVillageNeedsInputSchema = PageInputSchema.extend({
  unitId: IdSchema,
  status: z.enum(NEED_STATUS_NAMES).optional(),
})
export const ListOpenNeedsInputSchema = PageInputSchema.extend({
  orgId: IdSchema,
  status: z.enum(NEED_STATUS_NAMES).optional(),
})
export const ListNeedsOutputSchema = pageOf(NeedViewSchema)

/** One row of the figures: a village (or township) or an organisation, from its counters. */
export const FiguresRowSchema = z.object({
  refId: IdSchema,
  name: z.string(),
  tasks: z.number().int(),
  signups: z.number().int(),
  cancellations: z.number().int(),
  attended: z.number().int(),
  absent: z.number().int(),
  attendanceRate: z.number().nullable(),
  confirmedHours: z.number(),
  needsPosted: z.number().int(),
  needsTaken: z.number().int(),
  needsVerified: z.number().int(),
  /** average hours from publication to being taken on */
  avgTakeHours: z.number().nullable(),
})
export type FiguresRow = z.infer<typeof FiguresRowSchema>
export const GetFiguresInputSchema = z.object({ unitId: IdSchema })
export const GetFiguresOutputSchema = z.object({ unit: FiguresRowSchema, orgs: z.array(FiguresRowSchema) })
