import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import type { Me } from '@shared/account/account.schema'
import type { Permission } from '@shared/auth/permissions'
import { ROLES } from '@shared/auth/roles'
import { callFunction, type CallFailure, type CallResult } from './call-function'
import { DEMO_LOGIN } from './env'
import { readKept } from './kept'
import { getToken } from './session'

/**
 * Who I am, fetched once and shared by every page. Anything that changes my roles or residence calls
 * `forgetMe()` so the next page shown asks again.
 */
let cached: Me | null = null
let inflight: Promise<CallResult<Me>> | null = null

/** Who the kept copy said I am, when only that could be read (no signal): consents still find their answers. */
let keptUserId: string | null = null

/** The signed-in person's id as last loaded (consents are kept per person on the device), or null. */
export function currentUserId(): string | null {
  return cached?.user.id ?? keptUserId
}

/**
 * My id, loading who I am first when no page has yet (a tap can come before the page's load answered, or with
 * no signal, from the kept copy). Null only when nobody is signed in or nothing is known on this phone.
 */
export async function myUserId(): Promise<string | null> {
  if (currentUserId() || needsLogin()) return currentUserId()
  await loadMe()
  return currentUserId()
}

export function forgetMe(): void {
  cached = null
  keptUserId = null
}

export function loadMe(force = false): Promise<CallResult<Me>> {
  if (cached && !force) return Promise.resolve({ ok: true, data: cached })
  if (!inflight) {
    // kept on the phone: with no signal the field pages still know who I am, my grid and my household
    inflight = readKept('me', () => callFunction(accountContract, 'getMe', {})).then((r) => {
      inflight = null
      if (r.ok && !r.data.offline) cached = r.data.value
      if (r.ok) keptUserId = r.data.value.user.id
      return r.ok ? { ok: true as const, data: r.data.value } : r
    })
  }
  return inflight
}

/** Off WeChat there is no identity without the demo login: send the visitor there first. */
export function needsLogin(): boolean {
  return DEMO_LOGIN && !getToken()
}

export interface MeState {
  me: Me | null
  error: CallFailure | null
  loading: boolean
  reload: () => void
}

/** The current user for a page; refreshed each time the page is shown, so tab pages stay current. */
export function useMe(): MeState {
  const [me, setMe] = useState<Me | null>(cached)
  const [error, setError] = useState<CallFailure | null>(null)
  const [loading, setLoading] = useState(!cached)

  const settle = useCallback((r: CallResult<Me>) => {
    setLoading(false)
    if (r.ok) {
      setMe(r.data)
      setError(null)
    } else setError(r)
  }, [])
  const load = useCallback(
    (force: boolean) => {
      if (needsLogin()) {
        void Taro.reLaunch({ url: '/pages/login/index' })
        return
      }
      setLoading(true)
      void loadMe(force).then(settle)
    },
    [settle],
  )

  useDidShow(() => load(false))
  // A component that mounts after its page was shown (a card rendered once the page's data arrived) never sees
  // the page's show event: it asks once when it mounts (the cache and the call in flight are shared).
  useEffect(() => {
    if (!cached && !needsLogin()) void loadMe(false).then(settle)
  }, [settle])
  const reload = useCallback(() => load(true), [load])
  return { me, error, loading, reload }
}

export function hasPermission(me: Me | null, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission)
}

/** Units where one of my roles gives `permission` (where I may act with it, and below). */
export function unitsWith(me: Me, permission: Permission): Me['roles'][number]['unit'][] {
  const seen = new Set<string>()
  return me.roles
    .filter((r) => ROLES[r.role].permissions.includes(permission))
    .map((r) => r.unit)
    .filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)))
}
