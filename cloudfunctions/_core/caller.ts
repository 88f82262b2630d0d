import type { GrantRef, User } from '@shared/account/account.schema'
import type { Grant } from '@shared/auth/access'
import { CommonErrors } from '@shared/errors'
import { DEFAULT_LANG, render } from '@shared/i18n/i18n'
import './core.messages'
import { C } from './collections'
import { stableId } from './ids'
import { DuplicateKeyError } from './port'
import type { Runtime } from './runtime'

/**
 * Who is calling, as the platform says: never taken from the request body. `user` is a session the local host
 * signed or a CloudBase custom login (the officials' console); `gen` is the session generation it was made in,
 * and an older one than the user's no longer signs in (signed out everywhere).
 */
export type Identity =
  { kind: 'wechat'; openid: string } | { kind: 'user'; userId: string; gen?: number } | { kind: 'anonymous' }

export interface Caller {
  user: User
  /** the caller's active role assignments (from their user document, kept by `saveRoleAssignment`) */
  grants: GrantRef[]
  /** true on a WeChat user's very first call, when their account was just created */
  isNew: boolean
}

export function asGrants(assignments: ReadonlyArray<Pick<GrantRef, 'role' | 'unitId'>>): Grant[] {
  return assignments.map((a) => ({ role: a.role, unitId: a.unitId }))
}

/** The user id an identity stands for, known before anything is read (so the caller's request record can be read alongside). */
export function callerUserId(identity: Identity): string | null {
  if (identity.kind === 'user') return identity.userId
  if (identity.kind === 'wechat') return stableId('wx', identity.openid)
  return null
}

/**
 * The caller: their user document, with their grants on it (one read), created on a WeChat user's first call.
 * A document from before grants were kept on it has its grants read from `role_assignments` instead.
 */
export async function loadCaller(rt: Runtime, identity: Identity): Promise<Caller> {
  let user: User | null = null
  let isNew = false
  if (identity.kind === 'anonymous') throw CommonErrors.UNAUTHENTICATED()
  if (identity.kind === 'user') {
    user = await rt.db.get(C.users, identity.userId)
    if (!user) throw CommonErrors.UNAUTHENTICATED.because('auth.account_gone')
    if (identity.gen !== undefined && identity.gen !== (user.sessionGen ?? 0))
      throw CommonErrors.SESSION_EXPIRED.because('auth.signed_out')
  } else {
    // The user id is derived from the OPENID, so two first calls at once create one account.
    const id = stableId('wx', identity.openid)
    user = await rt.db.get(C.users, id)
    if (!user) {
      const fresh: User = {
        _id: id,
        openid: identity.openid,
        name: render({ key: 'core.default_name' }, DEFAULT_LANG),
        phone: null,
        householdId: null,
        residenceUnitId: null,
        createdAt: rt.clock.now(),
        grants: [],
        patrolTeamIds: [],
      }
      try {
        await rt.db.insert(C.users, fresh)
        isNew = true
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err
      }
      user = (await rt.db.get(C.users, id)) ?? fresh
    }
  }
  const grants: GrantRef[] =
    user.grants ??
    (await rt.db.find(C.role_assignments, { where: { userId: user._id, revokedAt: null }, limit: 200 })).map((a) => ({
      _id: a._id,
      role: a.role,
      unitId: a.unitId,
    }))
  return { user, grants, isNew }
}
