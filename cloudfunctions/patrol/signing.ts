import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { BASE62, CHECKPOINT_KEY_LENGTH, SIGNATURE_LENGTH, formatCode, parseCode } from '@shared/patrol/patrol.rules'

/** Base62 of the first bytes of a digest (big-endian), `length` symbols. */
function base62(bytes: Buffer, length: number): string {
  let n = BigInt(`0x${bytes.toString('hex')}`)
  let out = ''
  for (let i = 0; i < length; i++) {
    out += BASE62[Number(n % 62n)]
    n /= 62n
  }
  return out
}

/** A new checkpoint id: `cp-` + 10 random base62 symbols (about 59 bits). */
export function newCheckpointId(): string {
  return `cp-${base62(randomBytes(16), CHECKPOINT_KEY_LENGTH)}`
}

/**
 * 12 base62 symbols (about 71 bits) of HMAC-SHA256 over the checkpoint and its village: a code cannot be
 * made up, and a code copied from another village's poster names that village's checkpoint.
 */
export function signatureFor(key: string, checkpointId: string, villageId: string): string {
  const mac = createHmac('sha256', key).update(`patrol-checkpoint\u0000${checkpointId}\u0000${villageId}`).digest()
  return base62(mac.subarray(0, 16), SIGNATURE_LENGTH)
}

export function codeFor(key: string, checkpointId: string, villageId: string): string {
  return formatCode(checkpointId, signatureFor(key, checkpointId, villageId))
}

/** Whether `signature` is the one for this checkpoint and village (constant-time compare). */
export function verifySignature(key: string, checkpointId: string, villageId: string, signature: string): boolean {
  const expected = Buffer.from(signatureFor(key, checkpointId, villageId))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export { parseCode }
