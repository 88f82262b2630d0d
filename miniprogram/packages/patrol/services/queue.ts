import Taro from '@tarojs/taro'
import type { InputOf } from '@shared/contract'
import { patrolContract } from '@shared/patrol/patrol.contract'
import type { CheckInOutput, MyShift, PatrolView } from '@shared/patrol/patrol.schema'
import { newRequestId } from '../../../services/call-function'
import { outbox, queueCall } from '../../../services/outbox'
import type { OutboxItem, OutboxOutcome } from '../../../services/outbox-core'
import { patrolTarget, waitingStart, waitingView } from './target'

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

const viewKey = (id: string) => `linli.patrol.view.${id}`

/** The last view of a patrol kept on the phone (or, for a start still waiting, what the kept shift says). */
export function keptView(id: string): PatrolView | null {
  try {
    const v: unknown = Taro.getStorageSync(viewKey(id))
    return v && typeof v === 'object' ? (v as PatrolView) : null
  } catch {
    return null
  }
}

export function keepView(id: string, view: PatrolView): void {
  try {
    Taro.setStorageSync(viewKey(id), view)
  } catch {
    // storage full: the page shows it online only
  }
}

export type Started = { ref: string; outcome: OutboxOutcome | null } | { error: string; code?: string }

/**
 * Starts the patrol of this shift's window at the phone's time, through the outbox: with no signal the start is
 * kept (with what the page needs to show it, from the kept shift) and sent by itself later, and the check-ins made
 * meanwhile wait behind it. A start of the same window already waiting is opened, never queued twice. A start
 * the server refuses at once is taken off the phone and its reason returned.
 */
export async function queueStart(s: MyShift, statusLabel: string): Promise<Started> {
  const waiting = waitingStart(s, outbox)
  if (waiting) return { ref: waiting.id, outcome: null }
  const ref = newRequestId()
  const deviceAt = Date.now()
  keepView(ref, waitingView(ref, s, deviceAt, statusLabel))
  const r = await queueCall(
    patrolContract,
    'startPatrol',
    { shiftId: s.shift.id, deviceAt },
    { requestId: ref, group: ref, summary: s.shift.name },
  )
  if (!r.ok) return { error: r.message, code: r.code }
  if (r.outcome && !r.outcome.ok) {
    await outbox.remove(ref)
    Taro.removeStorageSync(viewKey(ref))
    return { error: r.outcome.message ?? '', code: r.outcome.code }
  }
  return { ref, outcome: r.outcome }
}

/**
 * Keeps a write of the patrol `ref` (its id, or the ref of a start still waiting) and tries to send it: behind the
 * start while that waits, with the patrol's id from the start's answer.
 */
export function queuePatrolWrite<K extends 'finishPatrol' | 'reportHazard'>(
  action: K,
  ref: string,
  input: InputOf<typeof patrolContract, K>,
  summary = '',
) {
  const { patrolId, after, bind } = patrolTarget(ref, outbox)
  const sent: InputOf<typeof patrolContract, K> = { ...input, patrolId }
  return queueCall(patrolContract, action, sent, { group: ref, after, bind, summary })
}

/** Keeps a check-in and tries to send it now: its outcome, or null while it waits for a signal. */
export async function enqueue(
  item: Omit<QueuedCheckin, 'requestId' | 'deviceAt'> & { deviceAt?: number },
): Promise<{ requestId: string; outcome: SyncOutcome | null } | { error: string }> {
  const { checkpointName, ...input } = item
  // `patrolId` is the page's ref: the patrol, or its start still waiting in the outbox
  const { patrolId, after, bind } = patrolTarget(item.patrolId, outbox)
  const r = await queueCall(
    patrolContract,
    'checkIn',
    { ...input, patrolId, deviceAt: item.deviceAt ?? Date.now() },
    { group: item.patrolId, summary: checkpointName ?? '', after, bind },
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
