/**
 * Statuses of the points domain, declared once with their label and whether they are still open.
 * An award (one household's share of a proposal) only counts once it is `credited`; a redemption only
 * keeps its points once `fulfilled` (a `pending` one holds them; cancellation or expiry returns them).
 */
export const BATCH_STATUSES = {
  pending: { label: '待审核', open: true },
  approved: { label: '已通过，公示中', open: false },
  rejected: { label: '未通过', open: false },
} as const
export type BatchStatus = keyof typeof BATCH_STATUSES

export const AWARD_STATUSES = {
  proposed: { label: '待审核', open: true },
  publicity: { label: '公示中', open: true },
  objected: { label: '有异议，待处理', open: true },
  credited: { label: '已计入', open: false },
  rejected: { label: '未通过', open: false },
  withdrawn: { label: '已撤回', open: false },
} as const
export type AwardStatus = keyof typeof AWARD_STATUSES

export const OBJECTION_STATUSES = {
  open: { label: '待处理', open: true },
  rejected: { label: '异议不成立，积分维持', open: false },
  accepted: { label: '异议成立，积分撤回', open: false },
} as const
export type ObjectionStatus = keyof typeof OBJECTION_STATUSES

export const REDEMPTION_STATUSES = {
  pending: { label: '待领取', open: true },
  fulfilled: { label: '已领取', open: false },
  cancelled: { label: '已取消', open: false },
  expired: { label: '已过期', open: false },
} as const
export type RedemptionStatus = keyof typeof REDEMPTION_STATUSES

export const ENTRY_KINDS = {
  award: '评定加分',
  deduction: '评定扣分',
  system: '系统记分',
  redeem: '兑换商品',
  refund: '兑换退回',
  correction: '更正',
  opening: '期初积分',
} as const
export type EntryKind = keyof typeof ENTRY_KINDS

function keys<T extends Record<string, unknown>>(o: T): [keyof T & string, ...Array<keyof T & string>] {
  return Object.keys(o) as [keyof T & string, ...Array<keyof T & string>]
}
export const BATCH_STATUS_NAMES = keys(BATCH_STATUSES)
export const AWARD_STATUS_NAMES = keys(AWARD_STATUSES)
export const OBJECTION_STATUS_NAMES = keys(OBJECTION_STATUSES)
export const REDEMPTION_STATUS_NAMES = keys(REDEMPTION_STATUSES)
export const ENTRY_KIND_NAMES = keys(ENTRY_KINDS)
