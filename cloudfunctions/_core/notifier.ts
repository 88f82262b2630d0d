/**
 * Telling people outside the app (WeChat subscribe messages on CloudBase). The in-app inbox is written
 * inside the action's transaction; this port is the extra push after it committed, best effort: a
 * failed push never undoes the work, the inbox still has the message.
 */
export interface NotifierPort {
  push(message: { userId: string; openid: string | null; title: string; body: string; incidentId: string | null; at: number }): Promise<void>
}

/** Local mode: the inbox is the only channel. */
export const inboxOnlyNotifier: NotifierPort = { push: async () => undefined }
