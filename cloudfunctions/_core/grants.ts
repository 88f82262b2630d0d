/**
 * Role changes, written once. A person's active role assignments are kept twice: as documents in
 * `role_assignments` (the record: who granted what, when, how, and when it was revoked; what lists of members and
 * holders query) and as `grants` on the person's own `users` document, which is what the caller's access checks
 * read (one read per call instead of a user read and a query). The two agree because every role change goes
 * through `saveRoleAssignment`, inside the transaction that makes the change: granting, revoking, re-granting.
 * Nothing else writes `role_assignments` (a test scans the code for it) or `users.grants`.
 */
import type { GrantRef, RoleAssignment } from '@shared/account/account.schema'
import { C } from './collections'
import type { TxStore } from './port'

/**
 * Writes a role assignment (active, or revoked when `revokedAt` is set) and brings its person's `grants` in line,
 * in the caller's transaction. A person whose document does not keep grants yet (written before they were kept)
 * is left so: their grants are read from `role_assignments`, which this write has just changed.
 */
export async function saveRoleAssignment(tx: TxStore, assignment: RoleAssignment): Promise<void> {
  await tx.set(C.role_assignments, assignment)
  const user = await tx.get(C.users, assignment.userId)
  if (!user?.grants) return
  const others = user.grants.filter((g) => g._id !== assignment._id)
  const grants: GrantRef[] =
    assignment.revokedAt === null
      ? [...others, { _id: assignment._id, role: assignment.role, unitId: assignment.unitId }]
      : others
  await tx.update(C.users, user._id, { grants })
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
