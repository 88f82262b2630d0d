import Taro from '@tarojs/taro'
import {
  consentKey,
  consentsFor,
  isConsentState,
  mustAsk,
  nextConsent,
  type ConsentKind,
  type ConsentState,
  type PrivacyUse,
} from '@shared/privacy/consent'
import { IS_WEAPP } from './env'
import { currentUserId, myUserId } from './me'

/**
 * Consent before the first location, photo, phone-number or clipboard use (shared/privacy/consent.ts has the
 * rules). `ensureConsent(use)` is awaited before the platform API is called: it opens the one consent dialog
 * (components/privacy-consent.tsx, drawn by every Page) when an answer is needed and resolves with it. In WeChat
 * the privacy agreement is WeChat's own record: WeChat asks for it through `onNeedPrivacyAuthorization`, which
 * opens the same dialog, whose agree button is `open-type="agreePrivacyAuthorization"`. Precise location also
 * needs its own consent, on both builds, before WeChat's or the browser's own prompt.
 */
export interface ConsentRequest {
  kind: ConsentKind
  use: PrivacyUse
  /** WeChat's callback when WeChat asked (the agree button then answers WeChat itself) */
  wechat: ((answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void) | null
}

export const AGREE_BUTTON_ID = 'linli-privacy-agree'

let pending: { request: ConsentRequest; resolve: (agreed: boolean) => void } | null = null
const listeners = new Set<(request: ConsentRequest | null) => void>()

export function onConsentRequest(listener: (request: ConsentRequest | null) => void): () => void {
  listeners.add(listener)
  listener(pending?.request ?? null)
  return () => listeners.delete(listener)
}

function storedState(kind: ConsentKind): ConsentState {
  try {
    const v: unknown = Taro.getStorageSync(consentKey(currentUserId(), kind))
    return isConsentState(v) ? v : 'not_asked'
  } catch {
    return 'not_asked'
  }
}

function store(kind: ConsentKind, state: ConsentState): void {
  try {
    Taro.setStorageSync(consentKey(currentUserId(), kind), state)
  } catch {
    // storage unavailable: the answer holds for this use only
  }
}

export function consentState(kind: ConsentKind): ConsentState {
  return storedState(kind)
}

/** Takes back an agreement (我的 → 隐私); the next use asks again. */
export function withdrawConsent(kind: ConsentKind): void {
  store(kind, nextConsent(storedState(kind), 'withdraw'))
}

function ask(request: ConsentRequest): Promise<boolean> {
  // one question at a time: a second use while the dialog is open waits for the same answer
  if (pending) pending.resolve(false)
  return new Promise((resolve) => {
    pending = { request, resolve }
    for (const l of listeners) l(request)
  })
}

/** The dialog's answer: kept per person, passed to WeChat when WeChat asked, and to whoever awaited it. */
export function answerConsent(agree: boolean): void {
  if (!pending) return
  const { request, resolve } = pending
  pending = null
  store(request.kind, nextConsent(storedState(request.kind), agree ? 'agree' : 'refuse'))
  request.wechat?.(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' })
  for (const l of listeners) l(null)
  resolve(agree)
}

/** Whether the use may go ahead: asks what has not been agreed yet. */
export async function ensureConsent(use: PrivacyUse): Promise<boolean> {
  // answers are kept per person: before a page has loaded who I am, its first tap would find none of them
  if (!currentUserId()) await myUserId()
  for (const kind of consentsFor(use)) {
    // in WeChat the agreement is WeChat's: it asks (onNeedPrivacyAuthorization) when the API is called
    if (kind === 'general' && IS_WEAPP) continue
    if (!mustAsk(storedState(kind))) continue
    if (!(await ask({ kind, use, wechat: null }))) return false
  }
  return true
}

/** Once per launch (app.tsx): WeChat's privacy agreement is asked through our dialog. */
export function installWeChatPrivacy(): void {
  if (!IS_WEAPP) return
  const wx = Taro as unknown as {
    onNeedPrivacyAuthorization?: (cb: (resolve: NonNullable<ConsentRequest['wechat']>) => void) => void
  }
  wx.onNeedPrivacyAuthorization?.((resolve) => {
    void ask({ kind: 'general', use: 'photo', wechat: resolve })
  })
}
