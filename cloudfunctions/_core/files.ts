import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FileErrors, MAX_PHOTO_BYTES, type PhotoType } from '@shared/files'
import { sniffImage, stripMetadata } from './image'

/**
 * The file port: photos reach storage first (the local host's upload route, or WeChat's
 * Taro.cloud.uploadFile straight to CloudBase storage) and an action then *adopts* them: the port checks
 * the owner, the type by content and the size, strips EXIF, and returns the id to store on the record.
 */
export interface FilePort {
  /** Checks an uploaded photo of `ownerId` and returns the id to keep (may differ on CloudBase). */
  adoptPhoto(fileId: string, ownerId: string): Promise<string>
  /** Display URLs by file id (temporary on CloudBase; capability URLs on the local host). */
  urls(fileIds: readonly string[]): Promise<Record<string, string>>
  /** Stores a generated file (ledger export) and returns its id and a download URL. */
  putGenerated(name: string, bytes: Uint8Array, contentType: string): Promise<{ fileId: string; url: string }>
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

/** Files on the local host's disk: `<dir>/<id>` and `<dir>/<id>.json`, served at `/api/files/<id>`. */
export class LocalFilePort implements FilePort {
  constructor(
    readonly dir: string,
    private readonly urlPrefix = '/api/files/',
  ) {
    mkdirSync(dir, { recursive: true })
  }

  /** The upload route's half: check, strip and store a photo; the id is unguessable (capability URL). */
  savePhoto(raw: Uint8Array, ownerId: string): { fileId: string; url: string } {
    const { bytes, type } = cleanPhoto(raw)
    return this.write(bytes, { ownerId, contentType: type, size: bytes.length, name: null })
  }

  private write(bytes: Uint8Array, meta: LocalMeta): { fileId: string; url: string } {
    const fileId = `f_${randomBytes(16).toString('hex')}`
    writeFileSync(join(this.dir, fileId), bytes)
    writeFileSync(join(this.dir, `${fileId}.json`), JSON.stringify(meta))
    return { fileId, url: this.urlPrefix + fileId }
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

  async adoptPhoto(fileId: string, ownerId: string): Promise<string> {
    const meta = this.meta(fileId)
    if (!meta || meta.name !== null) throw FileErrors.NOT_FOUND()
    if (meta.ownerId !== ownerId) throw FileErrors.NOT_YOURS()
    return fileId
  }

  async urls(fileIds: readonly string[]): Promise<Record<string, string>> {
    return Object.fromEntries(fileIds.map((id) => [id, this.urlPrefix + id]))
  }

  async putGenerated(name: string, bytes: Uint8Array, contentType: string) {
    return this.write(bytes, { ownerId: null, contentType, size: bytes.length, name })
  }
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
