import { AccountErrors } from '@shared/account/account.contract'
import { CommonErrors } from '@shared/errors'
import type {
  AccountInbox,
  Household,
  JoinRequest,
  JoinRequestEvent,
  JoinStatus,
  User,
} from '@shared/account/account.schema'
import type { MessageRef } from '@shared/i18n/i18n'
import { C } from '../_core/collections'
import { stableId, timeId } from '../_core/ids'
import type { PushMessage } from '../_core/notifier'
import { DuplicateKeyError, type TxStore } from '../_core/port'

/**
 * The steps of a join request and of the membership it becomes, each one kept as an event that is never edited
 * (who, when, why). A request is opened once, decided once (approved, refused or withdrawn) and, once approved,
 * ended once (revoked or left): each of the three has one event id per request, so two people deciding at once,
 * or a step retried, cannot both land.
 */
type Step = JoinRequestEvent['step']
type Later = Exclude<Step, 'request' | 'roster'>

const SLOT: Record<Step, 'opened' | 'decided' | 'ended'> = {
  request: 'opened',
  roster: 'opened',
  approve: 'decided',
  refuse: 'decided',
  withdraw: 'decided',
  revoke: 'ended',
  leave: 'ended',
}
/** the status a step starts from, and the one it leads to */
const MOVE: Record<Later, { from: JoinStatus; to: JoinStatus }> = {
  approve: { from: 'pending', to: 'approved' },
  refuse: { from: 'pending', to: 'refused' },
  withdraw: { from: 'pending', to: 'withdrawn' },
  revoke: { from: 'approved', to: 'revoked' },
  leave: { from: 'approved', to: 'left' },
}

export function joinEventId(joinRequestId: string, step: Step): string {
  return stableId('jre', joinRequestId, SLOT[step])
}

export interface StepBy {
  by: string | null
  at: number
  reason?: string
  cause?: JoinRequestEvent['cause']
}

async function record(tx: TxStore, r: JoinRequest, step: Step, s: StepBy): Promise<void> {
  const event: JoinRequestEvent = {
    _id: joinEventId(r._id, step),
    joinRequestId: r._id,
    userId: r.userId,
    householdId: r.householdId,
    gridId: r.gridId,
    step,
    by: s.by,
    at: s.at,
    reason: s.reason ?? '',
    cause: s.cause ?? null,
  }
  try {
    await tx.insert(C.join_request_events, event)
  } catch (err) {
    if (err instanceof DuplicateKeyError && err.collection === C.join_request_events)
      throw SLOT[step] === 'ended' ? AccountErrors.NOT_A_MEMBER() : AccountErrors.JOIN_REQUEST_DECIDED()
    throw err
  }
}

/** A new request (or a roster's membership, approved at once), with its first event. */
export async function openRequest(tx: TxStore, r: JoinRequest, s: StepBy): Promise<JoinRequest> {
  try {
    await tx.insert(C.join_requests, r)
  } catch (err) {
    // the same person's n-th request, sent twice at once: the other one is the request
    if (err instanceof DuplicateKeyError && err.collection === C.join_requests) throw CommonErrors.CONFLICT()
    throw err
  }
  await record(tx, r, r.via === 'roster' ? 'roster' : 'request', s)
  return r
}

/**
 * Moves a request on by one step, read again in the transaction: a request no longer where the step starts from
 * was decided (or ended) by someone else first. Membership itself (`users.householdId`) is the caller's to set.
 */
export async function takeStep(tx: TxStore, id: string, step: Later, s: StepBy): Promise<JoinRequest> {
  const r = await tx.get(C.join_requests, id)
  if (!r) throw AccountErrors.JOIN_REQUEST_NOT_FOUND()
  if (r.status !== MOVE[step].from)
    throw MOVE[step].from === 'approved' ? AccountErrors.NOT_A_MEMBER() : AccountErrors.JOIN_REQUEST_DECIDED()
  await record(tx, r, step, s)
  const next = { ...r, status: MOVE[step].to, updatedAt: s.at }
  await tx.update(C.join_requests, id, { status: next.status, updatedAt: s.at })
  return next
}

/** A message kept in the person's account inbox, and the push that goes out after the commit. */
export async function tell(
  tx: TxStore,
  to: { userId: string; joinRequestId: string; at: number },
  title: MessageRef,
  body: MessageRef,
): Promise<PushMessage> {
  const message: AccountInbox = {
    _id: timeId('ai', to.at, to.userId, to.joinRequestId, title.key),
    userId: to.userId,
    joinRequestId: to.joinRequestId,
    title,
    body,
    at: to.at,
  }
  await tx.set(C.account_inbox, message)
  return { userId: to.userId, title, body, incidentId: null, at: to.at }
}

/** The record of a roster's membership (seeds, imports): one per person and household. */
export function rosterJoinId(userId: string, householdId: string): string {
  return stableId('jr', userId, 'roster', householdId)
}

/**
 * The approved request that records the person's membership of the household. A membership from before
 * memberships were recorded (a household claimed with the old `setResidence`) gets its record now, as a roster's,
 * so that its end is kept like any other.
 */
export async function membershipRecord(
  tx: TxStore,
  member: User,
  h: Household,
  found: JoinRequest | null,
  at: number,
): Promise<string> {
  if (found) return found._id
  const id = rosterJoinId(member._id, h._id)
  const existing = await tx.get(C.join_requests, id)
  if (existing) return id
  await openRequest(
    tx,
    {
      _id: id,
      userId: member._id,
      householdId: h._id,
      gridId: h.gridId,
      villageId: h.villageId,
      via: 'roster',
      status: 'approved',
      note: '',
      createdAt: at,
      updatedAt: at,
    },
    { by: null, at },
  )
  return id
}
