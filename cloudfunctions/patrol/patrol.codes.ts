import { randomBytes } from 'node:crypto'
import { CHECKPOINT_KEY_LENGTH, SIGNATURE_LENGTH, formatCode } from '@shared/patrol/patrol.rules'
import { base62, sign, verify } from '../_core/signing'

/**
 * Checkpoint codes (`p1-<checkpoint key>-<signature>`, the shape in patrol.rules.ts) on the one signing scheme.
 * The purpose and parts are fixed for good: posters already printed and posted must keep verifying.
 */
const PURPOSE = 'patrol-checkpoint'

/** A new checkpoint id: `cp-` + 10 random base62 symbols (about 59 bits). */
export function newCheckpointId(): string {
  return `cp-${base62(randomBytes(16), CHECKPOINT_KEY_LENGTH)}`
}

/**
 * 12 base62 symbols (about 71 bits) signed over the checkpoint and its village: a code cannot be made up, and a
 * code copied from another village's poster names that village's checkpoint.
 */
export function signatureFor(key: string, checkpointId: string, villageId: string): string {
  return sign(key, PURPOSE, [checkpointId, villageId], SIGNATURE_LENGTH)
}

export function codeFor(key: string, checkpointId: string, villageId: string): string {
  return formatCode(checkpointId, signatureFor(key, checkpointId, villageId))
}

/** Whether `signature` is the one for this checkpoint and village (constant-time compare). */
export function verifySignature(key: string, checkpointId: string, villageId: string, signature: string): boolean {
  return signature.length === SIGNATURE_LENGTH && verify(key, PURPOSE, [checkpointId, villageId], signature)
}
