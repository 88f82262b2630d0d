import { z } from 'zod'
import { keyText, LANGS } from '../i18n/i18n'
import { IdSchema, TimestampSchema, PageInputSchema, pageOf } from '../common.schema'
import { ROLE_NAMES } from '../auth/roles'
import { PERMISSION_NAMES } from '../auth/permissions'
// the messages the keys below name (`keyText`) and the labels of the fields, registered wherever the schemas are
import './account.messages'

/**
 * The account domain's documents, inputs and views. No sentence lives here: a failed check is rendered from zod's
 * issue code and the field's label (`field.<name>` in account.messages.ts), or from a message key (`keyText`).
 */
export const UNIT_LEVELS = ['prefecture', 'county', 'township', 'village', 'grid', 'department'] as const
export const UnitLevelSchema = z.enum(UNIT_LEVELS)
export type UnitLevel = z.infer<typeof UnitLevelSchema>

export const RoleNameSchema = z.enum(ROLE_NAMES)
export const PermissionSchema = z.enum(PERMISSION_NAMES)

/** Text people type or a roster gives: trimmed, non-empty, bounded. */
const words = (max: number) => z.string().trim().min(1).max(max)

/** A node of the administrative tree. `_id` is the GB/T 2260 / statistical code where one exists. */
export const UnitSchema = z.object({
  _id: IdSchema,
  name: words(40),
  level: UnitLevelSchema,
  parentId: IdSchema.nullable(),
  /** ids from the root down to this unit, inclusive: a grant in any of them covers this unit */
  path: z.array(IdSchema).min(1),
  /** 社区 (urban) or 村 (rural), for villages */
  kind: z.enum(['urban', 'rural']).nullable().default(null),
  /** GB/T 2260 (county and above) or the statistical code (township: 9 digits, village: 12), where known */
  code: z.string().nullable().optional(),
  /** retired units keep their history and cases; nobody new lives, reports or is granted a role there */
  retiredAt: TimestampSchema.nullable().optional(),
})
export type Unit = z.infer<typeof UnitSchema>

export const LangSchema = z.enum(LANGS)

/** One active role assignment as kept on its person's document (`User.grants`). */
export const GrantRefSchema = z.object({ _id: IdSchema, role: RoleNameSchema, unitId: IdSchema })
export type GrantRef = z.infer<typeof GrantRefSchema>

export const UserSchema = z.object({
  _id: IdSchema,
  /** WeChat OPENID on CloudBase; null for demo users in local mode */
  openid: z.string().nullable().default(null),
  name: words(20),
  phone: z
    .string()
    .regex(/^1\d{10}$/, keyText('v.phone'))
    .nullable()
    .default(null),
  /**
   * The household this person belongs to: set only when a join request is approved (or by a roster), cleared when
   * the membership ends. Points and redemptions belong to households, so this is what gives access to them.
   */
  householdId: IdSchema.nullable().default(null),
  /** the grid this person says they live in (anyone may say so: it makes them a resident who can report) */
  residenceUnitId: IdSchema.nullable().default(null),
  /** the language chosen on first launch or on 我的; messages made for this person use it */
  lang: LangSchema.optional(),
  /** when the person gave their real name (absent: still the platform's 微信用户, or a seed's) */
  namedAt: TimestampSchema.nullable().optional(),
  /** when `phone` was verified (WeChat's phone-number button; the demo stand-in locally) */
  phoneVerifiedAt: TimestampSchema.nullable().optional(),
  /**
   * Sessions made for this person (the console's, the local host's) carry the generation they were made in;
   * signing out everywhere moves it on, and a session of an older generation no longer signs anyone in.
   */
  sessionGen: z.number().int().min(0).optional(),
  createdAt: TimestampSchema,
  /**
   * The person's active role assignments (id, role, unit), kept with the person so that taking the caller is one
   * read. Written only by `saveRoleAssignment` (`cloudfunctions/_core/grants.ts`) in the transaction of every role
   * change; absent on a document from before it was kept: the caller's grants are then read from
   * `role_assignments`.
   */
  grants: z.array(GrantRefSchema).optional(),
  /**
   * Role changes made while the document kept no `grants` (each one moves it on, in the change's transaction): the
   * one-time backfill of `grants` (`tools/backfill-grants.ts`) writes them only if it has not moved since it read
   * the document and queried the person's assignments.
   */
  grantsVersion: z.number().int().min(0).optional(),
  /**
   * The patrol teams this person is an active member of, kept with the person so that a patrol action reads
   * membership with the caller, in the same read (issue #21). Written only by `keepTeamOnUser`
   * (`cloudfunctions/patrol/patrol.repo.ts`) in the transaction of every membership change (saveTeam); absent on a
   * document from before it was kept: membership is then read from `patrol_members`.
   */
  patrolTeamIds: z.array(IdSchema).optional(),
  /**
   * Membership changes made while the document kept no `patrolTeamIds` (each moves it on, in the change's
   * transaction): the one-time backfill (`tools/backfill-grants.ts`) writes them only if it has not moved since it
   * read the document and queried the person's memberships.
   */
  patrolTeamsVersion: z.number().int().min(0).optional(),
  /**
   * What this person's last redemption found of their household (issue #21): its id and village, and the
   * `membersVersion` its points account had. A redemption whose caller still names that household, at that
   * version, reads neither the household nor the person again: its one write of the account is conditional on the
   * version, which every member's leaving moves on (`leaveHousehold`, `cloudfunctions/_core/membership.ts`), so a
   * member removed meanwhile spends nothing. Written only by a redemption that read them (`points.redeem`); absent,
   * or naming another household: the redemption reads them.
   */
  pointsMembership: z
    .object({ householdId: IdSchema, villageId: IdSchema, version: z.number().int().min(0) })
    .optional(),
})
export type User = z.infer<typeof UserSchema>

export const RoleAssignmentSchema = z.object({
  _id: IdSchema,
  userId: IdSchema,
  role: RoleNameSchema,
  unitId: IdSchema,
  grantedBy: IdSchema.nullable(),
  via: z.enum(['seed', 'invite', 'residence', 'system', 'grant', 'roster']),
  createdAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable().default(null),
  /**
   * The holder's WeChat id and language as their profile has them, so a push to the holders of a unit reads no
   * profile (issue #21). Kept by `saveRoleAssignment` and `account.setLang`, each in the transaction that changes
   * the assignment or the language, for a person whose document keeps their grants; absent (an assignment written
   * before, or a person whose document keeps none): the profile is read when they are told.
   */
  holder: z.object({ openid: z.string().nullable(), lang: LangSchema.nullable() }).optional(),
})
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>

/** A household (户): points accounts belong to households. */
export const HouseholdSchema = z.object({
  _id: IdSchema,
  villageId: IdSchema,
  gridId: IdSchema,
  headName: words(20),
  /** the head's account, when the head uses the app: they approve who joins their household (absent: none) */
  headUserId: IdSchema.nullable().optional(),
  address: words(60),
  /** 户号: with the grid, the household's natural key in roster imports (absent: a seed's, keyed by its id) */
  householdNo: z.string().nullable().optional(),
  /** 人口数 as the roster gives it */
  size: z.number().int().nullable().optional(),
  /** the head's phone and the other members as the roster lists them (kept so an export gives back the file) */
  headPhone: z.string().nullable().optional(),
  rosterMembers: z.array(z.object({ name: z.string(), phone: z.string().nullable() })).optional(),
})
export type Household = z.infer<typeof HouseholdSchema>

/** A phone number: 11 digits starting with 1 (mainland mobile). */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, keyText('v.phone'))

/**
 * A person a roster names by phone (head or member of a household): when someone verifies this phone, they join
 * the household at once (issue #17 item 4). One per phone: id = stableId('rp', phone).
 */
export const RosterPersonSchema = z.object({
  _id: IdSchema,
  phone: z.string(),
  name: z.string(),
  householdId: IdSchema.nullable(),
  head: z.boolean(),
  /** the account that verified this phone, once one has */
  userId: IdSchema.nullable(),
  updatedAt: TimestampSchema,
})
export type RosterPerson = z.infer<typeof RosterPersonSchema>

/** A role a roster gives a phone (grid workers, collectors, department staff); granted when the phone is verified. */
export const RosterRoleSchema = z.object({
  _id: IdSchema,
  phone: z.string(),
  name: z.string(),
  role: z.enum(ROLE_NAMES),
  unitId: IdSchema,
  grantedBy: IdSchema,
  active: z.boolean(),
  updatedAt: TimestampSchema,
})
export type RosterRole = z.infer<typeof RosterRoleSchema>

/** Who verified a phone: one account per phone (id = stableId('ph', phone)). */
export const PhoneClaimSchema = z.object({ _id: IdSchema, userId: IdSchema, at: TimestampSchema })
export type PhoneClaim = z.infer<typeof PhoneClaimSchema>

// ---- joining a household (issue #16 item 1) ----

/** How a membership came about: asked for in the app and approved, or taken from a roster (seeds, imports). */
export const JOIN_VIAS = ['request', 'roster'] as const
/**
 * A join request's life: `pending` until the head, or a grid worker or village official of the grid, decides it
 * (`approved` / `refused`) or the requester withdraws it (`withdrawn`, also when they ask for another household or
 * move away); an approved request is the membership, ended by `revoked` (the head or an official) or `left` (the
 * member moved away).
 */
export const JOIN_STATUSES = ['pending', 'approved', 'refused', 'withdrawn', 'revoked', 'left'] as const
export const JoinStatusSchema = z.enum(JOIN_STATUSES)
export type JoinStatus = z.infer<typeof JoinStatusSchema>

/** A person asking to belong to a household; its steps are kept, append-only, in `join_request_events`. */
export const JoinRequestSchema = z.object({
  _id: IdSchema,
  /** the person asking to join */
  userId: IdSchema,
  householdId: IdSchema,
  gridId: IdSchema,
  villageId: IdSchema,
  via: z.enum(JOIN_VIAS),
  status: JoinStatusSchema,
  /** the requester's words to those who decide ('' when none) */
  note: z.string(),
  createdAt: TimestampSchema,
  /** the time of the last step (the status changed then) */
  updatedAt: TimestampSchema,
})
export type JoinRequest = z.infer<typeof JoinRequestSchema>

export const JOIN_STEPS = ['request', 'roster', 'approve', 'refuse', 'withdraw', 'revoke', 'leave'] as const
/** Why the system took a step for the person: they moved to another grid, or asked to join another household. */
export const JOIN_CAUSES = ['moved', 'superseded'] as const

/** One step of a join request or membership: who, when and why. Never edited or deleted. */
export const JoinRequestEventSchema = z.object({
  _id: IdSchema,
  joinRequestId: IdSchema,
  /** the person the request is for */
  userId: IdSchema,
  householdId: IdSchema,
  gridId: IdSchema,
  step: z.enum(JOIN_STEPS),
  /** who took the step; null for a roster */
  by: IdSchema.nullable(),
  at: TimestampSchema,
  /** why, in the words of the person who took it ('' when none was given) */
  reason: z.string(),
  cause: z.enum(JOIN_CAUSES).nullable(),
})
export type JoinRequestEvent = z.infer<typeof JoinRequestEventSchema>

/** A message to show later, in the reader's language (`render(ref, lang)` when read). */
export const MessageRefSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})

/** A message for one person about their account (a join request, a membership), kept as message keys. */
export const AccountInboxSchema = z.object({
  _id: IdSchema,
  userId: IdSchema,
  joinRequestId: IdSchema.nullable(),
  title: MessageRefSchema,
  body: MessageRefSchema,
  at: TimestampSchema,
})
export type AccountInbox = z.infer<typeof AccountInboxSchema>

export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const InviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJ-NP-Z]{8}$/, keyText('account.v.invite_code'))

export const InviteSchema = z.object({
  _id: InviteCodeSchema,
  role: RoleNameSchema,
  unitId: IdSchema,
  createdBy: IdSchema,
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  usedBy: IdSchema.nullable(),
  usedAt: TimestampSchema.nullable(),
})
export type Invite = z.infer<typeof InviteSchema>

// ---- views returned to the client ----

export const UnitRefSchema = z.object({
  id: IdSchema,
  name: z.string(),
  level: UnitLevelSchema,
  /** names from the top down, e.g. 甘孜县 › 呷拉乡 › 旭日岭社区 */
  fullName: z.string(),
})
export type UnitRef = z.infer<typeof UnitRefSchema>

/** A role in a unit; `roleLabel` is rendered by the server in the caller's language. */
export const RoleViewSchema = z.object({
  role: RoleNameSchema,
  roleLabel: z.string(),
  unit: UnitRefSchema,
})
export type RoleView = z.infer<typeof RoleViewSchema>

/** A join request as the requester sees it: the household named without its people (see `publicAddress`). */
export const MyJoinRequestSchema = z.object({
  id: IdSchema,
  status: JoinStatusSchema,
  household: z.object({ id: IdSchema, headName: z.string(), address: z.string() }),
  createdAt: TimestampSchema,
})
export type MyJoinRequest = z.infer<typeof MyJoinRequestSchema>

export const MeSchema = z.object({
  user: z.object({
    id: IdSchema,
    name: z.string(),
    phoneMasked: z.string().nullable(),
    householdId: IdSchema.nullable(),
    residence: UnitRefSchema.nullable(),
    /** the language kept on the profile (null: never chosen) */
    lang: LangSchema.nullable().default(null),
    /** whether the person gave their real name (a WeChat account starts as 微信用户) */
    named: z.boolean().default(true),
    /** whether the phone was verified (WeChat's phone-number button, or a seed's own) */
    phoneVerified: z.boolean().default(false),
  }),
  /** my household (I am a member), and whether I am its head */
  household: z
    .object({ id: IdSchema, headName: z.string(), address: z.string(), head: z.boolean() })
    .nullable()
    .default(null),
  /** my join request waiting for a decision, if any */
  joinRequest: MyJoinRequestSchema.nullable().default(null),
  roles: z.array(RoleViewSchema),
  permissions: z.array(PermissionSchema),
  isNew: z.boolean(),
})
export type Me = z.infer<typeof MeSchema>

export const UnitSummarySchema = UnitRefSchema.extend({ hasChildren: z.boolean() })
export type UnitSummary = z.infer<typeof UnitSummarySchema>

export const ListUnitsInputSchema = z.object({ parentId: IdSchema.nullable().default(null) })
export const ListUnitsOutputSchema = z.object({ parent: UnitRefSchema.nullable(), items: z.array(UnitSummarySchema) })

/** Where I live: a grid. Saying so never makes anyone a member of a household (that takes a join request). */
export const SetResidenceInputSchema = z.object({ gridId: IdSchema })
export const SetResidenceOutputSchema = z.object({ residence: UnitRefSchema, householdId: IdSchema.nullable() })

const reasonText = z.string().trim().max(100)

export const RequestJoinInputSchema = z.object({ householdId: IdSchema, note: reasonText.default('') })
export const WithdrawJoinRequestInputSchema = z.object({ joinRequestId: IdSchema })

export const JOIN_DECISIONS = ['approve', 'refuse'] as const
/** A refusal says why (the requester is told); an approval may. */
export const DecideJoinRequestInputSchema = z
  .object({ joinRequestId: IdSchema, decision: z.enum(JOIN_DECISIONS), reason: reasonText.default('') })
  .refine((i) => i.decision === 'approve' || i.reason.length > 0, {
    path: ['reason'],
    message: keyText('v.required'),
  })

export const ListJoinRequestsInputSchema = PageInputSchema
/** A join request as those who decide it see it: the requester by name (they decide who joins), phone masked. */
export const JoinRequestViewSchema = z.object({
  id: IdSchema,
  status: JoinStatusSchema,
  requester: z.object({ id: IdSchema, name: z.string(), phoneMasked: z.string().nullable() }),
  household: z.object({ id: IdSchema, headName: z.string(), address: z.string() }),
  grid: UnitRefSchema,
  note: z.string(),
  createdAt: TimestampSchema,
})
export type JoinRequestView = z.infer<typeof JoinRequestViewSchema>
export const ListJoinRequestsOutputSchema = pageOf(JoinRequestViewSchema)

export const ListHouseholdMembersInputSchema = z.object({ householdId: IdSchema })
export const HouseholdMemberViewSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  phoneMasked: z.string().nullable(),
  head: z.boolean(),
  /** when the membership began (null: before memberships were recorded) */
  since: TimestampSchema.nullable(),
  via: z.enum(JOIN_VIAS).nullable(),
})
export const ListHouseholdMembersOutputSchema = z.object({
  household: z.object({ id: IdSchema, headName: z.string(), address: z.string(), grid: UnitRefSchema }),
  members: z.array(HouseholdMemberViewSchema),
  /** whether the caller may remove members (the head, or an official of the grid) */
  canRevoke: z.boolean(),
})

export const RevokeMembershipInputSchema = z.object({
  householdId: IdSchema,
  userId: IdSchema,
  reason: reasonText.min(1),
})
export const RevokeMembershipOutputSchema = z.object({ householdId: IdSchema, userId: IdSchema })

export const MyInboxInputSchema = PageInputSchema
export const AccountInboxItemSchema = z.object({
  id: IdSchema,
  title: z.string(),
  body: z.string(),
  at: TimestampSchema,
})
export const MyInboxOutputSchema = pageOf(AccountInboxItemSchema)

export const SetLangInputSchema = z.object({ lang: LangSchema })
export const SetLangOutputSchema = z.object({ lang: LangSchema })

export const CreateInviteInputSchema = z.object({
  role: RoleNameSchema,
  unitId: IdSchema,
  validHours: z
    .number()
    .int()
    .min(1, keyText('account.v.valid_hours_min'))
    .max(720, keyText('account.v.valid_hours_max'))
    .default(72),
})
export const InviteViewSchema = z.object({
  code: z.string(),
  role: RoleNameSchema,
  roleLabel: z.string(),
  unit: UnitRefSchema,
  expiresAt: TimestampSchema,
})
export type InviteView = z.infer<typeof InviteViewSchema>

export const RedeemInviteInputSchema = z.object({ code: InviteCodeSchema })
export const RedeemInviteOutputSchema = RoleViewSchema

export const ListMembersInputSchema = PageInputSchema.extend({
  unitId: IdSchema,
  role: RoleNameSchema.optional(),
})
export const MemberViewSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  phoneMasked: z.string().nullable(),
  role: RoleNameSchema,
  roleLabel: z.string(),
  unit: UnitRefSchema,
  since: TimestampSchema,
})
export type MemberView = z.infer<typeof MemberViewSchema>
export const ListMembersOutputSchema = pageOf(MemberViewSchema)

export const ListHouseholdsInputSchema = PageInputSchema.extend({ gridId: IdSchema })
/**
 * A household to choose from. Residents of the grid see the head's name masked and the address without anyone's
 * name (`publicAddress`); officials who decide join requests in the grid see both in full (`full`).
 */
export const HouseholdViewSchema = z.object({ id: IdSchema, headName: z.string(), address: z.string() })
export const ListHouseholdsOutputSchema = pageOf(HouseholdViewSchema).extend({ full: z.boolean() })

// ---- issue #17: the tree kept by its admins, identity, roles, imports, the audit log ----

/** A unit's code as typed: digits only; which length fits which level is `codeProblem` in account.rules.ts. */
const CodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6,12}$/, keyText('account.v.unit_code'))

export const CreateUnitInputSchema = z.object({
  parentId: IdSchema,
  level: z.enum(['township', 'village', 'grid', 'department']),
  name: words(40),
  statCode: CodeSchema.optional(),
  kind: z.enum(['urban', 'rural']).optional(),
})
export const UpdateUnitInputSchema = z.object({
  unitId: IdSchema,
  name: words(40).optional(),
  /** moves the unit (and everything below it) under another unit of the same county */
  parentId: IdSchema.optional(),
  statCode: CodeSchema.optional(),
  /** retires the unit: it keeps its history and cases */
  retire: z.literal(true).optional(),
})
export const OrgUnitSchema = UnitRefSchema.extend({
  code: z.string().nullable(),
  retired: z.boolean(),
  hasChildren: z.boolean(),
  /** households registered in the unit (grids and villages; summed below a township) */
  households: z.number().int(),
  /** people holding a role in the unit itself (not below it) */
  staff: z.number().int(),
})
export type OrgUnit = z.infer<typeof OrgUnitSchema>
export const GetOrgTreeInputSchema = z.object({ unitId: IdSchema.nullable().default(null) })
export const GetOrgTreeOutputSchema = z.object({
  unit: OrgUnitSchema.nullable(),
  children: z.array(OrgUnitSchema),
  /** whether the caller may create, rename, move and retire units here */
  canManage: z.boolean(),
})

export const SetProfileInputSchema = z.object({ name: z.string().trim().min(2).max(20) })
export const VerifyPhoneInputSchema = z.object({ phoneCode: z.string().trim().min(1).max(200) })
export const VerifyPhoneOutputSchema = z.object({
  phoneMasked: z.string(),
  /** the household the roster put this phone in, joined at once (null: not in the roster) */
  householdId: IdSchema.nullable(),
  head: z.boolean(),
  /** roles the roster gave this phone, granted now */
  roles: z.array(RoleViewSchema),
})

export const GrantRoleInputSchema = z.object({ userId: IdSchema, role: RoleNameSchema, unitId: IdSchema })
export const RevokeRoleInputSchema = z.object({
  userId: IdSchema,
  role: RoleNameSchema,
  unitId: IdSchema,
  reason: reasonText.min(1),
})
export const RoleChangeOutputSchema = z.object({ userId: IdSchema, role: RoleNameSchema, unitId: IdSchema })

export const FindPeopleInputSchema = z.object({ unitId: IdSchema, query: z.string().trim().min(1).max(20) })
/** A person officials may grant a role to: someone the roster knows or who verified a phone. */
export const PersonViewSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  phoneMasked: z.string().nullable(),
  residence: z.string().nullable(),
})
export const FindPeopleOutputSchema = z.object({ items: z.array(PersonViewSchema) })

export const RoleHistoryInputSchema = PageInputSchema.extend({ userId: IdSchema, unitId: IdSchema })
export const RoleHistoryItemSchema = z.object({
  at: TimestampSchema,
  what: z.string(),
  role: z.string(),
  unit: z.string(),
  by: z.string(),
})
export const RoleHistoryOutputSchema = pageOf(RoleHistoryItemSchema).extend({ name: z.string() })

export const CreateInviteSheetInputSchema = z.object({
  role: RoleNameSchema,
  /** every unit below this one at a level the role is held at gets one code (e.g. each grid of a township) */
  parentId: IdSchema,
  validHours: z
    .number()
    .int()
    .min(1, keyText('account.v.valid_hours_min'))
    .max(720, keyText('account.v.valid_hours_max'))
    .default(168),
})
export const FileOutputSchema = z.object({
  filename: z.string(),
  mime: z.string(),
  base64: z.string(),
  rows: z.number().int(),
})

export const IMPORT_KINDS = ['household', 'staff'] as const
export const ImportKindSchema = z.enum(IMPORT_KINDS)
export type ImportKind = z.infer<typeof ImportKindSchema>
export const ImportTemplateInputSchema = z.object({ kind: ImportKindSchema })
export const ExportRosterInputSchema = z.object({
  kind: ImportKindSchema,
  unitId: IdSchema,
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
})

/** Parts of the file, base64, each under the call's size limit (the client cuts the file). */
export const IMPORT_PART_CHARS = 180_000
export const IMPORT_MAX_PARTS = 40
export const StartImportInputSchema = z.object({
  kind: ImportKindSchema,
  unitId: IdSchema,
  fileName: z.string().trim().min(1).max(100),
  parts: z.number().int().min(1).max(IMPORT_MAX_PARTS),
})
export const PutImportPartInputSchema = z.object({
  jobId: IdSchema,
  part: z
    .number()
    .int()
    .min(0)
    .max(IMPORT_MAX_PARTS - 1),
  base64: z
    .string()
    .max(IMPORT_PART_CHARS)
    .regex(/^[A-Za-z0-9+/=]*$/),
})
export const ImportJobInputSchema = z.object({ jobId: IdSchema })
export const CommitImportInputSchema = z.object({ jobId: IdSchema, chunk: z.number().int().min(0) })
export const ImportProblemSchema = z.object({ row: z.number().int(), column: z.string(), reason: z.string() })
export const IMPORT_STATUSES = ['uploading', 'checked', 'done'] as const
export const ImportJobViewSchema = z.object({
  id: IdSchema,
  kind: ImportKindSchema,
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  rows: z.number().int(),
  /** every row's problem (row as numbered in the sheet, the column's header, why), in the reader's language */
  problems: z.array(ImportProblemSchema),
  chunks: z.number().int(),
  /** chunks not yet committed, in order: the client commits them one by one and resumes here after a failure */
  pending: z.array(z.number().int()),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
})
export type ImportJobView = z.infer<typeof ImportJobViewSchema>

export const ListAuditInputSchema = PageInputSchema.extend({
  unitId: IdSchema,
  actorId: IdSchema.optional(),
  what: z.string().max(40).optional(),
  subjectId: z.string().max(64).optional(),
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
})
export const AuditItemSchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  actor: z.object({ id: IdSchema, name: z.string() }),
  what: z.string(),
  whatLabel: z.string(),
  unit: z.string(),
  subjectId: z.string().nullable(),
  before: z.string(),
  after: z.string(),
  requestId: z.string().nullable(),
})
export const ListAuditOutputSchema = pageOf(AuditItemSchema)
export const ExportAuditInputSchema = ListAuditInputSchema.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
})

/** A problem of one row, kept as a message key (rendered in the reader's language when shown). */
export const StoredProblemSchema = z.object({ row: z.number().int(), column: z.string(), reason: MessageRefSchema })
export type StoredProblem = z.infer<typeof StoredProblemSchema>

/** One import of a roster file: uploaded in parts, checked (every row's problems), committed chunk by chunk. */
export const ImportJobSchema = z.object({
  _id: IdSchema,
  kind: ImportKindSchema,
  unitId: IdSchema,
  createdBy: IdSchema,
  createdAt: TimestampSchema,
  fileName: z.string(),
  parts: z.number().int(),
  status: z.enum(IMPORT_STATUSES),
  rows: z.number().int(),
  problems: z.array(StoredProblemSchema),
  chunks: z.number().int(),
  done: z.array(z.number().int()),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
})
export type ImportJob = z.infer<typeof ImportJobSchema>
export const ImportPartSchema = z.object({ _id: IdSchema, jobId: IdSchema, part: z.number().int(), base64: z.string() })
export type ImportPart = z.infer<typeof ImportPartSchema>

/** A household row as checked: where it goes (its id, new or found by its natural key) and what it says. */
export const HouseholdRowSchema = z.object({
  row: z.number().int(),
  id: IdSchema,
  gridId: IdSchema,
  villageId: IdSchema,
  householdNo: z.string(),
  headName: z.string(),
  phone: z.string().nullable(),
  address: z.string(),
  size: z.number().int().nullable(),
  members: z.array(z.object({ name: z.string(), phone: z.string().nullable() })),
  /** roster people of this household the file no longer lists: unlinked from it */
  drop: z.array(IdSchema),
})
export type HouseholdRow = z.infer<typeof HouseholdRowSchema>
export const StaffRowSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  phone: z.string(),
  role: RoleNameSchema,
  unitId: IdSchema,
})
export type StaffRow = z.infer<typeof StaffRowSchema>
/** One chunk of a checked import: committed in one transaction (id `<jobId>.c<n>`). */
export const ImportChunkSchema = z.object({
  _id: IdSchema,
  jobId: IdSchema,
  n: z.number().int(),
  households: z.array(HouseholdRowSchema),
  staff: z.array(StaffRowSchema),
})
export type ImportChunk = z.infer<typeof ImportChunkSchema>
