/**
 * Telling people outside the app (WeChat subscribe messages on CloudBase). The in-app inbox is written
 * inside the action's transaction; this port is the extra push after it committed, best effort: a
 * failed push never undoes the work, the inbox still has the message.
 */
export interface PushMessage {
  userId: string
  title: string
  body: string
  /** the case the message opens, if any */
  incidentId: string | null
  at: number
}

export interface NotifierPort {
  push(message: PushMessage & { openid: string | null }): Promise<void>
}

/** Local mode: the inbox is the only channel. */
export const inboxOnlyNotifier: NotifierPort = { push: async () => undefined }
