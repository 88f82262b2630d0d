/**
 * Consent before personal information is used (PIPL; WeChat's privacy rules, docs/PRIVACY.md). Two consents, kept
 * per person on the device: the privacy agreement (`general`: the guide, before the first photo, phone number or
 * clipboard use; in WeChat it is WeChat's own record, answered through our dialog) and, separately, precise
 * location (`location`: sensitive personal information under PIPL art. 28, which art. 29 says needs its own
 * consent). Pure: the client stores the state and draws the dialog.
 */
export const CONSENT_STATES = ['not_asked', 'agreed', 'refused', 'withdrawn'] as const
export type ConsentState = (typeof CONSENT_STATES)[number]
export type ConsentKind = 'general' | 'location'
export type ConsentEvent = 'agree' | 'refuse' | 'withdraw'

/** What the privacy API in question needs: location needs both consents, the others the agreement only. */
export type PrivacyUse = 'location' | 'photo' | 'phone' | 'clipboard'
export function consentsFor(use: PrivacyUse): readonly ConsentKind[] {
  return use === 'location' ? ['general', 'location'] : ['general']
}

/**
 * The next state. Agreeing or refusing answers a question (from any state: a refusal is asked again only when the
 * person taps the action again); withdrawing takes back an agreement and leaves anything else as it is.
 */
export function nextConsent(state: ConsentState, event: ConsentEvent): ConsentState {
  if (event === 'agree') return 'agreed'
  if (event === 'refuse') return 'refused'
  return state === 'agreed' ? 'withdrawn' : state
}

/** Whether to ask before the use: always unless agreed (a refused or withdrawn consent is asked again on a tap). */
export function mustAsk(state: ConsentState): boolean {
  return state !== 'agreed'
}

export function isConsentState(v: unknown): v is ConsentState {
  return typeof v === 'string' && (CONSENT_STATES as readonly string[]).includes(v)
}

/** The storage key of a person's consent on this device: per person, so a shared phone asks each of them. */
export function consentKey(userId: string | null, kind: ConsentKind): string {
  return `linli.consent.${kind}.${userId ?? 'anyone'}`
}
