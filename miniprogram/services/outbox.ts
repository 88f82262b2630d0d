import Taro from '@tarojs/taro'
import { useEffect, useSyncExternalStore } from 'react'
import type { Contract, InputOf } from '@shared/contract'
import { CommonErrors } from '@shared/errors'
import { describeZodError, issuesOf } from '@shared/validation'
import { callQueued, newRequestId, type CallFailure } from './call-function'
import { IS_WEAPP } from './env'
import { getLang, t } from './i18n'
import {
  createOutbox,
  type OutboxItem,
  type OutboxOutcome,
  type OutboxSnapshot,
  type OutboxStorage,
} from './outbox-core'
import { removePhoto } from './photo'
import { uploadKept } from './upload'

/**
 * The phone's outbox (outbox-core.ts) wired to this app: items in device storage (Taro storage, which survives
 * a closed app on both builds), photos as saved files or in IndexedDB (services/photo.ts), sent through
 * `callQueued` and `uploadKept`. It sends by itself when the network comes back (and again within a second or two
 * if the first sends still find no signal), when a waiting item's backoff is over, when the app is shown again and
 * every 15 seconds while something waits. Every field write goes through `queueCall`.
 */
const KEY = 'linli.outbox'

const storage: OutboxStorage = {
  load: async () => {
    try {
      const v = Taro.getStorageSync(KEY) as unknown
      if (v && typeof v === 'object' && Array.isArray((v as { items?: unknown }).items))
        return v as { items: OutboxItem[]; results: Record<string, unknown> }
    } catch {
      // unreadable storage: start empty
    }
    return { items: [], results: {} }
  },
  save: async (state) => {
    Taro.setStorageSync(KEY, state)
  },
  removePhoto,
}

export const outbox = createOutbox({
  storage,
  network: {
    call: (fn, action, input, requestId, sentBefore) => callQueued(fn, action, input, requestId, sentBefore),
    upload: (key, onProgress, cancel, item) => uploadKept(key, item.owner ?? '', onProgress, cancel),
  },
  // the server could not answer, or the session lapsed (the demo login asks again): try again later
  transient: new Set([
    CommonErrors.INTERNAL.code,
    CommonErrors.UNAUTHENTICATED.code,
    CommonErrors.SESSION_EXPIRED.code,
  ]),
  words: {
    get cancelled() {
      return { code: 'CLIENT.CANCELLED', message: t('ui.upload_cancelled') }
    },
    blocked: (dep) => ({ code: 'CLIENT.BLOCKED', message: t('ui.outbox_blocked', { name: labelOf(dep) }) }),
  },
})

/** How the list names an item: what it is, and the words it was queued with. */
export function labelOf(item: Pick<OutboxItem, 'kind' | 'summary'>): string {
  const kind = (t as (key: string) => string)(`ui.outbox_kind.${item.kind}`)
  return item.summary ? `${kind} · ${item.summary}` : kind
}

/** placeholder ids for photos not yet uploaded, so the contract checks the rest of the input now */
const PLACEHOLDER_FILE = 'f_00000000000000000000000000000000'

export interface QueueOptions {
  /** a few words to recognise it by in the list */
  summary?: string
  /** photos kept on the phone (services/photo.ts), uploaded first; their ids go into `photoField` */
  photos?: { keys: string[]; field: string; owner: string }
  after?: string
  bind?: Record<string, string>
  group?: string
  requestId?: string
}

export type Queued = { ok: true; item: OutboxItem; outcome: OutboxOutcome | null } | CallFailure

/**
 * Checks a write against its contract and keeps it in the outbox (bad input is refused here, with the field's
 * message, and nothing is kept), then tries to send what is due. The answer says whether this write went out
 * (`outcome`) or waits for a signal (`outcome: null`).
 */
export async function queueCall<C extends Contract, K extends keyof C['actions'] & string>(
  contract: C,
  action: K,
  input: InputOf<C, K>,
  opts: QueueOptions = {},
): Promise<Queued> {
  const def = contract.actions[action]
  const lang = getLang()
  if (!def)
    return { ok: false, code: CommonErrors.UNKNOWN_ACTION.code, message: CommonErrors.UNKNOWN_ACTION.messageIn(lang) }
  const probe: Record<string, unknown> = { ...(input as Record<string, unknown>) }
  if (opts.photos) probe[opts.photos.field] = opts.photos.keys.map(() => PLACEHOLDER_FILE)
  const parsed = def.input.safeParse(probe)
  if (!parsed.success)
    return {
      ok: false,
      code: CommonErrors.BAD_INPUT.code,
      message: describeZodError(parsed.error, lang, contract.name),
      details: issuesOf(parsed.error, lang, contract.name),
    }
  const data = { ...(parsed.data as Record<string, unknown>) }
  if (opts.photos) data[opts.photos.field] = []
  const item = await outbox.add({
    id: opts.requestId ?? newRequestId(),
    kind: `${contract.name}.${action}`,
    summary: opts.summary ?? '',
    fn: contract.name,
    action,
    input: data,
    photoField: opts.photos?.field,
    photoKeys: opts.photos?.keys,
    after: opts.after,
    bind: opts.bind,
    group: opts.group,
    owner: opts.photos?.owner,
  })
  const outcomes = await outbox.flush({ force: true })
  return { ok: true, item, outcome: outcomes.find((o) => o.id === item.id) ?? null }
}

let installed = false
/** Sends by itself: network back, app shown again, and a timer while something waits. Called once by the app. */
export function startOutbox(): void {
  if (installed) return
  installed = true
  const kick = (force: boolean) => () => {
    if (outbox.snapshot().items.length || force) void outbox.flush({ force })
  }
  // the network back: a round now, and soon again if the signal is not yet through (outbox-core: networkBack)
  const back = () => {
    if (outbox.snapshot().items.length) void outbox.networkBack()
  }
  if (IS_WEAPP) {
    Taro.onNetworkStatusChange((res) => {
      if (res.isConnected) back()
    })
    Taro.onAppShow(kick(true))
  } else if (typeof window !== 'undefined') {
    window.addEventListener('online', back)
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') kick(true)()
    })
  }
  void outbox.ready().then(kick(true))
  setInterval(kick(false), 15_000)
}

/** The outbox as it is now, for a page (re-rendered on every change). */
export function useOutbox(): OutboxSnapshot {
  useEffect(() => startOutbox(), [])
  return useSyncExternalStore(outbox.subscribe, outbox.snapshot)
}
