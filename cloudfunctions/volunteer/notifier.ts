import type { z } from 'zod'
import { InboxEntrySchema, type InboxEntry } from '@shared/volunteer/volunteer.schema'
import type { TxStore } from '../_core/port'

/**
 * How volunteers hear about their tasks. The in-app inbox (`volunteer_inbox`) is the record and is
 * written inside the action's transaction; reminders are written at sign-up with `showAt` a day before
 * the task. The `pushReminders` timer (reminders.ts) then pushes each due reminder once through the
 * runtime's notifier (WeChat subscribe messages on CloudBase; nothing more locally).
 */

export async function writeInbox(tx: TxStore, entry: z.input<typeof InboxEntrySchema>): Promise<void> {
  await tx.set('volunteer_inbox', InboxEntrySchema.parse(entry))
}

export async function voidInbox(tx: TxStore, id: string, now: number): Promise<void> {
  const prior = await tx.get<InboxEntry>('volunteer_inbox', id)
  if (prior && prior.voidedAt === null) await tx.update('volunteer_inbox', id, { voidedAt: now })
}
