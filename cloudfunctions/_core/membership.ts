import { C } from './collections'
import type { TxStore } from './port'

/**
 * In the transaction that takes a person out of household `householdId` (removed, or moved away): the household's
 * points account moves its `membersVersion` on, so a redemption the person began before the change, which spends
 * without reading the person again (issue #21), fails its conditional write of the account and is refused. An
 * account not made yet needs nothing: no redemption has found one, so no member keeps a version of it.
 */
export async function leaveHousehold(tx: TxStore, householdId: string): Promise<void> {
  const account = await tx.get(C.points_accounts, householdId)
  if (account) await tx.update(C.points_accounts, householdId, { membersVersion: (account.membersVersion ?? 0) + 1 })
}
