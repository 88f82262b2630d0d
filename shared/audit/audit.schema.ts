import { z } from 'zod'
import { IdSchema, TimestampSchema } from '../common.schema'

/**
 * The audit log (issue #17 item 6): one append-only entry per administrative change, written by
 * `cloudfunctions/_core/audit.ts` inside the change's own transaction. "Administrative" is a change to how the
 * work is organised, not the work itself (docs/CONVENTIONS.md, "The audit log"): the tree of units, who holds which
 * role, invites, who belongs to which household, roster imports, and each domain's settings, categories, rules,
 * goods and patrol set-up. Cases, check-ins, points entries and redemptions keep their own ledgers.
 */
export const AUDIT_WHATS = [
  'unit.create',
  'unit.rename',
  'unit.move',
  'unit.retire',
  'unit.code',
  'roster.import',
  'role.grant',
  'role.revoke',
  'role.invite',
  'role.roster',
  'invite.create',
  'invite.sheet',
  'membership.approve',
  'membership.refuse',
  'membership.revoke',
  'membership.roster',
  'profile.verify',
  'incident.categories',
  'incident.settings',
  'points.rule',
  'points.settings',
  'points.goods',
  'patrol.settings',
  'patrol.team',
  'patrol.route',
  'patrol.checkpoint',
  'patrol.shift',
  'volunteer.org',
] as const
export const AuditWhatSchema = z.enum(AUDIT_WHATS)
export type AuditWhat = z.infer<typeof AuditWhatSchema>

export const AuditEntrySchema = z.object({
  _id: IdSchema,
  at: TimestampSchema,
  /** who made the change (their name as it was then, for a reader after they have gone) */
  actorId: IdSchema,
  actorName: z.string(),
  fn: z.string(),
  action: z.string(),
  what: AuditWhatSchema,
  /** the unit the change was made in, and its county, township and village (null above them) for filters */
  unitId: IdSchema,
  countyId: IdSchema.nullable(),
  townshipId: IdSchema.nullable(),
  villageId: IdSchema.nullable(),
  /** what the change is about: a unit, a person, a household, a rule … (null: the unit itself) */
  subjectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** the request it came from (the caller's requestId) */
  requestId: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>
