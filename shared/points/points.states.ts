import { POINTS, type PointsKey } from './points.messages'

/**
 * Statuses of the points domain, declared once with their label (a key of the points catalogue, rendered in the
 * reader's language) and whether they are still open. An award (one household's share of a proposal) only counts
 * once it is `credited`; a redemption only keeps its points once `fulfilled` (a `pending` one holds them;
 * cancellation or expiry returns them).
 */
interface State {
  label: PointsKey
  open: boolean
}

export const BATCH_STATUSES = {
  pending: { label: 'points.batch.pending', open: true },
  approved: { label: 'points.batch.approved', open: false },
  rejected: { label: 'points.batch.rejected', open: false },
} as const satisfies Record<string, State>
export type BatchStatus = keyof typeof BATCH_STATUSES

export const AWARD_STATUSES = {
  proposed: { label: 'points.award.proposed', open: true },
  publicity: { label: 'points.award.publicity', open: true },
  objected: { label: 'points.award.objected', open: true },
  credited: { label: 'points.award.credited', open: false },
  rejected: { label: 'points.award.rejected', open: false },
  withdrawn: { label: 'points.award.withdrawn', open: false },
} as const satisfies Record<string, State>
export type AwardStatus = keyof typeof AWARD_STATUSES

export const OBJECTION_STATUSES = {
  open: { label: 'points.objection.open', open: true },
  rejected: { label: 'points.objection.rejected', open: false },
  accepted: { label: 'points.objection.accepted', open: false },
} as const satisfies Record<string, State>
export type ObjectionStatus = keyof typeof OBJECTION_STATUSES

export const REDEMPTION_STATUSES = {
  pending: { label: 'points.redemption.pending', open: true },
  fulfilled: { label: 'points.redemption.fulfilled', open: false },
  cancelled: { label: 'points.redemption.cancelled', open: false },
  expired: { label: 'points.redemption.expired', open: false },
} as const satisfies Record<string, State>
export type RedemptionStatus = keyof typeof REDEMPTION_STATUSES

/** Kinds of ledger entry, each with its label's key. */
export const ENTRY_KINDS = {
  award: 'points.kind.award',
  deduction: 'points.kind.deduction',
  system: 'points.kind.system',
  redeem: 'points.kind.redeem',
  refund: 'points.kind.refund',
  correction: 'points.kind.correction',
  opening: 'points.kind.opening',
} as const satisfies Record<string, PointsKey>
export type EntryKind = keyof typeof ENTRY_KINDS

function keys<T extends Record<string, unknown>>(o: T): [keyof T & string, ...Array<keyof T & string>] {
  return Object.keys(o) as [keyof T & string, ...Array<keyof T & string>]
}
export const BATCH_STATUS_NAMES = keys(BATCH_STATUSES)
export const AWARD_STATUS_NAMES = keys(AWARD_STATUSES)
export const OBJECTION_STATUS_NAMES = keys(OBJECTION_STATUSES)
export const REDEMPTION_STATUS_NAMES = keys(REDEMPTION_STATUSES)
export const ENTRY_KIND_NAMES = keys(ENTRY_KINDS)

/** The categories of points rules (their names are in the catalogue, `points.category.<code>`). */
export const RULE_CATEGORIES = [
  'sanitation',
  'filial',
  'volunteer',
  'customs',
  'safety',
  'law',
  'neighbours',
  'other',
] as const
export type RuleCategory = (typeof RULE_CATEGORIES)[number]

/**
 * A category's code from what a document or an older client carries: the code itself, or the Chinese name the
 * first version stored and sent ('环境卫生'), matched against the catalogue. Null for anything else.
 */
export function categoryCode(value: unknown): RuleCategory | null {
  if (typeof value !== 'string') return null
  const code = RULE_CATEGORIES.find((c) => c === value || POINTS[`points.category.${c}`].zh === value)
  return code ?? null
}
