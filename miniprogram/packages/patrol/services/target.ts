import type { MyShift, PatrolView } from '@shared/patrol/patrol.schema'
import type { OutboxItem } from '../../../services/outbox-core'

/**
 * A patrol started with no signal has no id yet: the server gives it when the start arrives. Until then the phone
 * names it by the start's request id (its `ref`), and every write of that patrol waits in the outbox behind the
 * start (`after`) and takes the id from its answer (`bind`). Pure, over what the outbox holds, so the order is
 * tested without a phone (tests/outbox.test.ts).
 */
export const START_KIND = 'patrol.startPatrol'

export interface OutboxView {
  snapshot(): { items: readonly OutboxItem[] }
  resultOf(id: string): unknown
}

export interface PatrolTarget {
  /** the input's patrolId: the patrol's id, or the start's ref while the start waits (replaced when sent) */
  patrolId: string
  after?: string
  bind?: Record<string, string>
}

/** The id the server gave the patrol started by `ref`, or null while its start waits; a real id is itself. */
export function patrolIdOf(ref: string, box: OutboxView): string | null {
  const answer = box.resultOf(ref) as { id?: unknown } | undefined
  if (answer && typeof answer.id === 'string') return answer.id
  return box.snapshot().items.some((i) => i.id === ref && i.kind === START_KIND) ? null : ref
}

/** Where a write of the patrol `ref` goes: to the patrol, or behind its start waiting in the outbox. */
export function patrolTarget(ref: string, box: OutboxView): PatrolTarget {
  const id = patrolIdOf(ref, box)
  return id ? { patrolId: id } : { patrolId: ref, after: ref, bind: { patrolId: 'id' } }
}

/** A start of this shift's window still waiting on the phone (so a second tap opens it instead of starting again). */
export function waitingStart(shift: Pick<MyShift, 'shift' | 'window'>, box: OutboxView): OutboxItem | null {
  return (
    box
      .snapshot()
      .items.find(
        (i) =>
          i.kind === START_KIND &&
          i.input.shiftId === shift.shift.id &&
          typeof i.input.deviceAt === 'number' &&
          i.input.deviceAt >= shift.window.start &&
          i.input.deviceAt < shift.window.end,
      ) ?? null
  )
}

/**
 * What the patrol page shows of a patrol whose start waits for a signal: the kept shift (its route's checkpoints,
 * the village's rule) and the time it was started, nothing checked in yet.
 */
export function waitingView(ref: string, s: MyShift, startedAt: number, statusLabel: string): PatrolView {
  return {
    id: ref,
    villageId: s.village.id,
    teamName: s.shift.teamName,
    routeName: s.shift.routeName,
    shiftName: s.shift.name,
    day: s.window.day,
    windowStart: s.window.start,
    windowEnd: s.window.end,
    status: 'active',
    statusLabel,
    startedAt,
    startReceivedAt: startedAt,
    finishedAt: null,
    minutes: null,
    progress: { done: 0, total: s.checkpoints.length, remaining: s.checkpoints },
    coveragePct: s.coveragePct,
    credit: null,
    checkins: [],
    hazards: [],
    participants: [],
    grids: [],
  }
}
