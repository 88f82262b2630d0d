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
})
export type Unit = z.infer<typeof UnitSchema>

export const LangSchema = z.enum(LANGS)

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
  /**
   * Sessions made for this person (the console's, the local host's) carry the generation they were made in;
   * signing out everywhere moves it on, and a session of an older generation no longer signs anyone in.
   */
  sessionGen: z.number().int().min(0).optional(),
  createdAt: TimestampSchema,
})
export type User = z.infer<typeof UserSchema>

export const RoleAssignmentSchema = z.object({
  _id: IdSchema,
  userId: IdSchema,
  role: RoleNameSchema,
  unitId: IdSchema,
  grantedBy: IdSchema.nullable(),
  via: z.enum(['seed', 'invite', 'residence', 'system']),
  createdAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable().default(null),
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
})
export type Household = z.infer<typeof HouseholdSchema>

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
