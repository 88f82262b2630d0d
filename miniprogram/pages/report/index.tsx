import { Switch, Textarea, View } from '@tarojs/components'
import '../../packages/incident/incident.css'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import { MAX_PHOTOS, MIN_TYPED_ADDRESS, type Severity } from '@shared/incident/incident.schema'
import { Button, Card, Field, Page, PhotoPicker, Row, Tag, showError, toastDone } from '../../components'
import { callFunction, newRequestId } from '../../services/call-function'
import { hasPermission, useMe } from '../../services/me'
import { useQuery } from '../../services/use-call'
import { pickLocation } from '../../services/upload'
import { useStrings } from '../../services/i18n'
import { REPORT } from './report.strings'

const DRAFT_KEY = 'linli.incident.draft'

/** Kept in storage until the server confirms, so a lost signal never loses a report (requestId makes the retry safe). */
interface Draft {
  requestId: string
  category: string | null
  severity: Severity
  description: string
  photos: Array<{ fileId: string; url: string }>
  location: { lat: number; lng: number } | null
  address: string
  anonymous: boolean
}
const emptyDraft = (): Draft => ({
  requestId: newRequestId(),
  category: null,
  severity: 'normal',
  description: '',
  photos: [],
  location: null,
  address: '',
  anonymous: false,
})
function loadDraft(): Draft {
  try {
    const raw: unknown = Taro.getStorageSync(DRAFT_KEY)
    if (raw && typeof raw === 'object' && 'requestId' in raw) return { ...emptyDraft(), ...(raw as Draft) }
  } catch {
    // no storage: start afresh
  }
  return emptyDraft()
}

const go = (url: string) => void Taro.navigateTo({ url })

export default function Report() {
  const t = useStrings(REPORT)
  const { me } = useMe()
  const [draft, setDraft] = useState<Draft>(loadDraft)
  const [uploading, setUploading] = useState(false)
  const [sending, setSending] = useState(false)
  /** the browser or the user refused the position: the typed address is then required */
  const [noLocation, setNoLocation] = useState(false)
  const config = useQuery(() => callFunction(incidentContract, 'getConfig', {}), [me?.user.id])
  const nearby = useQuery(
    () =>
      draft.category && draft.location
        ? callFunction(incidentContract, 'listNearbyOpen', {
            category: draft.category,
            location: { ...draft.location, datum: 'gcj02' },
          })
        : Promise.resolve({ ok: true as const, data: { items: [] } }),
    [draft.category, draft.location?.lat, draft.location?.lng],
  )

  useEffect(() => {
    Taro.setStorageSync(DRAFT_KEY, draft)
  }, [draft])
  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }))
  const canReport = hasPermission(me, 'incident_create')

  async function locate() {
    const r = await pickLocation()
    if (r.ok) {
      setNoLocation(false)
      patch({ location: { lat: r.data.lat, lng: r.data.lng }, address: r.data.address || draft.address })
    } else {
      setNoLocation(true)
      void showError(r.message, '没有定位')
    }
  }

  async function submit() {
    if (!draft.category) return void showError('请先选择问题类别')
    if (!draft.location && draft.address.trim().length < MIN_TYPED_ADDRESS) {
      setNoLocation(true)
      return void showError(
        `请点"获取位置"，或在"地址"里写清在哪里（至少 ${MIN_TYPED_ADDRESS} 个字）`,
        '还不知道在哪里',
      )
    }
    setSending(true)
    const r = await callFunction(
      incidentContract,
      'report',
      {
        category: draft.category,
        severity: draft.severity,
        description: draft.description,
        photos: draft.photos.map((p) => p.fileId),
        location: draft.location ? { ...draft.location, datum: 'gcj02' } : null,
        address: draft.address,
        anonymous: draft.anonymous,
      },
      { requestId: draft.requestId },
    )
    setSending(false)
    if (!r.ok) {
      // a network failure keeps the same requestId for the retry; anything else is a new attempt after fixing it
      if (r.code !== 'COMMON.NETWORK') patch({ requestId: newRequestId() })
      return void showError(r.message)
    }
    setDraft(emptyDraft())
    Taro.removeStorageSync(DRAFT_KEY)
    toastDone('上报成功')
    go(`/packages/incident/pages/detail/index?id=${r.data.id}`)
  }

  async function join(id: string) {
    const r = await callFunction(incidentContract, 'joinIncident', {
      incidentId: id,
      note: draft.description.slice(0, 200),
    })
    if (!r.ok) return void showError(r.message)
    setDraft(emptyDraft())
    toastDone('已告诉网格员')
    go(`/packages/incident/pages/detail/index?id=${id}`)
  }

  const categories = config.data?.categories ?? []
  return (
    <Page title="随手拍" intro="拍下身边的问题，网格员会受理，处理结果会告诉您。">
      <Card>
        <Row title="我上报的事" arrow onClick={() => go('/packages/incident/pages/list/index?view=mine')} />
        {hasPermission(me, 'incident_view') ? (
          <Row title="待我处理" arrow onClick={() => go('/packages/incident/pages/list/index?view=todo')} />
        ) : null}
        {hasPermission(me, 'incident_figures') || hasPermission(me, 'safe_report_create') ? (
          <Row title="概况、报平安与台账" arrow onClick={() => go('/packages/incident/pages/overview/index')} />
        ) : null}
        <Row title="消息" arrow onClick={() => go('/packages/incident/pages/list/index?view=inbox')} />
      </Card>
      {canReport ? (
        <Card title="上报问题">
          <View className="l-field">
            <View className="l-field__label">类别</View>
            <View className="incident-chips">
              {categories.map((c) => (
                <Button
                  key={c.key}
                  size="small"
                  inline
                  kind={draft.category === c.key ? 'primary' : 'secondary'}
                  onClick={() => patch({ category: c.key })}
                >
                  {c.label}
                </Button>
              ))}
            </View>
          </View>
          <View className="l-field">
            <View className="l-field__label">紧急程度</View>
            <View className="incident-chips">
              {(config.data?.severities ?? []).map((s) => (
                <Button
                  key={s.key}
                  size="small"
                  inline
                  kind={draft.severity === s.key ? 'primary' : 'secondary'}
                  onClick={() => patch({ severity: s.key })}
                >
                  {s.label}
                </Button>
              ))}
            </View>
          </View>
          <View className="l-field">
            <View className="l-field__label">问题描述</View>
            <Textarea
              className="l-field__input incident-desc"
              value={draft.description}
              maxlength={500}
              placeholder="发生了什么？在哪里？"
              onInput={(e) => patch({ description: e.detail.value })}
            />
          </View>
          {me ? (
            <PhotoPicker
              photos={draft.photos}
              max={MAX_PHOTOS}
              userId={me.user.id}
              hint="至少 1 张，拍清楚问题在哪里"
              onChange={(photos) => patch({ photos })}
              onBusyChange={setUploading}
            />
          ) : null}
          <View className="l-field">
            <View className="l-field__label">位置</View>
            <View className="l-field__hint">
              {draft.location
                ? `已定位（${draft.location.lat.toFixed(5)}, ${draft.location.lng.toFixed(5)}）`
                : noLocation
                  ? '没有定位也能上报：请在下面写清地址'
                  : '还没有定位'}
            </View>
            <Button kind="secondary" onClick={() => void locate()}>
              {draft.location ? '重新定位' : '获取位置'}
            </Button>
          </View>
          <Field
            label={draft.location ? '地址补充' : '地址（没有定位时必填）'}
            value={draft.address}
            onChange={(v) => patch({ address: v })}
            placeholder={draft.location ? '如：3 栋后面垃圾站' : '如：然乌村 3 组 老桥东头'}
            maxlength={80}
          />
          <View className="l-row">
            <View className="l-row__main">对其他居民匿名</View>
            <Switch checked={draft.anonymous} onChange={(e) => patch({ anonymous: e.detail.value })} />
          </View>
          {nearby.data?.items.length ? (
            <Card title="附近已有人报过">
              {nearby.data.items.map((n) => (
                <Row
                  key={n.id}
                  title={`${n.categoryLabel} · ${t(n.step === 'same_cell' ? 'near_same_cell' : 'near_next_cell')}`}
                  sub={n.description}
                  extra={
                    <Button size="small" inline onClick={() => void join(n.id)}>
                      我也遇到
                    </Button>
                  }
                />
              ))}
            </Card>
          ) : null}
          <Button loading={sending} loadingText="正在提交…" disabled={uploading} onClick={() => void submit()}>
            提交上报
          </Button>
          {draft.description || draft.photos.length ? <Tag tone="plain">草稿已自动保存</Tag> : null}
        </Card>
      ) : null}
    </Page>
  )
}
