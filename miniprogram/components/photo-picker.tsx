import { Image, View } from '@tarojs/components'
import { ensureConsent } from '../services/privacy'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { PhotoView } from '@shared/files'
import { uploadPhoto } from '../services/upload'
import { Button } from './button'
import { showError } from './toast'
import { t } from '../services/i18n'

export interface PhotoPickerProps {
  label?: string
  photos: PhotoView[]
  /** the most the contract accepts */
  max: number
  /** the uploader (WeChat uploads go to this user's own folder; the action checks the owner) */
  userId: string
  hint?: string
  onChange: (photos: PhotoView[]) => void
  /** true while a photo is uploading: the form should not be sent before it is done */
  onBusyChange?: (busy: boolean) => void
}

/**
 * Take or choose photos and upload them at once, one by one with progress; each shows as a thumbnail with
 * its own 删除 button. What the form sends is the file ids; the action adopts them (owner, type, EXIF).
 */
export function PhotoPicker(props: PhotoPickerProps) {
  const { label = t('ui.photos'), photos, max } = props
  const [progress, setProgress] = useState<{ n: number; of: number; percent: number } | null>(null)
  /** the photos as of now, for an upload that finishes after the props have moved on */
  const latest = useRef(photos)
  useEffect(() => {
    latest.current = photos
  }, [photos])

  const set = (next: PhotoView[]) => {
    latest.current = next
    props.onChange(next)
  }

  async function add() {
    const left = max - latest.current.length
    if (left <= 0 || progress) return
    if (!(await ensureConsent('photo'))) return
    const chosen = await Taro.chooseImage({
      count: left,
      sizeType: ['compressed'],
      sourceType: ['camera', 'album'],
    }).catch(() => null)
    if (!chosen?.tempFilePaths.length) return
    const paths = chosen.tempFilePaths.slice(0, left)
    props.onBusyChange?.(true)
    try {
      for (const [i, path] of paths.entries()) {
        setProgress({ n: i + 1, of: paths.length, percent: 0 })
        const r = await uploadPhoto(path, props.userId, (percent) =>
          setProgress({ n: i + 1, of: paths.length, percent }),
        )
        if (!r.ok) {
          void showError(r.message, t('ui.upload_failed'))
          return
        }
        set([...latest.current, r.data].slice(0, max))
      }
    } finally {
      setProgress(null)
      props.onBusyChange?.(false)
    }
  }

  return (
    <View className="l-field">
      <View className="l-field__label">{t('ui.photos_label', { label, n: photos.length, max })}</View>
      {props.hint ? <View className="l-field__hint">{props.hint}</View> : null}
      {photos.length ? (
        <View className="l-photos">
          {photos.map((p, i) => (
            <View key={p.fileId} className="l-photo" data-testid="photo">
              <Image className="l-photo__img" src={p.url} mode="aspectFill" ariaLabel={t('ui.photo_n', { n: i + 1 })} />
              <Button
                kind="secondary"
                size="small"
                onClick={() => set(latest.current.filter((x) => x.fileId !== p.fileId))}
              >
                {t('ui.remove')}
              </Button>
            </View>
          ))}
        </View>
      ) : null}
      {progress ? (
        <View className="l-photo__progress" aria-label={t('ui.upload_progress')}>
          <View>
            {progress.of > 1
              ? t('ui.uploading_n', { n: progress.n, of: progress.of, percent: progress.percent })
              : t('ui.uploading', { percent: progress.percent })}
          </View>
          <View className="l-progress">
            <View className="l-progress__bar" style={{ width: `${progress.percent}%` }} />
          </View>
        </View>
      ) : null}
      <Button kind="secondary" disabled={photos.length >= max || progress !== null} onClick={() => void add()}>
        {photos.length >= max ? t('ui.photos_max', { max }) : t('ui.take_or_choose')}
      </Button>
    </View>
  )
}
