import Taro from '@tarojs/taro'

/**
 * Photos that fit a village line: every photo is made at most 1280 px on its long edge and about 200 KB before it
 * is kept or sent, and kept on the phone (WeChat: a saved file; browser: IndexedDB) until the outbox has uploaded
 * it. A 12-megapixel phone photo (2.5–4 MB) becomes ~150–250 KB: on Regular 3G (250 kbit/s up) ~6 s instead of 80.
 * The server strips metadata again (it never trusts these bytes).
 */
export const MAX_EDGE_PX = 1280
export const TARGET_BYTES = 200 * 1024
/** JPEG qualities tried in turn until the photo is under the target (0–1) */
const QUALITIES = [0.8, 0.7, 0.6, 0.5, 0.4]

/** The long edge at most `max`, the other in proportion (never enlarged). */
export function fitWithin(width: number, height: number, max = MAX_EDGE_PX): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height, 1))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** A photo kept on this phone: `key` for the outbox, `url` to show it now. */
export interface LocalPhoto {
  key: string
  url: string
}

/** decided at build time, so the other build's code is left out of the package (the main package has a budget) */
const WEAPP = process.env.TARO_ENV === 'weapp'

const newKey = () => `ph${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 6).toString(36)}`

// ---- WeChat ----

/**
 * WeChat's own compressor, told the size: `compressedWidth` (or `compressedHeight` for a portrait photo) keeps
 * the long edge at 1280 px; a photo still over the target is compressed once more at a lower quality.
 */
async function compressWeapp(src: string): Promise<string> {
  let size = { width: 0, height: 0 }
  try {
    const info = await Taro.getImageInfo({ src })
    size = { width: info.width, height: info.height }
  } catch {
    // unknown size: ask for the width (most phone photos are landscape as stored)
  }
  const fit = fitWithin(size.width || MAX_EDGE_PX, size.height || 1)
  const dims = size.height > size.width ? { compressedHeight: fit.height } : { compressedWidth: fit.width }
  let path = src
  for (const quality of [80, 60]) {
    try {
      path = (await Taro.compressImage({ src, quality, ...dims })).tempFilePath || path
    } catch {
      return path
    }
    const bytes = await fileSize(path)
    if (bytes !== null && bytes <= TARGET_BYTES * 1.25) break
  }
  return path
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const info = (await Taro.getFileInfo({ filePath: path })) as unknown as { size?: number }
    return typeof info.size === 'number' ? info.size : null
  } catch {
    return null
  }
}

// ---- browser ----

/** Draws the photo (its EXIF orientation applied) at most 1280 px and lowers the JPEG quality until ~200 KB. */
async function compressBlob(blob: Blob): Promise<Blob> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' })
  } catch {
    return blob // not an image the browser can read: the server says so
  }
  const { width, height } = fitWithin(bitmap.width, bitmap.height)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const g = canvas.getContext('2d')
  if (!g) return blob
  g.drawImage(bitmap, 0, 0, width, height)
  bitmap.close()
  let best: Blob | null = null
  for (const q of QUALITIES) {
    const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', q))
    if (!out) break
    best = out
    if (out.size <= TARGET_BYTES) break
  }
  // a small photo already under the target and smaller as it came stays as it came
  return best && (best.size < blob.size || blob.size > TARGET_BYTES) ? best : blob
}

const DB = 'linli-outbox'
const STORE = 'photos'
let dbPromise: Promise<IDBDatabase> | null = null

function db(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1)
    open.onupgradeneeded = () => open.result.createObjectStore(STORE)
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error ?? new Error('indexedDB'))
  })
  return dbPromise
}

async function idb<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const d = await db()
  return new Promise<T>((resolve, reject) => {
    const tx = d.transaction(STORE, mode)
    const req = fn(tx.objectStore(STORE))
    tx.oncomplete = () => resolve(req.result as T)
    tx.onerror = () => reject(tx.error ?? new Error('indexedDB'))
  })
}

const urls = new Map<string, string>()

// ---- either ----

/** A photo just taken or chosen, compressed: a file path in WeChat, the bytes in a browser. */
export async function compressedPhoto(tempPath: string): Promise<Blob | string> {
  if (WEAPP) return compressWeapp(tempPath)
  return compressBlob(await (await fetch(tempPath)).blob())
}

/** Compresses a photo just taken or chosen and keeps it on the phone until it is sent. */
export async function keepPhoto(tempPath: string): Promise<LocalPhoto> {
  if (WEAPP) {
    const compressed = await compressWeapp(tempPath)
    // a temporary file may be gone when the app is opened again; a saved one stays until removed
    const saved = await Taro.saveFile({ tempFilePath: compressed })
      .then((r) => (r as unknown as { savedFilePath: string }).savedFilePath)
      .catch(() => compressed)
    return { key: saved, url: saved }
  }
  const blob = await compressBlob(await (await fetch(tempPath)).blob())
  const key = newKey()
  await idb('readwrite', (s) => s.put(blob, key))
  const url = URL.createObjectURL(blob)
  urls.set(key, url)
  return { key, url }
}

/** The bytes or file of a kept photo, for the upload. */
export async function photoData(key: string): Promise<Blob | string | null> {
  if (WEAPP) return key
  return (await idb<Blob | undefined>('readonly', (s) => s.get(key))) ?? null
}

/** A URL to show a kept photo (after a restart too). */
export async function photoUrl(key: string): Promise<string | null> {
  if (WEAPP) return key
  const known = urls.get(key)
  if (known) return known
  const blob = await photoData(key)
  if (!(blob instanceof Blob)) return null
  const url = URL.createObjectURL(blob)
  urls.set(key, url)
  return url
}

export async function removePhoto(key: string): Promise<void> {
  if (WEAPP) {
    await Taro.removeSavedFile({ filePath: key }).catch(() => undefined)
    return
  }
  const url = urls.get(key)
  if (url) URL.revokeObjectURL(url)
  urls.delete(key)
  await idb('readwrite', (s) => s.delete(key))
}
