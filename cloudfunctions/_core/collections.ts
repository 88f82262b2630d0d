import type {
  AccountInbox,
  Household,
  ImportChunk,
  ImportJob,
  ImportPart,
  PhoneClaim,
  RosterPerson,
  RosterRole,
  Invite,
  JoinRequest,
  JoinRequestEvent,
  RoleAssignment,
  Unit,
  User,
} from '@shared/account/account.schema'
import type { ConsoleLogin } from '@shared/account/console-login'
import type { PushRecord } from '@shared/push'
import type {
  GridRound,
  Incident,
  IncidentConfig,
  IncidentCounter,
  IncidentEvent,
  IncidentJoin,
  IncidentSettings,
  InboxMessage,
  SafeReport,
  TaskQueue,
} from '@shared/incident/incident.schema'
import type {
  Patrol,
  PatrolCheckin,
  PatrolCheckpoint,
  PatrolCounter,
  PatrolHazard,
  PatrolHours,
  PatrolMember,
  PatrolReview,
  PatrolRoute,
  PatrolSettings,
  PatrolShift,
  PatrolTeam,
} from '@shared/patrol/patrol.schema'
import type {
  Goods,
  HouseholdMonth,
  LedgerEntry,
  PickupCode,
  PointsAccount,
  PointsAward,
  PointsBatch,
  PointsCap,
  PointsObjection,
  PointsRule,
  PointsRuleVersion,
  PointsSettings,
  RedeemLimit,
  Redemption,
  VillageMonth,
} from '@shared/points/points.schema'
import type {
  Adjustment,
  Counters,
  HoursEntry,
  HoursTotal,
  InboxEntry,
  Need,
  Org,
  OrgAdmin,
  Signup,
  Task,
  TaskCounter,
} from '@shared/volunteer/volunteer.schema'
import type { AuditEntry } from '@shared/audit/audit.schema'
import type { Doc } from './port'
import type { RateWindow } from './rate-limit'

/**
 * Every collection, snake_case plural, with its document type and the indexes its queries need. The SQLite
 * adapter creates these indexes; for CloudBase the same list is the index plan (`npm run build:functions` writes
 * it to dist/cloudfunctions/indexes.json). An index is a list of top-level fields; queries filter on a prefix and
 * may sort on the next one. Code names a collection as `C.<name>`: a misspelt name, or a document of the wrong
 * shape, fails the typecheck.
 */
export interface CollectionSpec<D extends Doc = Doc> {
  indexes: string[][]
  unique?: string[][]
  /** the document type (compile time only) */
  readonly doc?: D
}

const spec = <D extends Doc>(s: { indexes: string[][]; unique?: string[][] }): CollectionSpec<D> => s

/** The idempotency record of one write: the caller, the request id, what was asked and the first result. */
export interface RequestRecord extends Doc {
  fn: string
  action: string
  userId: string
  /** hash of the function, action and parsed input: the same request id with another request is refused */
  fingerprint: string
  result: unknown
  at: number
}

/**
 * The media check of one photo others will see (kept per file; a photo without one predates the checks). Only a
 * pending check ever changes (`MediaCheckPort.settle`): one that passed stays passed, so a record may keep which
 * of its photos had passed when adopted (`photosPassed`) and skip reading their checks.
 */
export interface MediaCheck extends Doc {
  fileId: string
  ownerId: string
  state: 'pending' | 'passed' | 'blocked'
  /** the asynchronous check's id (mediaCheckAsync's trace_id), while its result is awaited */
  traceId: string | null
  /** the platform's label for a blocked photo (for the log, never shown) */
  label: string | null
  checkedAt: number
  settledAt: number | null
}

export const COLLECTIONS = {
  // ---- platform ----
  /** idempotency records: one per caller and requestId (`<userId>:<requestId>`), with what was asked and its result */
  requests: spec<RequestRecord>({ indexes: [] }),
  /** the media check of each adopted photo (stableId('mc', fileId)): pending, passed or blocked; see media-check.ts */
  media_checks: spec<MediaCheck>({ indexes: [['traceId']] }),
  /**
   * the audit log (`_core/audit.ts`): append-only, one entry per administrative change, kept at least six months;
   * id = timeId('au', at, actor, requestId, n, what). Filters: a county (or township, village) by time, and within it
   * by who, what or subject.
   */
  audit_log: spec<AuditEntry>({
    indexes: [
      ['countyId', 'at'],
      ['townshipId', 'at'],
      ['villageId', 'at'],
      ['unitId', 'at'],
      ['actorId', 'at'],
      ['subjectId', 'at'],
    ],
  }),

  /** what became of each subscribe message sent (timeId('push', at, …)); see notifier.ts, shown to admins */
  push_records: spec<PushRecord>({ indexes: [['at'], ['status', 'at']] }),

  /** requests counted per source and window, for what may be asked before signing in (rate-limit.ts) */
  rate_limits: spec<RateWindow>({ indexes: [['expiresAt']] }),

  // ---- account ----
  /** console sign-in tickets (扫码登录), random ids, read by id; by `expiresAt` only to remove spent ones (account.tidy.ts) */
  console_logins: spec<ConsoleLogin>({ indexes: [['expiresAt']] }),
  units: spec<Unit>({ indexes: [['parentId', 'name']] }),
  /** members of a household by `householdId` (an address is shown to residents without their names) */
  users: spec<User>({ indexes: [['openid'], ['householdId'], ['phone'], ['name']], unique: [['openid']] }),
  role_assignments: spec<RoleAssignment>({
    indexes: [
      ['userId', 'revokedAt'],
      ['unitId', 'revokedAt', 'role'],
    ],
  }),
  households: spec<Household>({ indexes: [['gridId', 'headName'], ['villageId'], ['gridId', 'householdNo']] }),
  invites: spec<Invite>({ indexes: [['createdBy', 'createdAt']] }),
  /** asking to belong to a household; id = stableId('jr', userId, n) for the user's n-th request */
  join_requests: spec<JoinRequest>({
    indexes: [
      ['userId', 'status', 'createdAt'],
      ['householdId', 'status', 'createdAt'],
      ['gridId', 'status', 'createdAt'],
      ['villageId', 'status', 'createdAt'],
    ],
  }),
  /** append-only steps of join requests and memberships; id = stableId('jre', joinRequestId, slot) */
  join_request_events: spec<JoinRequestEvent>({
    indexes: [
      ['joinRequestId', 'at'],
      ['householdId', 'at'],
    ],
  }),
  /** messages to people about their account, as message keys; id = timeId('ai', at, userId, joinRequestId, key) */
  account_inbox: spec<AccountInbox>({ indexes: [['userId', 'at']] }),
  /** people a roster names by phone: stableId('rp', phone); by household to export the members */
  roster_people: spec<RosterPerson>({ indexes: [['householdId'], ['name']] }),
  /** roles a roster gives a phone: stableId('rr', phone, role, unitId) */
  roster_roles: spec<RosterRole>({
    indexes: [
      ['phone', 'active'],
      ['unitId', 'active'],
    ],
  }),
  /** one account per verified phone: stableId('ph', phone) */
  phone_claims: spec<PhoneClaim>({ indexes: [] }),
  import_jobs: spec<ImportJob>({ indexes: [['createdBy', 'createdAt']] }),
  /** the uploaded file in parts: `<jobId>.p<n>` */
  import_parts: spec<ImportPart>({ indexes: [['jobId', 'part']] }),
  /** checked rows, one transaction each: `<jobId>.c<n>` */
  import_chunks: spec<ImportChunk>({ indexes: [['jobId', 'n']] }),

  // ---- incident ----
  /** grid reports, with denormalized ancestry (countyId … gridId, departmentId) for indexed unit queries */
  incidents: spec<Incident>({
    indexes: [
      ['reporterId', 'reportedAt'],
      ['handlerUnitId', 'open', 'dueAt'],
      ['gridId', 'reportedAt'],
      ['villageId', 'reportedAt'],
      ['townshipId', 'reportedAt'],
      ['countyId', 'reportedAt'],
      ['departmentId', 'reportedAt'],
      ['cell', 'category', 'open', 'reportedAt'],
      ['sweepAt'],
      ['warnAt'],
    ],
  }),
  /** a department's queue: one per part of a whistled case (id = the part's id), kept with the case */
  incident_tasks: spec<TaskQueue>({ indexes: [['departmentId', 'open', 'deadline'], ['warnAt']] }),
  /** a county's deadlines, appraisal weight and rewards (id = the county's id) */
  incident_settings: spec<IncidentSettings>({ indexes: [] }),
  /** 一日两巡: one per grid, Beijing day and slot (id = stableId('rd', gridId, day, slot)) */
  grid_rounds: spec<GridRound>({ indexes: [['gridId', 'day']] }),
  /** append-only timeline, id = eventId(incidentId, seq): `ie_<incidentId>_<seq, 4 digits>` */
  incident_events: spec<IncidentEvent>({ indexes: [['incidentId', 'seq']] }),
  /** "我也遇到", id = stableId('ij', incidentId, userId) */
  incident_joins: spec<IncidentJoin>({ indexes: [] }),
  /** messages to people about cases, id = timeId('im', at, userId, incidentId, seq, title) */
  incident_inbox: spec<InboxMessage>({
    indexes: [
      ['userId', 'at'],
      ['userId', 'readAt'],
      // the pushes waiting, and those a run of sendPushes claimed
      ['pushState'],
      // the holder notices waiting to be given to each holder (sendPushes)
      ['fanout'],
    ],
  }),
  /** counters per unit per Beijing month (figures are computed from them), id = stableId('icn', unitId, month) */
  incident_counters: spec<IncidentCounter>({ indexes: [['unitId', 'month']] }),
  /** per-county category list override, id = county id */
  incident_configs: spec<IncidentConfig>({ indexes: [] }),
  /** 报平安: one per grid per Beijing day, id = stableId('sr', gridId, day) */
  safe_reports: spec<SafeReport>({ indexes: [['gridId', 'day']] }),

  // ---- patrol ----
  patrol_teams: spec<PatrolTeam>({ indexes: [['villageId', 'name']] }),
  /** one per (team, user), inactive when removed: "my teams" by user */
  patrol_members: spec<PatrolMember>({
    indexes: [
      ['userId', 'active'],
      ['teamId', 'active'],
    ],
  }),
  patrol_routes: spec<PatrolRoute>({ indexes: [['villageId', 'name']] }),
  patrol_checkpoints: spec<PatrolCheckpoint>({ indexes: [['routeId', 'createdAt']] }),
  patrol_shifts: spec<PatrolShift>({
    indexes: [
      ['villageId', 'startMinute'],
      ['teamId', 'active'],
    ],
  }),
  /** one per shift window: stableId('pt', shiftId, day) */
  patrols: spec<Patrol>({ indexes: [['villageId', 'day']] }),
  /** one per (patrol, checkpoint): timeId('ci', windowStart, patrolId, checkpointId); positions live only here */
  patrol_checkins: spec<PatrolCheckin>({
    indexes: [
      ['patrolId', 'at'],
      ['villageId', 'status', 'at'],
    ],
  }),
  /** append-only review decisions, one per flagged check-in */
  patrol_reviews: spec<PatrolReview>({ indexes: [['checkinId'], ['villageId', 'at']] }),
  patrol_hours: spec<PatrolHours>({ indexes: [['userId', 'at'], ['patrolId']] }),
  patrol_hazards: spec<PatrolHazard>({ indexes: [['patrolId', 'at']] }),
  /** each village's patrol rules, append-only (every change with its author, time and reason); latest by time */
  patrol_settings: spec<PatrolSettings>({ indexes: [['villageId', 'at']] }),
  /** monthly counters per village and per team, with ancestors for township/county figures */
  patrol_counters: spec<PatrolCounter>({
    indexes: [
      ['kind', 'villageId', 'month'],
      ['kind', 'townshipId', 'month'],
      ['kind', 'countyId', 'month'],
    ],
  }),

  // ---- points ----
  /** current version of each rule; _id = stableId('pr', villageId, code) */
  points_rules: spec<PointsRule>({ indexes: [['villageId', 'category', 'code']] }),
  /** every version of every rule, kept (entries cite rule id + version); _id = `${ruleId}.v${version}` */
  points_rule_versions: spec<PointsRuleVersion>({ indexes: [['ruleId', 'version']] }),
  /** per-village settings (publicity days, pickup days); _id = villageId */
  points_settings: spec<PointsSettings>({ indexes: [] }),
  /** one per household; _id = householdId; balance = sum of the household's ledger */
  points_accounts: spec<PointsAccount>({ indexes: [['villageId', 'balance']] }),
  /** append-only ledger; _id derived from what caused the entry (pointsKeys in points/points.repo.ts) */
  points_ledger: spec<LedgerEntry>({
    indexes: [
      ['householdId', 'seq'],
      ['villageId', 'month', 'at'],
    ],
  }),
  points_batches: spec<PointsBatch>({ indexes: [['villageId', 'status', 'proposedAt']] }),
  points_awards: spec<PointsAward>({
    indexes: [
      ['villageId', 'status', 'publicUntil'],
      ['villageId', 'month', 'proposedAt'],
      ['householdId', 'proposedAt'],
      ['status', 'publicUntil'],
    ],
  }),
  points_objections: spec<PointsObjection>({
    indexes: [
      ['villageId', 'status', 'createdAt'],
      ['awardId', 'createdAt'],
    ],
  }),
  /** points counted per household, rule and month against the rule's cap; _id = stableId('pcap', hh, rule, month) */
  points_caps: spec<PointsCap>({ indexes: [] }),
  points_goods: spec<Goods>({ indexes: [['villageId', 'sort']] }),
  /** goods taken for points (兑换); _id = stableId('rd', userId, requestId) */
  points_redemptions: spec<Redemption>({
    indexes: [
      ['householdId', 'createdAt'],
      ['villageId', 'status', 'expiresAt'],
      ['villageId', 'month', 'createdAt'],
      ['status', 'expiresAt'],
    ],
  }),
  /** units of one goods taken per household and month (its limit); _id = stableId('prl', hh, goods, month) */
  points_redeem_limits: spec<RedeemLimit>({ indexes: [] }),
  /** live 6-digit pickup codes per village → redemption; _id = stableId('pk', villageId, code) */
  points_pickup_codes: spec<PickupCode>({ indexes: [] }),
  /** counters per village and Beijing month; _id = stableId('pst', villageId, month) */
  points_village_months: spec<VillageMonth>({ indexes: [] }),
  /** counters per household and Beijing month (the month's board); _id = stableId('phm', householdId, month) */
  points_household_months: spec<HouseholdMonth>({ indexes: [['villageId', 'month', 'earned']] }),

  // ---- volunteer ----
  volunteer_orgs: spec<Org>({
    indexes: [
      ['villageId', 'status', 'registeredAt'],
      ['townshipId', 'status', 'registeredAt'],
      ['countyId', 'status', 'registeredAt'],
    ],
  }),
  /** one per (organisation, admin): stableId('voa', orgId, userId) */
  volunteer_org_admins: spec<OrgAdmin>({ indexes: [['userId'], ['orgId']] }),
  volunteer_tasks: spec<Task>({
    indexes: [
      ['unitId', 'status', 'startAt'],
      ['orgId', 'startAt'],
    ],
  }),
  /** one counter per task (_id = task id): slots, confirmed, waitlisted, next sequence number */
  volunteer_task_counters: spec<TaskCounter>({ indexes: [] }),
  /** one per (task, person): stableId('vs', taskId, userId), reused when they sign up again */
  volunteer_signups: spec<Signup>({
    indexes: [
      ['taskId', 'status', 'seq'],
      ['userId', 'signedUpAt'],
      // the reminders due to be made (volunteer.timers.ts)
      ['status', 'remindAt'],
    ],
  }),
  /** append-only, one per sign-up whose confirmed minutes differ from the measured: stableId('vadj', signupId) */
  volunteer_adjustments: spec<Adjustment>({ indexes: [['signupId']] }),
  /** the hours record, one entry per source event and person: stableId('vh', sourceKey, userId) */
  volunteer_hours: spec<HoursEntry>({ indexes: [['userId', 'at']] }),
  /** per-person running totals of the hours record: stableId('vt', userId) */
  volunteer_totals: spec<HoursTotal>({ indexes: [] }),
  volunteer_inbox: spec<InboxEntry>({
    indexes: [
      ['userId', 'showAt'],
      ['kind', 'pushedAt', 'showAt'],
    ],
  }),
  /** residents' needs (群众点单), with the poster's area for indexed unit queries */
  volunteer_needs: spec<Need>({
    indexes: [
      ['posterId', 'createdAt'],
      ['villageId', 'status', 'createdAt'],
      ['townshipId', 'status', 'createdAt'],
      ['countyId', 'status', 'createdAt'],
    ],
  }),
  /** counters per village (or township) and organisation that figures come from: stableId('vc', kind, refId) */
  volunteer_counters: spec<Counters>({ indexes: [] }),
}

export type CollectionName = keyof typeof COLLECTIONS
export type DocOf<N extends CollectionName> = (typeof COLLECTIONS)[N] extends CollectionSpec<infer D> ? D : never

/** Collection names for code: `tx.get(C.incidents, id)`. The only place a collection's name is written. */
export const C = Object.fromEntries(Object.keys(COLLECTIONS).map((k) => [k, k])) as {
  readonly [K in CollectionName]: K
}
