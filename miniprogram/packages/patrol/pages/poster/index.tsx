import { useRouter } from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { patrolContract } from '@shared/patrol/patrol.contract'
import { Button, ErrorBlock, Loading, Page } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { IS_WEAPP } from '../../../../services/env'
import { useQuery } from '../../../../services/use-call'
import '../../components/patrol.css'

/** The poster to print and post at a checkpoint: the server-signed code, the checkpoint and its route. */
export default function Poster() {
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
        <View className="patrol-poster__sub">{`巡逻路线：${p.routeName}`}</View>
        <Image className="patrol-qr" src={p.qrDataUrl} mode="aspectFit" />
        <View className="patrol-poster__sub">巡逻队员请用「邻里」扫码打卡</View>
        <View className="patrol-code">{p.code}</View>
      </View>
      {!IS_WEAPP ? (
        <Button kind="secondary" onClick={() => window.print()}>
          打印
        </Button>
      ) : null}
    </Page>
  )
}
