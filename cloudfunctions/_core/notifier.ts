import type { Lang, MessageRef } from '@shared/i18n/i18n'
/**
 * Telling people outside the app (WeChat subscribe messages on CloudBase). The in-app inbox is written
 * inside the action's transaction; this port is the extra push after it committed, best effort: a
 * failed push never undoes the work, the inbox still has the message.
 */
/** A push before it is sent: its text is a message key rendered in the recipient's language when it goes out. */
export interface PushMessage {
  userId: string
  title: MessageRef | string
  body: MessageRef | string
  /** the case the message opens, if any */
  incidentId: string | null
  at: number
  /** the recipient's WeChat id and language, when the action has them already (a holder's assignment keeps them) */
  to?: PushProfile
}

/** What a push needs of its recipient's profile. */
export interface PushProfile {
  openid: string | null
  lang: Lang | null
}

/** A push as sent: in the recipient's language. */
export interface OutgoingPush {
  userId: string
  openid: string | null
  title: string
  body: string
  incidentId: string | null
  at: number
}

/**
 * What became of one push, as WeChat answered (kept in `push_records`, shown to admins): sent; refused by the
 * person (43101: they did not agree to this template, or used up their consent); failed (any other error code, or
 * no answer); skipped before asking (no template configured, or the person has no WeChat account).
 */
export type PushOutcome =
  | { status: 'sent' }
  | { status: 'refused'; errcode: number }
  | { status: 'failed'; errcode: number | null; error: string }
  | { status: 'skipped'; reason: 'no_template' | 'no_openid' }

export interface NotifierPort {
  /** the outcome, or nothing where there is no channel to record (the local host: the inbox is all) */
  push(message: OutgoingPush): Promise<PushOutcome | null | void>
}

/** Local mode: the inbox is the only channel. */
export const inboxOnlyNotifier: NotifierPort = { push: async () => null }

/** WeChat's code for a subscribe message the person has not (or no longer) agreed to receive. */
export const USER_REFUSED = 43101
