import { z } from 'zod'
import { LANGS } from '../i18n/i18n'
import { IdSchema, TimestampSchema, PageInputSchema, pageOf, text } from '../common.schema'
import { ROLE_NAMES } from '../auth/roles'
import { PERMISSION_NAMES } from '../auth/permissions'

export const UNIT_LEVELS = ['prefecture', 'county', 'township', 'village', 'grid', 'department'] as const
export const UnitLevelSchema = z.enum(UNIT_LEVELS)
export type UnitLevel = z.infer<typeof UnitLevelSchema>
export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  prefecture: '州（市）',
  county: '县（区）',
  township: '乡镇（街道）',
  village: '村（社区）',
  grid: '网格',
  department: '职能部门',
}

export const RoleNameSchema = z.enum(ROLE_NAMES, { error: '没有这个角色' })
export const PermissionSchema = z.enum(PERMISSION_NAMES as [string, ...string[]])

/** A node of the administrative tree. `_id` is the GB/T 2260 / statistical code where one exists. */
export const UnitSchema = z.object({
  _id: IdSchema,
  name: text('单位名称', 40),
  level: UnitLevelSchema,
  parentId: IdSchema.nullable(),
  /** ids from the root down to this unit, inclusive: a grant in any of them covers this unit */
  path: z.array(IdSchema).min(1),
  /** 社区 (urban) or 村 (rural), for villages */
  kind: z.enum(['urban', 'rural']).nullable().default(null),
})
export type Unit = z.infer<typeof UnitSchema>

export const UserSchema = z.object({
  _id: IdSchema,
  /** WeChat OPENID on CloudBase; null for demo users in local mode */
  openid: z.string().nullable().default(null),
  name: text('姓名', 20),
  phone: z
    .string()
    .regex(/^1\d{10}$/, '手机号格式不对')
    .nullable()
    .default(null),
  householdId: IdSchema.nullable().default(null),
  residenceUnitId: IdSchema.nullable().default(null),
  /** the language chosen on first launch or on 我的; messages made for this person use it */
  lang: z.enum(LANGS).optional(),
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
  headName: text('户主姓名', 20),
  address: text('住址', 60),
})
export type Household = z.infer<typeof HouseholdSchema>

export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const InviteCodeSchema = z
  .string({ error: '请输入邀请码' })
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJ-NP-Z]{8}$/, '邀请码是 8 位字母和数字')

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

export const RoleViewSchema = z.object({
  role: RoleNameSchema,
  roleLabel: z.string(),
  unit: UnitRefSchema,
})
export type RoleView = z.infer<typeof RoleViewSchema>

export const MeSchema = z.object({
  user: z.object({
    id: IdSchema,
    name: z.string(),
    phoneMasked: z.string().nullable(),
    householdId: IdSchema.nullable(),
    residence: UnitRefSchema.nullable(),
  }),
  roles: z.array(RoleViewSchema),
  permissions: z.array(PermissionSchema),
  isNew: z.boolean(),
})
export type Me = z.infer<typeof MeSchema>

export const UnitSummarySchema = UnitRefSchema.extend({ hasChildren: z.boolean() })
export type UnitSummary = z.infer<typeof UnitSummarySchema>

export const ListUnitsInputSchema = z.object({ parentId: IdSchema.nullable().default(null) })
export const ListUnitsOutputSchema = z.object({ parent: UnitRefSchema.nullable(), items: z.array(UnitSummarySchema) })

export const SetResidenceInputSchema = z.object({
  gridId: IdSchema,
  householdId: IdSchema.nullable().default(null),
})
export const SetResidenceOutputSchema = z.object({ residence: UnitRefSchema, householdId: IdSchema.nullable() })

export const CreateInviteInputSchema = z.object({
  role: RoleNameSchema,
  unitId: IdSchema,
  validHours: z.number().int().min(1, '有效期至少 1 小时').max(720, '有效期最长 30 天').default(72),
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
export const HouseholdViewSchema = z.object({ id: IdSchema, headNameMasked: z.string(), address: z.string() })
export const ListHouseholdsOutputSchema = pageOf(HouseholdViewSchema)
