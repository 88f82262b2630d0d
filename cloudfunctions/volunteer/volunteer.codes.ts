import { randomBytes } from 'node:crypto'
import type { GeoPoint } from '@shared/common.schema'
import { formatDateTime } from '@shared/i18n/format'
import type { Lang } from '@shared/i18n/i18n'
import { VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import {
  checkInWindow,
  checkOutWindow,
  CODE_STEP_MS,
  distanceMeters,
  inWindow,
} from '@shared/volunteer/volunteer.rules'
import type { Task } from '@shared/volunteer/volunteer.schema'
import { timeCode, verifyTimeCode } from '../_core/signing'

/**
 * The organiser's check-in code of a task changes every minute (issue #16: a photo of a code that never changed,
 * shared in a group chat, checked people in from home). It is a time-based code in the spirit of RFC 6238 on the
 * one signing scheme: 8 base62 symbols (about 47 bits) of an HMAC of the task and the minute, under the task's own
 * secret, so a code opens one task in one minute only; the code of the minute before still counts, for one read
 * just before it turned. The organiser's page shows it as text (to type) and as a QR code of
 * `LLVT2.<taskId>.<code>` (to scan). Codes of the old fixed format (`LLVT1.…`) no longer open anything.
 */
const PURPOSE = 'volunteer-checkin'
const LENGTH = 8
const PREFIX = 'LLVT2'

/** A new task's code secret (never leaves the server). */
export function newCodeSecret(): string {
  return randomBytes(16).toString('hex')
}

export interface TaskCode {
  code: string
  payload: string
  /** how long this code is the current one */
  secondsLeft: number
}

export function checkinCode(task: Pick<Task, '_id' | 'codeSecret'>, now: number): TaskCode {
  const code = timeCode(task.codeSecret, PURPOSE, [task._id], now, CODE_STEP_MS, LENGTH)
  const turnsAt = (Math.floor(now / CODE_STEP_MS) + 1) * CODE_STEP_MS
  return { code, payload: `${PREFIX}.${task._id}.${code}`, secondsLeft: Math.ceil((turnsAt - now) / 1000) }
}

/** The code part of what was typed or scanned, or null when it names another task or is no code at all. */
function codePart(taskId: string, input: string): string | null {
  const text = input.replace(/\s+/g, '')
  const scanned = /^LLVT2\.(.+)\.([0-9A-Za-z]+)$/.exec(text)
  if (scanned) return scanned[1] === taskId ? scanned[2]! : null
  return /^[0-9A-Za-z]+$/.test(text) ? text : null
}

/** Whether the code is this minute's or the last minute's for the task. */
export function verifyCheckinCode(task: Pick<Task, '_id' | 'codeSecret'>, input: string, now: number): boolean {
  const code = codePart(task._id, input)
  return (
    code !== null &&
    code.length === LENGTH &&
    verifyTimeCode(task.codeSecret, PURPOSE, [task._id], code, now, CODE_STEP_MS, 1)
  )
}

/**
 * Proof of presence at a task for a check-in or a check-out: only inside its window around the task's time (the
 * refusal says when it is open, in the caller's language), then by the organiser's current code or by the phone's
 * position within the task's radius.
 */
export function presence(
  task: Task,
  input: { code?: string; location?: GeoPoint },
  at: { kind: 'checkIn' | 'checkOut'; now: number; lang: Lang },
): 'code' | 'location' {
  const window = (at.kind === 'checkIn' ? checkInWindow : checkOutWindow)(task.startAt, task.endAt)
  if (!inWindow(at.now, window)) {
    const open = { from: formatDateTime(window.from, at.lang), to: formatDateTime(window.to, at.lang) }
    throw at.kind === 'checkIn' ? VolunteerErrors.CHECKIN_NOT_OPEN(open) : VolunteerErrors.CHECKOUT_NOT_OPEN(open)
  }
  if (input.code) {
    if (!verifyCheckinCode(task, input.code, at.now)) throw VolunteerErrors.BAD_CODE()
    return 'code'
  }
  if (input.location && distanceMeters(input.location, task.location) <= task.radiusM) return 'location'
  throw VolunteerErrors.TOO_FAR()
}
