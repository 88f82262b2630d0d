import type { MessageRef } from '@shared/i18n/i18n'
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

export interface NotifierPort {
  push(message: OutgoingPush): Promise<void>
}

/** Local mode: the inbox is the only channel. */
export const inboxOnlyNotifier: NotifierPort = { push: async () => undefined }
