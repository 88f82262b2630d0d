import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { keepPhoto, photoUrl, removePhoto, type LocalPhoto } from '../services/photo'
import { t } from '../services/i18n'
import { ensureConsent } from '../services/privacy'
import { Button } from './button'
import { showError } from './toast'

export interface LocalPhotoPickerProps {
  label?: string
  photos: LocalPhoto[]
  max: number
  hint?: string
  onChange: (photos: LocalPhoto[]) => void
  onBusyChange?: (busy: boolean) => void
}

/**
 * Take or choose photos for a write that goes through the outbox: each is compressed (≤ 1280 px, ~200 KB) and kept
 * on the phone at once, signal or not; the outbox uploads it when the write is sent. Thumbnails come back after
 * the app is closed and opened again (a browser's blob URLs do not survive it, so they are made again).
 */
export function LocalPhotoPicker(props: LocalPhotoPickerProps) {
  const { label = t('ui.photos'), photos, max } = props
  const [keeping, setKeeping] = useState(false)
  const [urls, setUrls] = useState<Record<string, string>>({})

  useEffect(() => {
    let live = true
    for (const p of photos)
      if (!urls[p.key])
        void photoUrl(p.key).then((url) => {
          if (live && url) setUrls((u) => ({ ...u, [p.key]: url }))
        })
    return () => {
      live = false
    }
  }, [photos, urls])

  async function add() {
    const left = max - photos.length
    if (left <= 0 || keeping) return
    // the privacy agreement before the first photo, as PhotoPicker asks (in WeChat, WeChat's own)
    if (!(await ensureConsent('photo'))) return
    const chosen = await Taro.chooseImage({
      count: left,
      sizeType: ['compressed'],
      sourceType: ['camera', 'album'],
    }).catch(() => null)
    if (!chosen?.tempFilePaths.length) return
    setKeeping(true)
    props.onBusyChange?.(true)
    const kept: LocalPhoto[] = []
    try {
      for (const path of chosen.tempFilePaths.slice(0, left)) {
        try {
          const photo = await keepPhoto(path)
          kept.push(photo)
          setUrls((u) => ({ ...u, [photo.key]: photo.url }))
        } catch {
          void showError(t('ui.photo_unreadable'))
        }
      }
    } finally {
      setKeeping(false)
      props.onBusyChange?.(false)
      if (kept.length) props.onChange([...photos, ...kept].slice(0, max))
    }
  }

  return (
    <View className="l-field">
      <View className="l-field__label">{t('ui.photos_label', { label, n: photos.length, max })}</View>
      {props.hint ? <View className="l-field__hint">{props.hint}</View> : null}
      {photos.length ? (
        <View className="l-photos">
          {photos.map((p, i) => (
            <View key={p.key} className="l-photo" data-testid="photo">
              <Image
                className="l-photo__img"
                src={urls[p.key] ?? p.url}
                mode="aspectFill"
                ariaLabel={t('ui.photo_n', { n: i + 1 })}
              />
              <Button
                kind="secondary"
                size="small"
                onClick={() => {
                  props.onChange(photos.filter((x) => x.key !== p.key))
                  void removePhoto(p.key).catch(() => undefined)
                }}
              >
                {t('ui.remove')}
              </Button>
            </View>
          ))}
        </View>
      ) : null}
      {keeping ? <View className="l-field__hint">{t('ui.keeping_photo')}</View> : null}
      <Button kind="secondary" disabled={photos.length >= max || keeping} onClick={() => void add()}>
        {photos.length >= max ? t('ui.photos_max', { max }) : t('ui.take_or_choose')}
      </Button>
    </View>
  )
}
