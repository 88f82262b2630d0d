/**
 * Role changes, written once. A person's active role assignments are kept twice: as documents in
 * `role_assignments` (the record: who granted what, when, how, and when it was revoked; what lists of members and
 * holders query) and as `grants` on the person's own `users` document, which is what the caller's access checks
 * read (one read per call instead of a user read and a query). The two agree because every role change goes
 * through `saveRoleAssignment`, inside the transaction that makes the change: granting, revoking, re-granting.
 * Nothing else writes `role_assignments` (a test scans the code for it) or `users.grants`.
 */
import type { GrantRef, RoleAssignment, User } from '@shared/account/account.schema'
import { C } from './collections'
import { DocNotFoundError, type TxStore } from './port'

/**
 * Writes a role assignment (active, or revoked when `revokedAt` is set) and brings its person's `grants` in line,
 * in the caller's transaction. A person whose document does not keep grants yet (written before they were kept)
 * keeps none: their grants are read from `role_assignments`, which this write has just changed; their
 * `grantsVersion` moves on, so that the backfill (`backfillGrants`) does not write grants it read before this
 * change, and a backfill running at the same time conflicts with it on the document instead of missing it.
 */
export async function saveRoleAssignment(tx: TxStore, assignment: RoleAssignment): Promise<void> {
  const user = await tx.get(C.users, assignment.userId)
  // the holder's WeChat id and language with it, for a person whose document keeps grants: `keepLangOnAssignments`
  // finds the copies through those grants, in the transaction that changes the language (both write the user's
  // document, so the two never interleave)
  const { holder: _was, ...bare } = assignment
  await tx.set(C.role_assignments, user?.grants ? { ...bare, holder: holderOf(user) } : bare)
  if (!user) return
  if (!user.grants) {
    await tx.update(C.users, user._id, { grantsVersion: (user.grantsVersion ?? 0) + 1 })
    return
  }
  const others = user.grants.filter((g) => g._id !== assignment._id)
  const grants: GrantRef[] =
    assignment.revokedAt === null
      ? [...others, { _id: assignment._id, role: assignment.role, unitId: assignment.unitId }]
      : others
  await tx.update(C.users, user._id, { grants })
}

/** What an assignment keeps of its holder's profile for pushes. */
export function holderOf(user: Pick<User, 'openid' | 'lang'>): NonNullable<RoleAssignment['holder']> {
  return { openid: user.openid ?? null, lang: user.lang ?? null }
}

/**
 * In the transaction that changes a person's language (`user` as read in it, with the new language): the copy on
 * each of their active assignments (found through the grants their document keeps) follows. A document keeping no
 * grants has no copies (saveRoleAssignment writes none for it). Nothing else writes the copies.
 */
export async function keepLangOnAssignments(tx: TxStore, user: User): Promise<void> {
  for (const g of user.grants ?? []) {
    try {
      await tx.update(C.role_assignments, g._id, { holder: holderOf(user) })
    } catch (err) {
      if (!(err instanceof DocNotFoundError)) throw err
    }
  }
}

/**
 * The one-time backfill of one person's copies on their assignments (`tools/backfill-grants.ts`), in a transaction
 * of its own: their document read in it, and each active assignment it names given the copy where it has none or
 * another. A language or role change at the same time writes the same assignments, so the two do not interleave.
 * Returns how many were written (none for a document keeping no grants, or a second run).
 */
export async function backfillHolders(tx: TxStore, userId: string): Promise<number> {
  const user = await tx.get(C.users, userId)
  if (!user?.grants) return 0
  const want = holderOf(user)
  let written = 0
  for (const g of user.grants) {
    const a = await tx.get(C.role_assignments, g._id)
    if (!a || a.revokedAt !== null || a.userId !== user._id) continue
    if (a.holder?.openid === want.openid && a.holder.lang === want.lang) continue
    await tx.update(C.role_assignments, a._id, { holder: want })
    written += 1
  }
  return written
}

/** Revokes one assignment (kept, with the time) and takes it off its person's grants. Missing or revoked: nothing. */
export async function revokeRoleAssignment(tx: TxStore, assignmentId: string, at: number): Promise<void> {
  const current = await tx.get(C.role_assignments, assignmentId)
  if (!current || current.revokedAt !== null) return
  await saveRoleAssignment(tx, { ...current, revokedAt: at })
}

/** The grants kept on a person's document for these active assignments (seeds, bulk loads, migrations). */
export function grantRefsOf(assignments: readonly RoleAssignment[]): GrantRef[] {
  return assignments.filter((a) => a.revokedAt === null).map((a) => ({ _id: a._id, role: a.role, unitId: a.unitId }))
}

export type BackfillOutcome = 'written' | 'kept' | 'changed' | 'missing'

/**
 * The one-time backfill of one person's `grants` (documents written before grants were kept;
 * `tools/backfill-grants.ts`), in its own transaction. `seen` is their document as read before their active
 * assignments (`assignmentIds`) were queried. Writes the grants unless the document keeps some already ('kept':
 * saveRoleAssignment keeps those) or a role change has come in since it was read ('changed': `grantsVersion`
 * moved; read both again). Each assignment is read again here and kept only if it is still theirs and active.
 */
export async function backfillGrants(
  tx: TxStore,
  seen: Pick<User, '_id' | 'grantsVersion'>,
  assignmentIds: readonly string[],
): Promise<BackfillOutcome> {
  const user = await tx.get(C.users, seen._id)
  if (!user) return 'missing'
  if (user.grants) return 'kept'
  if ((user.grantsVersion ?? 0) !== (seen.grantsVersion ?? 0)) return 'changed'
  const active: RoleAssignment[] = []
  for (const id of new Set(assignmentIds)) {
    const a = await tx.get(C.role_assignments, id)
    if (a && a.userId === user._id) active.push(a)
  }
  await tx.update(C.users, user._id, { grants: grantRefsOf(active) })
  return 'written'
}
