import { z } from 'zod'
import { GeoPointSchema, IdSchema, PageInputSchema, TimestampSchema, pageOf } from '../common.schema'
import { keyText } from '../i18n/i18n'
import { UnitRefSchema } from '../account/account.schema'
import './patrol.messages'
import { CHECKIN_STATUS_NAMES, PATROL_STATUS_NAMES, REVIEW_DECISIONS } from './patrol.states'
import { CHECKIN_FLAGS, CREDIT_REASONS, CREDIT_STATUSES, PATROL_LIMITS } from './patrol.rules'

export const CheckinFlagSchema = z.enum(CHECKIN_FLAGS)
export const CreditReasonSchema = z.enum(CREDIT_REASONS)
export const CreditStatusSchema = z.enum(CREDIT_STATUSES)
const DecisionSchema = z.enum(REVIEW_DECISIONS)
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, keyText('v.day'))
const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, keyText('v.month'))
const LatLngSchema = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
/** Checkpoint ids are short on purpose: their key travels inside a 32-character QR scene. */
export const CheckpointIdSchema = z.string().regex(/^cp-[0-9A-Za-z]{10}$/)

/**
 * Short text people type (names, reasons): trimmed, non-empty, bounded. No message of its own: a failed check is
 * told from zod's issue and the field's label (`field.<name>`), in the reader's language.
 */
function words(max: number, min = 1) {
  return z.string().trim().min(min).max(max)
}
const RadiusSchema = z.number().int().min(10, keyText('patrol.v.radius')).max(500, keyText('patrol.v.radius'))
const ShiftMinutesSchema = z
  .number()
  .int()
  .min(15, keyText('patrol.v.shift_length'))
  .max(720, keyText('patrol.v.shift_length'))
const CoveragePctSchema = z
  .number()
  .int()
  .min(PATROL_LIMITS.minCoveragePct, keyText('patrol.v.coverage'))
  .max(PATROL_LIMITS.maxCoveragePct, keyText('patrol.v.coverage'))

// ---- stored documents ----

export const PatrolTeamSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  name: words(30),
  captainId: IdSchema,
  memberIds: z.array(IdSchema).max(100),
  createdAt: TimestampSchema,
  createdBy: IdSchema,
  updatedAt: TimestampSchema,
  updatedBy: IdSchema,
})
export type PatrolTeam = z.infer<typeof PatrolTeamSchema>

/** One person in one team (so "my teams" is an indexed query); inactive when removed, never deleted. */
export const PatrolMemberSchema = z.object({
  _id: IdSchema,
  teamId: IdSchema,
  villageId: IdSchema,
  userId: IdSchema,
  role: z.enum(['captain', 'member']),
  active: z.boolean(),
  since: TimestampSchema,
})
export type PatrolMember = z.infer<typeof PatrolMemberSchema>

export const PatrolRouteSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  name: words(30),
  /** active checkpoints in walking order */
  checkpointIds: z.array(CheckpointIdSchema).max(50),
  createdAt: TimestampSchema,
  createdBy: IdSchema,
})
export type PatrolRoute = z.infer<typeof PatrolRouteSchema>

export const PatrolCheckpointSchema = z.object({
  _id: CheckpointIdSchema,
  routeId: IdSchema,
  villageId: IdSchema,
  name: words(30),
  location: GeoPointSchema,
  radiusM: RadiusSchema,
  active: z.boolean(),
  createdAt: TimestampSchema,
})
export type PatrolCheckpoint = z.infer<typeof PatrolCheckpointSchema>

const WeekdaysSchema = z
  .array(z.number().int().min(1).max(7))
  .min(1, keyText('patrol.v.weekdays'))
  .max(7)
  .transform((days) => [...new Set(days)].sort())

/** A shift: which team walks which route, at what Beijing time, on which weekdays. */
export const PatrolShiftSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  name: words(20),
  teamId: IdSchema,
  routeId: IdSchema,
  startMinute: z.number().int().min(0).max(1439),
  durationMinutes: ShiftMinutesSchema,
  weekdays: WeekdaysSchema,
  active: z.boolean(),
  createdAt: TimestampSchema,
  retiredAt: TimestampSchema.nullable(),
})
export type PatrolShift = z.infer<typeof PatrolShiftSchema>

export const PatrolCreditSchema = z.object({
  status: CreditStatusSchema,
  reasons: z.array(CreditReasonSchema),
  /** checkpoints counted (ok or accepted) when decided, of the route's total, against the threshold */
  counted: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  thresholdPct: z.number().int().min(0).max(100),
  /** the shortest plausible patrol of the counted checkpoints (patrol.rules.ts minPatrolMs), in whole minutes */
  minMinutes: z.number().int().nonnegative(),
  /** when and by whom it was decided (the finisher, or the last reviewer); null while pending */
  decidedAt: TimestampSchema.nullable(),
  decidedBy: IdSchema.nullable(),
})
export type PatrolCredit = z.infer<typeof PatrolCreditSchema>

/**
 * A check-in the patrol lists. `lat`/`lng`: where it was made (a check-in's place never changes), kept here so the
 * next check-in's speed check reads no check-in (issue #21); entries written before have none and are read.
 */
export const PatrolDoneSchema = z.object({
  checkpointId: CheckpointIdSchema,
  checkinId: IdSchema,
  at: TimestampSchema,
  lat: z.number().optional(),
  lng: z.number().optional(),
})

/** One patrol = one window of one shift (`stableId('pt', shiftId, day)`): the team walks it together. */
export const PatrolSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  teamId: IdSchema,
  routeId: IdSchema,
  shiftId: IdSchema,
  shiftName: z.string(),
  day: DaySchema,
  windowStart: TimestampSchema,
  windowEnd: TimestampSchema,
  status: z.enum(PATROL_STATUS_NAMES),
  /** when it started: the phone's time of the first start (started offline: sent later), which figures count by */
  startedAt: TimestampSchema,
  /** when that start reached the server (absent on patrols from before starts could be made offline) */
  startReceivedAt: TimestampSchema.optional(),
  startedBy: IdSchema,
  participants: z.array(IdSchema),
  /** the route's checkpoints when the patrol started */
  checkpointIds: z.array(CheckpointIdSchema),
  done: z.array(PatrolDoneSchema),
  flaggedCount: z.number().int().nonnegative(),
  lastDeviceAt: TimestampSchema.nullable(),
  hazardCount: z.number().int().nonnegative(),
  /** when it ended: the phone's time of 结束 (finished offline: sent later), which its minutes count to */
  finishedAt: TimestampSchema.nullable(),
  /** when that finish reached the server (absent on patrols finished before finishes took the phone's time) */
  finishReceivedAt: TimestampSchema.optional(),
  finishedBy: IdSchema.nullable(),
  minutes: z.number().int().nonnegative().nullable(),
  missedCheckpointIds: z.array(CheckpointIdSchema),
  /** the village's coverage threshold when the patrol started (absent on patrols started before there was one) */
  coveragePct: z.number().int().min(0).max(100).optional(),
  /**
   * What the patrol earned: null while it runs; decided at finish, or pending until the last review of its flagged
   * check-ins. Absent on patrols finished before the rule: they were credited at finish.
   */
  credit: PatrolCreditSchema.nullable().optional(),
  /** flagged check-ins reviewed so far (each review writes the patrol: see review-checkin.ts) */
  reviewedCount: z.number().int().nonnegative().optional(),
})
export type Patrol = z.infer<typeof PatrolSchema>

/**
 * One check-in per (patrol, checkpoint), by its id: `timeId('ci', windowStart, patrolId, checkpointId)` (a patrol
 * begun under the older `stableId('ci', patrolId, checkpointId)` keeps those). Its position lives only here.
 */
export const PatrolCheckinSchema = z.object({
  _id: IdSchema,
  patrolId: IdSchema,
  villageId: IdSchema,
  teamId: IdSchema,
  routeId: IdSchema,
  checkpointId: CheckpointIdSchema,
  userId: IdSchema,
  deviceAt: TimestampSchema,
  receivedAt: TimestampSchema,
  at: TimestampSchema,
  late: z.boolean(),
  location: LatLngSchema,
  accuracyM: z.number().nonnegative(),
  distanceM: z.number().nonnegative(),
  speedMps: z.number().nonnegative().nullable(),
  flags: z.array(CheckinFlagSchema),
  status: z.enum(CHECKIN_STATUS_NAMES),
})
export type PatrolCheckin = z.infer<typeof PatrolCheckinSchema>

/** Append-only: one decision per flagged check-in (`stableId('rv', checkinId)`). */
export const PatrolReviewSchema = z.object({
  _id: IdSchema,
  checkinId: IdSchema,
  patrolId: IdSchema,
  villageId: IdSchema,
  decision: DecisionSchema,
  reason: z.string(),
  flags: z.array(CheckinFlagSchema),
  by: IdSchema,
  at: TimestampSchema,
})
export type PatrolReview = z.infer<typeof PatrolReviewSchema>

/** Volunteer hours of one person for one finished patrol (`stableId('ph', patrolId, userId)`). */
export const PatrolHoursSchema = z.object({
  _id: IdSchema,
  userId: IdSchema,
  patrolId: IdSchema,
  villageId: IdSchema,
  teamId: IdSchema,
  day: DaySchema,
  minutes: z.number().int().nonnegative(),
  at: TimestampSchema,
})
export type PatrolHours = z.infer<typeof PatrolHoursSchema>

/**
 * The village's patrol rules, append-only: every change is a new document with its author, time and reason
 * (`newId('pst')`); the latest by time is the one in force, and a village with none uses the defaults.
 */
export const PatrolSettingsSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  /** the share of a route's checkpoints a patrol must count to earn hours and points, in per cent */
  coveragePct: CoveragePctSchema,
  reason: z.string(),
  by: IdSchema,
  at: TimestampSchema,
})
export type PatrolSettings = z.infer<typeof PatrolSettingsSchema>

export const PatrolHazardSchema = z.object({
  _id: IdSchema,
  patrolId: IdSchema,
  villageId: IdSchema,
  reportedBy: IdSchema,
  text: z.string(),
  location: LatLngSchema.nullable(),
  at: TimestampSchema,
  /** the grid report it became, when the incident function took it */
  incidentId: IdSchema.nullable(),
})
export type PatrolHazard = z.infer<typeof PatrolHazardSchema>

/**
 * Counters per (village or team, Beijing month), kept in the transactions that change them
 * (`stableId('ps', kind, unitId, month)`). The ancestors are copied in so a township or county sums
 * its villages with one indexed query.
 */
export const PatrolCounterSchema = z.object({
  _id: IdSchema,
  kind: z.enum(['village', 'team']),
  unitId: IdSchema,
  villageId: IdSchema,
  townshipId: IdSchema.nullable(),
  countyId: IdSchema.nullable(),
  month: MonthSchema,
  patrolsStarted: z.number().int().nonnegative(),
  patrolsDone: z.number().int().nonnegative(),
  checkpointsPlanned: z.number().int().nonnegative(),
  checkins: z.number().int().nonnegative(),
  flagged: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  missedCheckpoints: z.number().int().nonnegative(),
  /** volunteer minutes credited (each participant's), in the transaction that credits them */
  minutes: z.number().int().nonnegative(),
  // What finished patrols earned (counters written before there was a rule lack them: 0).
  /** patrols credited */
  credited: z.number().int().nonnegative().default(0),
  /** patrols that earned nothing, and why (one patrol may have both reasons) */
  uncredited: z.number().int().nonnegative().default(0),
  lowCoverage: z.number().int().nonnegative().default(0),
  tooShort: z.number().int().nonnegative().default(0),
  /** finished patrols waiting for the review of their flagged check-ins */
  creditPending: z.number().int().nonnegative().default(0),
})
export type PatrolCounter = z.infer<typeof PatrolCounterSchema>
export const COUNTER_FIELDS = [
  'patrolsStarted',
  'patrolsDone',
  'checkpointsPlanned',
  'checkins',
  'flagged',
  'accepted',
  'rejected',
  'missedCheckpoints',
  'minutes',
  'credited',
  'uncredited',
  'lowCoverage',
  'tooShort',
  'creditPending',
] as const
export type CounterField = (typeof COUNTER_FIELDS)[number]

// ---- views ----

export const PersonSchema = z.object({ id: IdSchema, name: z.string() })

export const CheckpointViewSchema = z.object({
  id: CheckpointIdSchema,
  name: z.string(),
  location: LatLngSchema,
  radiusM: z.number(),
  active: z.boolean(),
})
export type CheckpointView = z.infer<typeof CheckpointViewSchema>

export const RouteViewSchema = z.object({
  id: IdSchema,
  name: z.string(),
  checkpoints: z.array(CheckpointViewSchema),
})
export type RouteView = z.infer<typeof RouteViewSchema>

export const TeamViewSchema = z.object({
  id: IdSchema,
  name: z.string(),
  captain: PersonSchema,
  members: z.array(PersonSchema),
})
export type TeamView = z.infer<typeof TeamViewSchema>

export const ShiftViewSchema = z.object({
  id: IdSchema,
  name: z.string(),
  teamId: IdSchema,
  teamName: z.string(),
  routeId: IdSchema,
  routeName: z.string(),
  startMinute: z.number(),
  durationMinutes: z.number(),
  /** e.g. 08:00–10:00 */
  time: z.string(),
  weekdays: z.array(z.number()),
  active: z.boolean(),
})
export type ShiftView = z.infer<typeof ShiftViewSchema>

/** The village's patrol rules in force: who set them, when and why (null: the defaults, never set). */
export const SettingsViewSchema = z.object({
  coveragePct: z.number().int(),
  isDefault: z.boolean(),
  by: PersonSchema.nullable(),
  at: TimestampSchema.nullable(),
  reason: z.string().nullable(),
})
export type SettingsView = z.infer<typeof SettingsViewSchema>

export const SetupSchema = z.object({
  village: UnitRefSchema,
  settings: SettingsViewSchema,
  teams: z.array(TeamViewSchema),
  routes: z.array(RouteViewSchema),
  shifts: z.array(ShiftViewSchema),
  /** people who may be team members: patrol volunteers and captains of the village */
  candidates: z.array(PersonSchema),
})
export type Setup = z.infer<typeof SetupSchema>

export const ProgressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  remaining: z.array(z.object({ id: CheckpointIdSchema, name: z.string() })),
})
export type Progress = z.infer<typeof ProgressSchema>

export const CheckinViewSchema = z.object({
  id: IdSchema,
  checkpointId: CheckpointIdSchema,
  checkpointName: z.string(),
  by: z.string(),
  at: TimestampSchema,
  late: z.boolean(),
  status: z.enum(CHECKIN_STATUS_NAMES),
  statusLabel: z.string(),
  flags: z.array(z.object({ code: CheckinFlagSchema, label: z.string() })),
  distanceM: z.number(),
  accuracyM: z.number(),
  /** only for the village's captains and officials */
  location: LatLngSchema.nullable(),
})
export type CheckinView = z.infer<typeof CheckinViewSchema>

/** What a finished patrol earned, with its reasons rendered in the reader's language. */
export const CreditViewSchema = z.object({
  status: CreditStatusSchema,
  statusLabel: z.string(),
  /** why nothing (none) or not yet (pending): e.g. 覆盖不足 80% / 有存疑打卡待审核 */
  reasons: z.array(z.object({ code: CreditReasonSchema, label: z.string() })),
  counted: z.number().int(),
  total: z.number().int(),
  thresholdPct: z.number().int(),
})
export type CreditView = z.infer<typeof CreditViewSchema>

export const PatrolViewSchema = z.object({
  id: IdSchema,
  villageId: IdSchema,
  teamName: z.string(),
  routeName: z.string(),
  shiftName: z.string(),
  day: DaySchema,
  windowStart: TimestampSchema,
  windowEnd: TimestampSchema,
  status: z.enum(PATROL_STATUS_NAMES),
  statusLabel: z.string(),
  startedAt: TimestampSchema,
  /** when the start reached the server: later than startedAt for a start made with no signal */
  startReceivedAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
  minutes: z.number().nullable(),
  progress: ProgressSchema,
  /** the share of the route it must count to earn hours and points, in per cent */
  coveragePct: z.number().int(),
  /** null while the patrol runs */
  credit: CreditViewSchema.nullable(),
  checkins: z.array(CheckinViewSchema),
  hazards: z.array(z.object({ id: IdSchema, text: z.string(), at: TimestampSchema, incidentId: IdSchema.nullable() })),
  participants: z.array(PersonSchema),
  /** the village's grids, for placing a hazard report */
  grids: z.array(z.object({ id: IdSchema, name: z.string() })),
})
export type PatrolView = z.infer<typeof PatrolViewSchema>

export const MyShiftSchema = z.object({
  shift: ShiftViewSchema,
  village: UnitRefSchema,
  /** the window containing now, else the next one today or later */
  window: z.object({ day: DaySchema, start: TimestampSchema, end: TimestampSchema }),
  open: z.boolean(),
  /** the route's checkpoints in order, and the share of them a patrol must count (for a start made offline) */
  checkpoints: z.array(z.object({ id: CheckpointIdSchema, name: z.string() })),
  coveragePct: z.number().int(),
  patrol: z
    .object({
      id: IdSchema,
      status: z.enum(PATROL_STATUS_NAMES),
      statusLabel: z.string(),
      done: z.number(),
      total: z.number(),
    })
    .nullable(),
})
export type MyShift = z.infer<typeof MyShiftSchema>

// ---- inputs ----

export const VillageInputSchema = z.object({ villageId: IdSchema })

export const SaveTeamInputSchema = z.object({
  villageId: IdSchema,
  teamId: IdSchema.optional(),
  name: words(30),
  captainId: IdSchema,
  memberIds: z.array(IdSchema).max(100, keyText('patrol.v.team_size')).default([]),
})

export const CreateRouteInputSchema = z.object({ villageId: IdSchema, name: words(30) })

export const SaveCheckpointInputSchema = z.object({
  routeId: IdSchema,
  checkpointId: CheckpointIdSchema.optional(),
  name: words(30),
  location: GeoPointSchema,
  radiusM: RadiusSchema.default(PATROL_LIMITS.defaultRadiusM),
  active: z.boolean().default(true),
})

export const SaveShiftInputSchema = z.object({
  villageId: IdSchema,
  shiftId: IdSchema.optional(),
  name: words(20),
  teamId: IdSchema,
  routeId: IdSchema,
  startMinute: z.number().int().min(0, keyText('patrol.v.start_minute')).max(1439, keyText('patrol.v.start_minute')),
  durationMinutes: ShiftMinutesSchema,
  weekdays: WeekdaysSchema.default([1, 2, 3, 4, 5, 6, 7]),
  active: z.boolean().default(true),
})

export const PosterInputSchema = z.object({ checkpointId: CheckpointIdSchema })
export const PosterSchema = z.object({
  checkpointId: CheckpointIdSchema,
  code: z.string().max(32),
  checkpointName: z.string(),
  routeName: z.string(),
  village: UnitRefSchema,
  /** the code as a PNG data URL, ready for <Image> in WeChat and the browser */
  qrDataUrl: z.string(),
})
export type Poster = z.infer<typeof PosterSchema>

export const StartPatrolInputSchema = z.object({
  shiftId: IdSchema,
  /** the phone's clock when 开始 was tapped (a start made with no signal is sent later); absent: the server's */
  deviceAt: TimestampSchema.optional(),
})
export const PatrolInputSchema = z.object({ patrolId: IdSchema })
export const FinishPatrolInputSchema = z.object({
  patrolId: IdSchema,
  /** the phone's clock when 结束 was tapped (a finish made with no signal is sent later); absent: the server's */
  deviceAt: TimestampSchema.optional(),
})

export const CheckInInputSchema = z.object({
  patrolId: IdSchema,
  /** what the scanner read or the volunteer typed */
  code: z.string().trim().min(1, keyText('patrol.v.code')).max(300),
  position: LatLngSchema,
  accuracyM: z.number().nonnegative().max(100_000),
  /** the phone's clock when the code was scanned (an offline check-in is sent later) */
  deviceAt: TimestampSchema,
})
export const CheckInOutputSchema = z.object({
  checkin: CheckinViewSchema,
  /** true when this checkpoint was already checked in this patrol (nothing new was stored) */
  repeat: z.boolean(),
  progress: ProgressSchema,
})
export type CheckInOutput = z.infer<typeof CheckInOutputSchema>

export const ReportHazardInputSchema = z.object({
  patrolId: IdSchema,
  text: words(500, 2),
  position: LatLngSchema.nullable().default(null),
  /** the grid it is in (the grid report goes there); defaults to the first grid of the village */
  gridId: IdSchema.nullable().default(null),
})
export const ReportHazardOutputSchema = z.object({
  id: IdSchema,
  incidentId: IdSchema.nullable(),
})

export const ListReviewsInputSchema = PageInputSchema.extend({ villageId: IdSchema })
export const ReviewItemSchema = CheckinViewSchema.extend({
  patrolId: IdSchema,
  teamName: z.string(),
  routeName: z.string(),
  shiftName: z.string(),
  day: DaySchema,
})
export type ReviewItem = z.infer<typeof ReviewItemSchema>
export const ListReviewsOutputSchema = pageOf(ReviewItemSchema)

export const ReviewCheckinInputSchema = z.object({
  checkinId: IdSchema,
  decision: DecisionSchema,
  reason: words(200, 2),
})
export const ReviewCheckinOutputSchema = z.object({
  checkinId: IdSchema,
  status: z.enum(CHECKIN_STATUS_NAMES),
  statusLabel: z.string(),
})

export const ListMissedInputSchema = z.object({
  villageId: IdSchema,
  days: z.number().int().min(1).max(31).default(7),
})
export const MissedSchema = z.object({
  /** shift windows that ended with no finished patrol */
  shifts: z.array(
    z.object({
      shiftId: IdSchema,
      shiftName: z.string(),
      teamName: z.string(),
      routeName: z.string(),
      day: DaySchema,
      start: TimestampSchema,
      startedButUnfinished: z.boolean(),
    }),
  ),
  /** finished patrols that skipped checkpoints (漏巡) */
  checkpoints: z.array(
    z.object({
      patrolId: IdSchema,
      day: DaySchema,
      shiftName: z.string(),
      teamName: z.string(),
      missed: z.array(z.object({ id: CheckpointIdSchema, name: z.string() })),
    }),
  ),
})
export type Missed = z.infer<typeof MissedSchema>

export const FiguresInputSchema = z.object({
  unitId: IdSchema,
  fromMonth: MonthSchema,
  toMonth: MonthSchema,
})
export const FigureRowSchema = z.object({
  id: IdSchema,
  name: z.string(),
  planned: z.number().int(),
  done: z.number().int(),
  /** done / planned, 0–1 */
  doneRate: z.number(),
  /** counted check-ins / checkpoints of started patrols, 0–1 */
  coverage: z.number(),
  /** flagged / check-ins, 0–1 */
  flaggedRate: z.number(),
  /** volunteer hours credited */
  hours: z.number(),
  /** finished patrols that earned their hours and points; that earned nothing, and why; waiting for reviews */
  credited: z.number().int(),
  uncredited: z.number().int(),
  lowCoverage: z.number().int(),
  tooShort: z.number().int(),
  creditPending: z.number().int(),
})
export type FigureRow = z.infer<typeof FigureRowSchema>
export const FiguresSchema = z.object({
  unit: UnitRefSchema,
  fromMonth: MonthSchema,
  toMonth: MonthSchema,
  total: FigureRowSchema,
  /** the unit's teams (a village) or villages (a township and above), best first */
  ranked: z.array(FigureRowSchema.extend({ rank: z.number().int() })),
})
export type Figures = z.infer<typeof FiguresSchema>

export const SaveSettingsInputSchema = z.object({
  villageId: IdSchema,
  coveragePct: CoveragePctSchema,
  /** why the rule changes (kept with its author and time, read by the village's captains and officials) */
  reason: words(200, 2),
})
