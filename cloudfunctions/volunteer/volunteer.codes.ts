import { randomBytes } from 'node:crypto'
import type { GeoPoint } from '@shared/common.schema'
import { VolunteerErrors } from '@shared/volunteer/volunteer.contract'
import { distanceMeters } from '@shared/volunteer/volunteer.rules'
import type { Task } from '@shared/volunteer/volunteer.schema'
import { mac, sameCode } from '../_core/signing'

/**
 * The organiser's check-in code of a task: `LLVT1.<taskId>.<signature>`, the signature being the first 16
 * base64url characters of HMAC-SHA256(the task's own secret, 'checkin:' + taskId). Codes already printed or
 * shown keep verifying: the format is fixed. Each task has its own secret, so a code opens one task only.
 */
const PREFIX = 'LLVT1'

/** A new task's code secret (never leaves the server). */
export function newCodeSecret(): string {
  return randomBytes(16).toString('hex')
}

export function checkinCode(task: Pick<Task, '_id' | 'codeSecret'>): string {
  const signature = mac(task.codeSecret, `checkin:${task._id}`).toString('base64url').slice(0, 16)
  return `${PREFIX}.${task._id}.${signature}`
}

export function verifyCheckinCode(task: Pick<Task, '_id' | 'codeSecret'>, code: string): boolean {
  return sameCode(checkinCode(task), code.trim())
}

/** Proof of presence at a task: the organiser's code, or the phone's position within the task's radius. */
export function presence(task: Task, input: { code?: string; location?: GeoPoint }): 'code' | 'location' {
  if (input.code) {
    if (!verifyCheckinCode(task, input.code)) throw VolunteerErrors.BAD_CODE()
    return 'code'
  }
  if (input.location && distanceMeters(input.location, task.location) <= task.radiusM) return 'location'
  throw VolunteerErrors.TOO_FAR()
}
