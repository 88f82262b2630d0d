import { InboxEntrySchema, type InboxEntry } from '../../shared/volunteer/volunteer.schema'
import type { TxStore } from '../_core/port'

/**
 * How volunteers hear about their tasks. The in-app inbox (`volunteer_inbox`) is the record and is
 * written inside the action's transaction; reminders are written at sign-up with `showAt` a day before
 * the task, so no scheduler is needed to show them. On CloudBase a subscribe-message sender can be added
 * behind `Notifier.push` (called after commit, best effort); the local adapter is the inbox alone.
 */
export interface Notifier {
  push(entries: InboxEntry[]): Promise<void>
}

export const inboxOnlyNotifier: Notifier = { push: async () => undefined }

export async function writeInbox(tx: TxStore, entry: InboxEntry): Promise<void> {
  await tx.set('volunteer_inbox', InboxEntrySchema.parse(entry))
}

export async function voidInbox(tx: TxStore, id: string, now: number): Promise<void> {
  const prior = await tx.get<InboxEntry>('volunteer_inbox', id)
  if (prior && prior.voidedAt === null) await tx.update('volunteer_inbox', id, { voidedAt: now })
}
