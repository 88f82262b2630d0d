import { z } from 'zod'
import { defineErrors } from './errors'
import { defineMessages, keyText, register } from './i18n/i18n'

/**
 * Photos and generated files. Photos are checked by content (magic bytes), size-limited and stripped of
 * EXIF (GPS, device) by the server before anyone but the uploader can see them.
 */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoType = (typeof PHOTO_TYPES)[number]

export const FILE_MESSAGES = register(
  defineMessages({
    'file.bad_id': { zh: '照片编号不对', bo: 'པར་གྱི་ཨང་རྟགས་མི་འགྲིག' },
    'file.in_review': { zh: '审核中', bo: 'ཞིབ་བཤེར་བྱེད་བཞིན་པ།' },
  }),
)

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

export const FileErrors = defineErrors('FILE', {
  NOT_IMAGE: { zh: '只能上传照片（JPG、PNG 或 WebP 格式）', bo: 'པར་ཁོ་ན་ཡར་སྐྱེལ་ཆོག (JPG, PNG ཡང་ན་ WebP)' },
  TOO_LARGE: { zh: '照片太大了，请不要超过 5 MB', bo: 'པར་ཆེ་དྲགས་འདུག 5 MB ལས་མི་བརྒལ་བ་བྱོས།' },
  BROKEN: { zh: '照片文件已损坏，请重新拍一张', bo: 'པར་ཡིག་ཆ་ལ་སྐྱོན་ཤོར་འདུག ཡང་བསྐྱར་གཅིག་རྒྱག་རོགས།' },
  EMPTY: { zh: '照片是空的，请重新拍一张', bo: 'པར་སྟོང་པ་རེད། ཡང་བསྐྱར་གཅིག་རྒྱག་རོགས།' },
  NOT_FOUND: { zh: '照片没有找到，请重新上传', bo: 'པར་རྙེད་མ་བྱུང་། ཡང་བསྐྱར་ཡར་སྐྱེལ་བྱོས།' },
  NOT_YOURS: { zh: '只能使用您自己上传的照片', bo: 'ཁྱེད་རང་གིས་ཡར་སྐྱེལ་བྱས་པའི་པར་ཁོ་ན་བེད་སྤྱོད་ཆོག' },
  BLOCKED: {
    zh: '这张照片没有通过审核，请换一张',
    bo: 'པར་འདི་ཞིབ་བཤེར་ལས་མ་འདས། པར་གཞན་ཞིག་བརྗེས་རོགས།',
  },
  MISSING: { zh: '文件没有找到', bo: 'ཡིག་ཆ་རྙེད་མ་བྱུང་།' },
  LINK_INVALID: {
    zh: '这个链接不对，请回到页面重新打开',
    bo: 'འབྲེལ་མཐུད་འདི་མི་འགྲིག ཤོག་ངོས་སུ་ཕྱིར་ལོག་ནས་ཡང་བསྐྱར་ཁ་ཕྱེ་རོགས།',
  },
  LINK_EXPIRED: {
    zh: '链接已过期，请刷新页面后再看',
    bo: 'འབྲེལ་མཐུད་ཀྱི་དུས་ཚོད་ཡོལ་སོང་། ཤོག་ངོས་བསྐྱར་གསོ་བྱས་རྗེས་ཡང་བསྐྱར་ལྟོས།',
  },
  IN_REVIEW: {
    zh: '照片正在审核中，审核通过后才能看到',
    bo: 'པར་ཞིབ་བཤེར་བྱེད་བཞིན་པ། ཞིབ་བཤེར་ལས་འདས་རྗེས་མཐོང་ཐུབ།',
  },
  UNAVAILABLE: {
    zh: '照片服务暂时不可用，请稍后再试',
    bo: 'པར་གྱི་ཞབས་ཞུ་གནས་སྐབས་སུ་བེད་སྤྱོད་བྱེད་མི་ཐུབ། ཅུང་ཙམ་སྒུག་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  },
})

/** The reply of the local host's upload route (POST /api/files). */
export const UploadReplySchema = z.object({ fileId: FileIdSchema, url: z.string() })
