import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import { LANGS, textOf } from '@shared/i18n/i18n'
import { patrolContract } from '@shared/patrol/patrol.contract'
import { PATROL } from '@shared/patrol/patrol.messages'
import { Button, ErrorBlock, Loading, Page } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { IS_WEAPP } from '../../../../services/env'
import { loadLang, useStrings } from '../../../../services/i18n'
import { useQuery } from '../../../../services/use-call'
import { usePageTitle } from '../../components/page-title'
import { POSTER } from '../../patrol.strings'
import '../../components/patrol.css'

/**
 * The poster to print and post at a checkpoint: the server-signed code, the checkpoint and its route. Its words are
 * printed in both languages, whoever prints it: the volunteers who read it may read either.
 */
export default function Poster() {
  const t = useStrings(POSTER)
  usePageTitle(t('title'))
  const id = useRouter().params.id ?? ''
  const poster = useQuery(() => callFunction(patrolContract, 'getPoster', { checkpointId: id }), [id])
  // the poster is printed in both languages, so a Chinese reader's H5 fetches the Tibetan texts too (bo-split)
  const [bothReady, setBothReady] = useState(false)
  useEffect(() => {
    void Promise.all(LANGS.map(loadLang)).then(() => setBothReady(true))
  }, [])
  if (!poster.data || !bothReady)
    return (
      <Page>{poster.error ? <ErrorBlock message={poster.error.message} onRetry={poster.reload} /> : <Loading />}</Page>
    )
  const p = poster.data
  return (
    <Page>
      <View className="patrol-poster">
        <View className="patrol-poster__sub">{p.village.fullName}</View>
        <View className="patrol-poster__name">{p.checkpointName}</View>
        {inBoth((lang) => textOf(PATROL['patrol.poster.route'], lang, { route: p.routeName })).map((text) => (
          <View key={text} className="patrol-poster__sub">
            {text}
          </View>
        ))}
        <Image className="patrol-qr" src={p.qrDataUrl} mode="aspectFit" />
        {inBoth((lang) => textOf(PATROL['patrol.poster.hint'], lang)).map((text) => (
          <View key={text} className="patrol-poster__sub">
            {text}
          </View>
        ))}
        <View className="patrol-code">{p.code}</View>
      </View>
      {!IS_WEAPP ? (
        <Button kind="secondary" onClick={() => window.print()}>
          {t('print')}
        </Button>
      ) : null}
    </Page>
  )
}

/** A line in each language, once: where the Tibetan texts could not be fetched (no signal) both are Chinese. */
function inBoth(text: (lang: (typeof LANGS)[number]) => string): string[] {
  return [...new Set(LANGS.map(text))]
}
