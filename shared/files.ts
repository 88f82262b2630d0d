import { z } from 'zod'
import { keyText } from './i18n/i18n'
import './files.messages'

export { FileErrors } from './files.messages'

/**
 * Photos and generated files. Photos are checked by content (magic bytes), size-limited and stripped of
 * EXIF (GPS, device) by the server before anyone but the uploader can see them.
 */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoType = (typeof PHOTO_TYPES)[number]

const BAD_ID = keyText('file.bad_id')

/** A file id as the file port hands it out: local `f_<hex>` or a CloudBase `cloud://…` fileID. */
export const FileIdSchema = z
  .string({ error: BAD_ID })
  .min(3, BAD_ID)
  .max(300, BAD_ID)
  .regex(/^(f_[0-9a-f]{32}|cloud:\/\/[A-Za-z0-9._\-/]+)$/, BAD_ID)

/**
 * A photo in a view: its display URL, or '' when the viewer may not see it (in review, blocked, or gone): a page
 * shows a photo without a URL as hidden, never as a broken image.
 */
export const PhotoViewSchema = z.object({ fileId: FileIdSchema, url: z.string() })
export type PhotoView = z.infer<typeof PhotoViewSchema>

/** The reply of the local host's upload route (POST /api/files). */
export const UploadReplySchema = z.object({ fileId: FileIdSchema, url: z.string() })
