import { PATROL_LIMITS, creditVerdict, minPatrolMs } from '@shared/patrol/patrol.rules'
import type { CounterField, Patrol, PatrolCredit, PatrolHours } from '@shared/patrol/patrol.schema'
import { CHECKIN_STATUSES, type CheckinStatus } from '@shared/patrol/patrol.states'
import { C } from '../_core/collections'
import type { TxStore } from '../_core/port'
import { creditSystemAward } from '../points/points.api'
import { recordVolunteerHours } from '../volunteer/volunteer.api'
import { ids } from './patrol.repo'

type Delta = Partial<Record<CounterField, number>>

/**
 * What a finished patrol earns, decided in the transaction that finishes it or that reviews one of its flagged
 * check-ins (patrol.rules.ts creditVerdict). Reads by id only: the patrol's check-ins (`done` lists them) and the
 * checkpoints they count. `decided` is the check-in this transaction has just reviewed, with its new status (so
 * the decision never depends on whether a store shows a transaction its own writes).
 */
export async function decideCredit(
  tx: TxStore,
  p: Patrol,
  by: { userId: string; now: number },
  decided?: { checkinId: string; status: CheckinStatus },
): Promise<PatrolCredit> {
  const counted = new Set<string>()
  let open = 0
  for (const d of p.done) {
    const ci = await tx.get(C.patrol_checkins, d.checkinId)
    if (!ci) continue
    const status = decided?.checkinId === ci._id ? decided.status : ci.status
    if (CHECKIN_STATUSES[status].counts) counted.add(ci.checkpointId)
    else if (status === 'flagged') open += 1
  }
  const walk = []
  for (const id of p.checkpointIds) {
    if (!counted.has(id)) continue
    const cp = await tx.get(C.patrol_checkpoints, id)
    if (cp) walk.push(cp.location)
  }
  const minMs = minPatrolMs(walk)
  const thresholdPct = p.coveragePct ?? PATROL_LIMITS.defaultCoveragePct
  const verdict = creditVerdict({
    total: p.checkpointIds.length,
    counted: counted.size,
    open,
    thresholdPct,
    durationMs: (p.finishedAt ?? by.now) - p.startedAt,
    minMs,
  })
  const final = verdict.status !== 'pending'
  return {
    status: verdict.status,
    reasons: verdict.reasons,
    counted: counted.size,
    total: p.checkpointIds.length,
    thresholdPct,
    minMinutes: Math.ceil(minMs / 60_000),
    decidedAt: final ? by.now : null,
    decidedBy: final ? by.userId : null,
  }
}

/**
 * Writes what the decision grants and returns what it adds to the month's counters. Credited: each participant's
 * volunteer hours (the patrol's minutes) and the village's PATROL_DUTY points for their household. Exactly once:
 * the caller decides only a patrol whose credit is not yet decided (read in its transaction), and every write is
 * keyed by the patrol (patrol_hours `ids.hours`, the volunteer entry and the ledger entry by source key), so a
 * second attempt fails or changes nothing. `prior` is the credit's status before this decision.
 */
export async function applyCredit(
  tx: TxStore,
  p: Patrol,
  credit: PatrolCredit,
  prior: PatrolCredit['status'] | null,
  now: number,
): Promise<Delta> {
  if (credit.status === 'pending') return prior === 'pending' ? {} : { creditPending: 1 }
  const delta: Delta = prior === 'pending' ? { creditPending: -1 } : {}
  if (credit.status === 'none') {
    return {
      ...delta,
      uncredited: 1,
      lowCoverage: credit.reasons.includes('coverage_low') ? 1 : 0,
      tooShort: credit.reasons.includes('too_short') ? 1 : 0,
    }
  }
  const minutes = p.minutes ?? 0
  // what the person reads beside the entry: the patrol's day and shift (data, the same in every language)
  const what = `${p.day} ${p.shiftName}`
  for (const userId of p.participants) {
    const hours: PatrolHours = {
      _id: ids.hours(p._id, userId),
      userId,
      patrolId: p._id,
      villageId: p.villageId,
      teamId: p.teamId,
      day: p.day,
      minutes,
      at: now,
    }
    await tx.insert(C.patrol_hours, hours)
    const user = await tx.get(C.users, userId)
    await recordVolunteerHours(tx, {
      userId,
      householdId: user?.householdId ?? null,
      villageId: p.villageId,
      minutes,
      source: 'patrol',
      sourceKey: `patrol:${p._id}`,
      note: what,
      now,
    })
    if (user?.householdId) {
      await creditSystemAward(tx, {
        villageId: p.villageId,
        householdId: user.householdId,
        userId,
        ruleCode: 'PATROL_DUTY',
        quantity: 1,
        sourceKey: `patrol:${p._id}:${userId}`,
        reason: what,
        now,
      })
    }
  }
  return { ...delta, credited: 1, minutes: minutes * p.participants.length }
}
