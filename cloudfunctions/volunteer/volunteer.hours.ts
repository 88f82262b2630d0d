/**
 * Volunteer hours: the one way anything (a confirmed task, a completed patrol, a verified need)
 * adds to a person's volunteer record. Call it inside your own action's transaction:
 *
 *   import { recordVolunteerHours } from '../volunteer/volunteer.api'
 *   const { recorded } = await recordVolunteerHours(tx, {
 *     userId, householdId, villageId,        // householdId / villageId may be null
 *     hours: 2.5,                             // or `minutes: 150`; stored as whole minutes
 *     source: 'patrol',                       // 'task' | 'patrol' | 'need'
 *     sourceKey: `patrol:${patrolId}`,        // what the hours are for; unique per source event
 *     note: { key: 'patrol.hours_note', params }, // shown on the printable record, in the reader's language
 *                                             // (a MessageRef; plain text ≤ 200 chars is shown as it is)
 *     now: ctx.now,
 *   })
 *
 * Exactly once: the entry's id is stableId('vh', sourceKey, userId), so recording the same sourceKey for
 * the same person again returns `{ recorded: false }` and changes nothing (no DuplicateKeyError escapes,
 * your transaction goes on). The per-user total (`volunteer_totals`, id stableId('vt', userId)) is read and
 * written by id in the same transaction, so totals always equal the sum of entries.
 * Only `tx.get / insert / set` by id are used: safe inside a CloudBase transaction.
 * Entries are append-only; a correction is a new entry with its own sourceKey.
 */
import { DEFAULT_LANG, render, type MessageRef } from '@shared/i18n/i18n'
import {
  HoursEntrySchema,
  HoursTotalSchema,
  type HoursSource,
  type HoursTotal,
} from '@shared/volunteer/volunteer.schema'
import { hoursToMinutes, MAX_TASK_MINUTES } from '@shared/volunteer/volunteer.rules'
import { C } from '../_core/collections'
import type { TxStore } from '../_core/port'
import { ids } from './volunteer.repo'

export interface RecordHoursInput {
  userId: string
  householdId: string | null
  villageId: string | null
  /** hours (rounded to whole minutes); give either hours or minutes */
  hours?: number
  minutes?: number
  source: HoursSource
  sourceKey: string
  note: string | MessageRef
  now: number
}

/**
 * The reason of points earned by volunteering, for the points domain's `creditSystemAward`, which keeps a reason as
 * text: rendered in the default language (Chinese) until that API keeps a MessageRef (issue #20).
 */
export function pointsReason(ref: MessageRef): string {
  return render(ref, DEFAULT_LANG)
}

export async function recordVolunteerHours(
  tx: TxStore,
  input: RecordHoursInput,
): Promise<{ recorded: boolean; minutes: number }> {
  const minutes = input.minutes ?? hoursToMinutes(input.hours ?? Number.NaN)
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_TASK_MINUTES) {
    throw new Error(`recordVolunteerHours: bad duration ${String(input.hours ?? input.minutes)}`)
  }
  const id = ids.hoursEntry(input.sourceKey, input.userId)
  // Read first: a duplicate insert would abort the caller's whole transaction on some adapters.
  if (await tx.get(C.volunteer_hours, id)) return { recorded: false, minutes: 0 }
  const entry = HoursEntrySchema.parse({
    _id: id,
    userId: input.userId,
    householdId: input.householdId,
    villageId: input.villageId,
    minutes,
    source: input.source,
    sourceKey: input.sourceKey,
    note: typeof input.note === 'string' ? input.note.slice(0, 200) : input.note,
    at: input.now,
  })
  await tx.insert(C.volunteer_hours, entry)
  const totalId = ids.hoursTotal(input.userId)
  const prior = await tx.get(C.volunteer_totals, totalId)
  const total: HoursTotal = prior ?? {
    _id: totalId,
    userId: input.userId,
    minutes: 0,
    entries: 0,
    taskMinutes: 0,
    patrolMinutes: 0,
    needMinutes: 0,
    updatedAt: input.now,
  }
  const next = HoursTotalSchema.parse({
    ...total,
    minutes: total.minutes + minutes,
    entries: total.entries + 1,
    taskMinutes: total.taskMinutes + (input.source === 'task' ? minutes : 0),
    patrolMinutes: total.patrolMinutes + (input.source === 'patrol' ? minutes : 0),
    needMinutes: total.needMinutes + (input.source === 'need' ? minutes : 0),
    updatedAt: input.now,
  })
  await tx.set(C.volunteer_totals, next)
  return { recorded: true, minutes }
}
