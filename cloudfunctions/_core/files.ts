import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FileErrors, MAX_PHOTO_BYTES, type PhotoType } from '@shared/files'
import { systemClock, type Clock } from './clock'
import { sniffImage, stripMetadata } from './image'
import type { MediaCheck } from './collections'
import { mayShow, noMediaCheck, type KeepCheck, type MediaCheckPort } from './media-check'
import { sign, verify } from './signing'

/**
 * The file port: photos reach storage first (the local host's upload route, or WeChat's
 * Taro.cloud.uploadFile straight to CloudBase storage) and an action then *adopts* them: the port checks
 * the owner, the type by content and the size, strips metadata, passes the photo through the media check
 * (media-check.ts), and returns the id to store on the record. Display URLs are made only by views, after
 * their access check (`present`), and only for photos the viewer may see: passed, or their own while pending.
 */
export interface FilePort {
  /**
   * Checks an uploaded photo of `ownerId` and returns the id to keep (may differ on CloudBase), and whether its
   * media check has passed (for good: a passed check never changes, so a record may keep that it passed).
   */
  adoptPhoto(fileId: string, ownerId: string, keep?: KeepCheck): Promise<AdoptedPhoto>
  /**
   * Display URLs by file id, short-lived (temporary on CloudBase, signed and expiring on the local host), for the
   * photos `viewerId` may see; a photo left out is hidden (in review, blocked, or gone). `passed` names photos the
   * record says passed their check when adopted: their checks are not read again (issue #21: one request less for
   * a case whose photos all passed).
   */
  urls(
    fileIds: readonly string[],
    viewerId?: string | null,
    passed?: ReadonlySet<string>,
  ): Promise<Record<string, string>>
  /** Stores a generated file (ledger export) and returns its id and a download URL. */
  putGenerated(name: string, bytes: Uint8Array, contentType: string): Promise<{ fileId: string; url: string }>
}

export interface AdoptedPhoto {
  fileId: string
  passed: boolean
}

/** Checks a photo's bytes and returns them without metadata, or throws the Chinese error for the resident. */
export function cleanPhoto(bytes: Uint8Array): { bytes: Uint8Array; type: PhotoType } {
  if (bytes.length === 0) throw FileErrors.EMPTY()
  if (bytes.length > MAX_PHOTO_BYTES) throw FileErrors.TOO_LARGE()
  const type = sniffImage(bytes)
  if (!type) throw FileErrors.NOT_IMAGE()
  const clean = stripMetadata(bytes, type)
  if (!clean) throw FileErrors.NOT_IMAGE.because('error.FILE.BROKEN')
  return { bytes: clean, type }
}

interface LocalMeta {
  ownerId: string | null
  contentType: string
  size: number
  name: string | null
}

const LOCAL_ID = /^f_[0-9a-f]{32}$/
const HOUR = 3_600_000

/** How far a signed URL reaches: everyone who was shown it, or only the uploader (their photo while in review). */
type Reach = 'all' | 'own'

export type OpenResult =
  | { ok: true; bytes: Buffer; meta: LocalMeta }
  | { ok: false; reason: 'missing' | 'bad_link' | 'expired' | 'in_review' | 'blocked' }

export interface LocalFileOptions {
  /** the key of the URL signatures (default: a random one, so URLs die with the process) */
  key?: string | Buffer
  clock?: Clock
  media?: MediaCheckPort
  urlPrefix?: string
}

/**
 * Files on the local host's disk: `<dir>/<id>` and `<dir>/<id>.json`, served at `/api/files/<id>?exp=…&sig=…`.
 * A URL is an HMAC over the file, its expiry and its reach, made by `urls()` (which only views call, after their
 * access check) or by the upload reply (for the uploader); the route serves nothing without a valid one, so a
 * file id alone (in a record, a log, a screenshot) opens nothing, and a URL stops working within two hours.
 */
export class LocalFilePort implements FilePort {
  private readonly key: string | Buffer
  private readonly clock: Clock
  private readonly media: MediaCheckPort
  private readonly urlPrefix: string

  constructor(
    readonly dir: string,
    opts: LocalFileOptions = {},
  ) {
    mkdirSync(dir, { recursive: true })
    this.key = opts.key ?? randomBytes(32)
    this.clock = opts.clock ?? systemClock
    this.media = opts.media ?? noMediaCheck
    this.urlPrefix = opts.urlPrefix ?? '/api/files/'
  }

  /** The upload route's half: check, strip and store a photo; the reply's URL is for the uploader. */
  savePhoto(raw: Uint8Array, ownerId: string): { fileId: string; url: string } {
    const { bytes, type } = cleanPhoto(raw)
    const fileId = this.write(bytes, { ownerId, contentType: type, size: bytes.length, name: null })
    return { fileId, url: this.url(fileId, 'own') }
  }

  private write(bytes: Uint8Array, meta: LocalMeta): string {
    const fileId = `f_${randomBytes(16).toString('hex')}`
    writeFileSync(join(this.dir, fileId), bytes)
    writeFileSync(join(this.dir, `${fileId}.json`), JSON.stringify(meta))
    return fileId
  }

  /**
   * A signed URL. Its expiry is rounded up to the hour after next, so the same photo has the same URL for an
   * hour (browsers cache it) and every URL works for one to two hours.
   */
  private url(fileId: string, reach: Reach): string {
    const exp = (Math.floor(this.clock.now() / HOUR) + 2) * HOUR
    return `${this.urlPrefix}${fileId}?exp=${exp}&sig=${sign(this.key, 'file-url', [fileId, String(exp), reach], 22)}`
  }

  private reachOf(fileId: string, exp: string, sig: string): Reach | null {
    for (const reach of ['all', 'own'] as const)
      if (verify(this.key, 'file-url', [fileId, exp, reach], sig)) return reach
    return null
  }

  /** A file for the files route: only with a valid, unexpired signature, and only while its media check allows. */
  async open(fileId: string, exp: string | null, sig: string | null): Promise<OpenResult> {
    if (!exp || !sig || !/^\d{1,16}$/.test(exp) || sig.length !== 22) return { ok: false, reason: 'bad_link' }
    const reach = this.reachOf(fileId, exp, sig)
    if (!reach) return { ok: false, reason: 'bad_link' }
    if (Number(exp) <= this.clock.now()) return { ok: false, reason: 'expired' }
    const found = this.read(fileId)
    if (!found) return { ok: false, reason: 'missing' }
    const check = (await this.media.states([fileId])).get(fileId)
    if (check?.state === 'blocked') return { ok: false, reason: 'blocked' }
    if (check?.state === 'pending' && reach !== 'own') return { ok: false, reason: 'in_review' }
    return { ok: true, ...found }
  }

  read(fileId: string): { bytes: Buffer; meta: LocalMeta } | null {
    const meta = this.meta(fileId)
    const file = join(this.dir, fileId)
    if (!meta || !existsSync(file)) return null
    return { bytes: readFileSync(file), meta }
  }

  /** A stored file's record, without reading the file (adopting a photo needs only its owner). */
  private meta(fileId: string): LocalMeta | null {
    if (!LOCAL_ID.test(fileId)) return null
    try {
      return JSON.parse(readFileSync(join(this.dir, `${fileId}.json`), 'utf8')) as LocalMeta
    } catch {
      return null
    }
  }

  async adoptPhoto(fileId: string, ownerId: string, keep?: KeepCheck): Promise<AdoptedPhoto> {
    const meta = this.meta(fileId)
    if (!meta || meta.name !== null) throw FileErrors.NOT_FOUND()
    if (meta.ownerId !== ownerId) throw FileErrors.NOT_YOURS()
    const found = this.read(fileId)
    if (!found) throw FileErrors.NOT_FOUND()
    const state = await this.media.check({ fileId, ownerId, type: meta.contentType, bytes: found.bytes }, keep)
    if (state === 'blocked') throw FileErrors.BLOCKED()
    return { fileId, passed: state === 'passed' }
  }

  async urls(
    fileIds: readonly string[],
    viewerId?: string | null,
    passed?: ReadonlySet<string>,
  ): Promise<Record<string, string>> {
    const unique = [...new Set(fileIds)]
    const checks = await statesOf(this.media, unique, passed)
    const out: Record<string, string> = {}
    for (const id of unique) {
      const check = checks.get(id)
      if (mayShow(check, viewerId)) out[id] = this.url(id, check?.state === 'pending' ? 'own' : 'all')
    }
    return out
  }

  async putGenerated(name: string, bytes: Uint8Array, contentType: string) {
    const fileId = this.write(bytes, { ownerId: null, contentType, size: bytes.length, name })
    return { fileId, url: this.url(fileId, 'all') }
  }
}

/**
 * The media checks of `fileIds`, read only for those not in `passed` (a passed check stays passed: the record's
 * word for it is exact), with the passed ones filled in; no request when every photo is known to have passed.
 */
export async function statesOf(
  media: MediaCheckPort,
  fileIds: readonly string[],
  passed?: ReadonlySet<string>,
): Promise<Map<string, Pick<MediaCheck, 'state' | 'ownerId'>>> {
  const unknown = passed ? fileIds.filter((id) => !passed.has(id)) : fileIds
  const checks = unknown.length ? await media.states(unknown) : new Map<string, Pick<MediaCheck, 'state' | 'ownerId'>>()
  if (passed) for (const id of fileIds) if (passed.has(id)) checks.set(id, { state: 'passed', ownerId: '' })
  return checks
}

/** For a runtime without storage: every use says so in Chinese. */
export const unavailableFiles: FilePort = {
  adoptPhoto: async () => {
    throw FileErrors.UNAVAILABLE()
  },
  urls: async () => ({}),
  putGenerated: async () => {
    throw FileErrors.UNAVAILABLE()
  },
}
