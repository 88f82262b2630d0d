import fc from 'fast-check'
import {
  CONSENT_STATES,
  consentKey,
  consentsFor,
  isConsentState,
  mustAsk,
  nextConsent,
  type ConsentEvent,
} from './consent'

const EVENTS: ConsentEvent[] = ['agree', 'refuse', 'withdraw']

describe('privacy consent states', () => {
  it('every state × event, exhaustively', () => {
    const table = Object.fromEntries(
      CONSENT_STATES.map((s) => [s, Object.fromEntries(EVENTS.map((e) => [e, nextConsent(s, e)]))]),
    )
    expect(table).toEqual({
      not_asked: { agree: 'agreed', refuse: 'refused', withdraw: 'not_asked' },
      agreed: { agree: 'agreed', refuse: 'refused', withdraw: 'withdrawn' },
      refused: { agree: 'agreed', refuse: 'refused', withdraw: 'refused' },
      withdrawn: { agree: 'agreed', refuse: 'refused', withdraw: 'withdrawn' },
    })
  })

  it('only an agreement lets the use go ahead without asking', () => {
    expect(CONSENT_STATES.filter((s) => !mustAsk(s))).toEqual(['agreed'])
  })

  it('whatever happened before, the last answer decides; a withdrawal always ends in asking again', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 20 }), (events) => {
        const end = events.reduce(nextConsent, 'not_asked' as const)
        const answers = events.filter((e) => e !== 'withdraw')
        if (!answers.length) expect(end).toBe('not_asked')
        if (events.at(-1) === 'agree') expect(mustAsk(end)).toBe(false)
        if (events.at(-1) === 'refuse' || events.at(-1) === 'withdraw') expect(mustAsk(end)).toBe(true)
      }),
    )
  })

  it('precise location needs its own consent on top of the agreement; photos, phone and clipboard the agreement', () => {
    expect(consentsFor('location')).toEqual(['general', 'location'])
    for (const use of ['photo', 'phone', 'clipboard'] as const) expect(consentsFor(use)).toEqual(['general'])
  })

  it('is kept per person and read back only as a known state', () => {
    expect(consentKey('u-zhuoma', 'location')).not.toBe(consentKey('u-wangdeming', 'location'))
    expect(consentKey('u-zhuoma', 'location')).not.toBe(consentKey('u-zhuoma', 'general'))
    expect(isConsentState('agreed')).toBe(true)
    expect(isConsentState('yes')).toBe(false)
    expect(isConsentState(null)).toBe(false)
  })
})
