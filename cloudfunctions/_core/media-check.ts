import type { Clock } from './clock'
import { C, type MediaCheck } from './collections'
import { stableId } from './ids'
import { DuplicateKeyError, getMany, type DataPort } from './port'

/**
 * Photos others see pass a media check first, and stay hidden until they have passed (issue #16 item 11). The
 * check runs when an action adopts a photo; its state is kept per file (`media_checks`) and the file port gives
 * a display URL only for a photo that has passed, or to its uploader while it is pending ("审核中"), never for
 * a blocked one. On CloudBase the check is WeChat's imgSecCheck, answered at once for images up to 1 MB; when
 * it cannot answer, mediaCheckAsync is asked and its result arrives later as a message push event
 * (`{ MsgType: 'event', Event: 'wxa_media_check', trace_id, result: { suggest } }`) to the function configured
 * for message push, which `cloudbaseMain` hands to `settle`. Locally a stand-in with the same states.
 * A photo with no record was adopted before the checks existed, or is a generated file: it shows as before.
 */
export type MediaState = MediaCheck['state']

/** What a platform check says of one photo: at once, or later (pending, with the id the result will name). */
export type MediaVerdict =
  { state: 'passed' } | { state: 'blocked'; label: string } | { state: 'pending'; traceId: string | null }

export interface MediaSubject {
  fileId: string
  ownerId: string
  type: string
  bytes: Uint8Array
}

/** The platform half: checks one photo's (already cleaned) bytes. */
export type MediaChecker = (photo: MediaSubject) => Promise<MediaVerdict>

export interface MediaCheckPort {
  /**
   * Checks a photo being adopted, once per file (a retried adoption keeps the first answer); returns its state.
   * With `keep`, a new check that passed or is pending is handed to it to be written in the caller's transaction
   * (issue #21: no transaction of its own; the wrapper writes it on its own if that transaction is refused); a
   * blocked one is always written at once. With `keep` no earlier check is read first: the caller's insert of the
   * new one fails if there was one (DuplicateKeyError), and the caller then adopts again without `keep`.
   */
  check(photo: MediaSubject, keep?: KeepCheck): Promise<MediaState>
  /** The checks of these files, by file id (absent: not checked, shown as before). */
  states(fileIds: readonly string[]): Promise<Map<string, Pick<MediaCheck, 'state' | 'ownerId'>>>
  /** The result of an asynchronous check, by its trace id; false when no pending check has that id. */
  settle(traceId: string, state: 'passed' | 'blocked', label?: string): Promise<boolean>
}

/** Takes a new check to write later, in the transaction of the action that adopted its photo. */
export type KeepCheck = (doc: MediaCheck) => void

export function mediaCheckId(fileId: string): string {
  return stableId('mc', fileId)
}

/** The port over `media_checks` and one platform checker. */
export function mediaCheckPort(db: DataPort, clock: Clock, checker: MediaChecker): MediaCheckPort {
  return {
    async check(photo, keep) {
      const _id = mediaCheckId(photo.fileId)
      // With `keep` the check is not looked for first (issue #21: one request less per photo): a photo adopted by a
      // write is new but for a retry or a second use, and then its check, already there, fails the caller's insert,
      // and the caller adopts it again without `keep`, which reads it.
      const prior = keep ? null : await db.get(C.media_checks, _id)
      if (prior) return prior.state
      const verdict = await checker(photo)
      const doc: MediaCheck = {
        _id,
        fileId: photo.fileId,
        ownerId: photo.ownerId,
        state: verdict.state,
        traceId: verdict.state === 'pending' ? verdict.traceId : null,
        label: verdict.state === 'blocked' ? verdict.label : null,
        checkedAt: clock.now(),
        settledAt: verdict.state === 'pending' ? null : clock.now(),
      }
      if (keep && doc.state !== 'blocked') {
        keep(doc)
        return doc.state
      }
      try {
        await db.insert(C.media_checks, doc)
        return doc.state
      } catch (err) {
        // the same photo checked at once by a retried request: the first check stands
        if (!(err instanceof DuplicateKeyError)) throw err
        return (await db.get(C.media_checks, _id))?.state ?? doc.state
      }
    },
    async states(fileIds) {
      const byId = new Map(fileIds.map((f) => [mediaCheckId(f), f]))
      const found = await getMany(db, C.media_checks, byId.keys())
      const out = new Map<string, Pick<MediaCheck, 'state' | 'ownerId'>>()
      for (const d of found.values()) out.set(d.fileId, { state: d.state, ownerId: d.ownerId })
      return out
    },
    async settle(traceId, state, label) {
      const [doc] = await db.find(C.media_checks, { where: { traceId }, limit: 1 })
      if (!doc || doc.state !== 'pending') return false
      await db.transaction(async (tx) => {
        const now = await tx.get(C.media_checks, doc._id)
        if (now?.state === 'pending')
          await tx.update(C.media_checks, doc._id, { state, label: label ?? null, settledAt: clock.now() })
      })
      return true
    },
  }
}

/**
 * Whether a viewer may see a photo: it has passed (or predates the checks), or it is the viewer's own and still
 * pending. A blocked photo is seen by nobody.
 */
export function mayShow(check: Pick<MediaCheck, 'state' | 'ownerId'> | undefined, viewerId?: string | null): boolean {
  if (!check || check.state === 'passed') return true
  return check.state === 'pending' && !!viewerId && check.ownerId === viewerId
}

/** Markers of the local stand-in, in a photo's pixels: blocked, or left pending until settled. */
export const LOCAL_MEDIA_BLOCKED = 'LINLI-MEDIA-BLOCKED'
export const LOCAL_MEDIA_PENDING = 'LINLI-MEDIA-PENDING'

/** The local stand-in: a photo whose bytes hold one marker is blocked, another stays pending; any other passes. */
export const localMediaChecker: MediaChecker = async ({ fileId, bytes }) => {
  const b = Buffer.from(bytes)
  if (b.includes(LOCAL_MEDIA_BLOCKED)) return { state: 'blocked', label: 'local-stand-in' }
  if (b.includes(LOCAL_MEDIA_PENDING)) return { state: 'pending', traceId: `local-${fileId}` }
  return { state: 'passed' }
}

/** For a runtime that checks nothing (no storage either): every photo passes, nothing is kept. */
export const noMediaCheck: MediaCheckPort = {
  check: async () => 'passed',
  states: async () => new Map(),
  settle: async () => false,
}
