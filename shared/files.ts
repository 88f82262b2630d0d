import { z } from 'zod'
import { defineErrors } from './errors'

/**
 * Photos and generated files. Photos are checked by content (magic bytes), size-limited and stripped of
 * EXIF (GPS, device) by the server before anyone but the uploader can see them.
 */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoType = (typeof PHOTO_TYPES)[number]

/** A file id as the file port hands it out: local `f_<hex>` or a CloudBase `cloud://…` fileID. */
export const FileIdSchema = z
  .string({ error: '照片编号不对' })
  .min(3, '照片编号不对')
  .max(300, '照片编号不对')
  .regex(/^(f_[0-9a-f]{32}|cloud:\/\/[A-Za-z0-9._\-/]+)$/, '照片编号不对')

export const PhotoViewSchema = z.object({ fileId: FileIdSchema, url: z.string() })
export type PhotoView = z.infer<typeof PhotoViewSchema>

export const FileErrors = defineErrors('FILE', {
  NOT_IMAGE: '只能上传照片（JPG、PNG 或 WebP 格式）',
  TOO_LARGE: '照片太大了，请不要超过 5 MB',
  EMPTY: '照片是空的，请重新拍一张',
  NOT_FOUND: '照片没有找到，请重新上传',
  NOT_YOURS: '只能使用您自己上传的照片',
  UNAVAILABLE: '照片服务暂时不可用，请稍后再试',
})

/** The reply of the local host's upload route (POST /api/files). */
export const UploadReplySchema = z.object({ fileId: FileIdSchema, url: z.string() })
