import { stableId } from '../_core/ids'

/**
 * Deterministic ids of the points domain: they carry uniqueness and let transactions read what must
 * be consistent (balance, stock, caps, counters) by id.
 */
export const pointsKeys = {
  rule: (villageId: string, code: string) => stableId('pr', villageId, code),
  ruleVersion: (ruleId: string, version: number) => `${ruleId}.v${version}`,
  /** absolute points counted (or reserved by a pending proposal) under a rule for a household-month */
  cap: (householdId: string, ruleId: string, month: string) => stableId('pcap', householdId, ruleId, month),
  villageMonth: (villageId: string, month: string) => stableId('pst', villageId, month),
  householdMonth: (householdId: string, month: string) => stableId('phm', householdId, month),
  /** a system award's entry: one per source event */
  systemEntry: (sourceKey: string) => stableId('pl', sourceKey),
  awardEntry: (awardId: string) => stableId('pl', 'points-award', awardId),
  /**
   * An order's ledger entry, written in the order's own transaction (the order, by its request-derived id,
   * is what makes a repeat a no-op). Its time goes first so a new entry lands at the end of the largest
   * table's index, not on a random page of millions; the order records it (entryId).
   */
  redeemEntry: (redemptionId: string, at: number) =>
    `pl_${at.toString(36).padStart(9, '0')}${stableId('', 'points-redeem', redemptionId).slice(1, 17)}`,
  refundEntry: (redemptionId: string) => stableId('pl', 'points-refund', redemptionId),
  correctionEntry: (entryId: string) => stableId('pl', 'points-correct', entryId),
  redemption: (userId: string, requestId: string) => stableId('rd', userId, requestId),
  redeemLimit: (householdId: string, goodsId: string, month: string) => stableId('prl', householdId, goodsId, month),
  pickupCode: (villageId: string, code: string) => stableId('pk', villageId, code),
  objection: (awardId: string, userId: string) => stableId('po', awardId, userId),
}

/** Counter docs of a counted amount (caps, per-month redemption limits). */
export interface CounterDoc {
  _id: string
  [field: string]: unknown
  used: number
}
