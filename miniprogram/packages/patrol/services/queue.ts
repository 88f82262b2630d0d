import Taro from '@tarojs/taro'
import { patrolContract } from '@shared/patrol/patrol.contract'
import type { CheckInOutput } from '@shared/patrol/patrol.schema'
import { outbox, queueCall } from '../../../services/outbox'
import type { OutboxItem, OutboxOutcome } from '../../../services/outbox-core'

/**
 * Patrol check-ins through the phone's one outbox (services/outbox.ts): each is stored with its request id and
 * the phone's time before it is sent, survives no signal and a closed app, goes out by itself when the network
 * returns, in the order made (a finish queued after them goes after them), and is stored once by the server
 * however often it is sent. This file only names patrol's items and reads them back for the patrol page.
 */
export interface QueuedCheckin {
  requestId: string
  patrolId: string
  /** the checkpoint's name as the patrol showed it when queued, shown while it waits */
  checkpointName?: string
  code: string
  position: { lat: number; lng: number }
  accuracyM: number
  deviceAt: number
}

export type SyncOutcome =
  { requestId: string; ok: true; data: CheckInOutput } | { requestId: string; ok: false; code: string; message: string }

const KIND = 'patrol.checkIn'

function asCheckin(item: OutboxItem): QueuedCheckin {
  const input = item.input as Omit<QueuedCheckin, 'requestId' | 'checkpointName'>
  return { ...input, requestId: item.id, checkpointName: item.summary || undefined }
}

/** Check-ins waiting on this phone (all patrols). */
export function pending(): QueuedCheckin[] {
  return outbox
    .snapshot()
    .items.filter((i) => i.kind === KIND)
    .map(asCheckin)
}

export function subscribe(listener: () => void): () => void {
  return outbox.subscribe(() => listener())
}

export function syncOutcome(o: OutboxOutcome): SyncOutcome {
  return o.ok
    ? { requestId: o.id, ok: true, data: o.data as CheckInOutput }
    : { requestId: o.id, ok: false, code: o.code ?? '', message: o.message ?? '' }
}

/** Keeps a check-in and tries to send it now: its outcome, or null while it waits for a signal. */
export async function enqueue(
  item: Omit<QueuedCheckin, 'requestId' | 'deviceAt'> & { deviceAt?: number },
): Promise<{ requestId: string; outcome: SyncOutcome | null } | { error: string }> {
  const { checkpointName, ...input } = item
  const r = await queueCall(
    patrolContract,
    'checkIn',
    { ...input, deviceAt: item.deviceAt ?? Date.now() },
    { group: item.patrolId, summary: checkpointName ?? '' },
  )
  if (!r.ok) return { error: r.message }
  return { requestId: r.item.id, outcome: r.outcome ? syncOutcome(r.outcome) : null }
}

/**
 * Check-ins queued by the app before the outbox (`linli.patrol.queue`) move into it once, with their request
 * ids, so a phone updated in the middle of a patrol loses none and sends none twice.
 */
const LEGACY = 'linli.patrol.queue'
export async function adoptLegacyQueue(): Promise<void> {
  let legacy: unknown
  try {
    legacy = Taro.getStorageSync(LEGACY)
  } catch {
    return
  }
  if (!Array.isArray(legacy) || !legacy.length) return
  for (const q of legacy as QueuedCheckin[]) {
    const { requestId, checkpointName, ...input } = q
    await outbox.add({
      id: requestId,
      kind: KIND,
      summary: checkpointName ?? '',
      fn: patrolContract.name,
      action: 'checkIn',
      input,
      group: q.patrolId,
    })
  }
  Taro.removeStorageSync(LEGACY)
}
