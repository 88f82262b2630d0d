import { useRouter } from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { LANGS, textOf } from '@shared/i18n/i18n'
import { patrolContract } from '@shared/patrol/patrol.contract'
import { PATROL } from '@shared/patrol/patrol.messages'
import { Button, ErrorBlock, Loading, Page } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { IS_WEAPP } from '../../../../services/env'
import { useStrings } from '../../../../services/i18n'
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
  if (!poster.data)
    return (
      <Page>{poster.error ? <ErrorBlock message={poster.error.message} onRetry={poster.reload} /> : <Loading />}</Page>
    )
  const p = poster.data
  return (
    <Page>
      <View className="patrol-poster">
        <View className="patrol-poster__sub">{p.village.fullName}</View>
        <View className="patrol-poster__name">{p.checkpointName}</View>
        {LANGS.map((lang) => (
          <View key={lang} className="patrol-poster__sub">
            {textOf(PATROL['patrol.poster.route'], lang, { route: p.routeName })}
          </View>
        ))}
        <Image className="patrol-qr" src={p.qrDataUrl} mode="aspectFit" />
        {LANGS.map((lang) => (
          <View key={lang} className="patrol-poster__sub">
            {textOf(PATROL['patrol.poster.hint'], lang)}
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
