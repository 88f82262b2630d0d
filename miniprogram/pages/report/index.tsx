import { Checkbox, CheckboxGroup, Label, Switch, Textarea, View } from '@tarojs/components'
import '../../packages/incident/incident.css'
import Taro from '@tarojs/taro'
import { askSubscribe } from '../../services/subscribe'
import { useEffect, useState } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import { MAX_PHOTOS, MIN_TYPED_ADDRESS, type Severity } from '@shared/incident/incident.schema'
import {
  Button,
  Card,
  DataAge,
  Field,
  LocalPhotoPicker,
  OutboxPanel,
  Page,
  Row,
  Tag,
  VoiceInput,
  showError,
  toastDone,
} from '../../components'
import { callFunction, newRequestId } from '../../services/call-function'
import { readKept } from '../../services/kept'
import { hasPermission, useMe } from '../../services/me'
import { outbox, queueCall } from '../../services/outbox'
import type { LocalPhoto } from '../../services/photo'
import { useQuery } from '../../services/use-call'
import { pickLocation } from '../../services/upload'
import { t as common, useNavTitle, useStrings } from '../../services/i18n'
import { REPORT } from './report.strings'
import { useTabPage } from '../../services/tab-bar'

const DRAFT_KEY = 'linli.incident.draft'

/**
 * Kept in storage while it is being written; on 提交上报 it moves to the outbox (photos and all), which sends it
 * when there is a signal, with its requestId, so a resend never files it twice.
 */
interface Draft {
  requestId: string
  category: string | null
  severity: Severity
  description: string
  /** kept on the phone (services/photo.ts) until the outbox uploads them */
  photos: LocalPhoto[]
  location: { lat: number; lng: number } | null
  address: string
  anonymous: boolean
  /** "可以联系我"; null: not chosen (yes for a named report, no for an anonymous one) */
  contactable: boolean | null
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
  contactable: null,
})
function loadDraft(): Draft {
  try {
    const raw: unknown = Taro.getStorageSync(DRAFT_KEY)
    if (raw && typeof raw === 'object' && 'requestId' in raw) {
      const draft = { ...emptyDraft(), ...(raw as Draft) }
      // a draft from before photos were kept on the phone held uploaded ones only: those are gone from it
      return { ...draft, photos: draft.photos.filter((p) => typeof p.key === 'string') }
    }
  } catch {
    // no storage: start afresh
  }
  return emptyDraft()
}

const go = (url: string) => void Taro.navigateTo({ url })

/** One of a few options as large buttons (a picker hides them behind a tap). */
function Choice<K extends string>(props: {
  label: string
  options: ReadonlyArray<{ key: K; label: string }>
  value: K | null
  onChange: (key: K) => void
}) {
  return (
    <View className="l-field">
      <View className="l-field__label">{props.label}</View>
      <View className="incident-chips">
        {props.options.map((o) => (
          <Button
            key={o.key}
            size="small"
            inline
            kind={props.value === o.key ? 'primary' : 'secondary'}
            onClick={() => props.onChange(o.key)}
          >
            {o.label}
          </Button>
        ))}
      </View>
    </View>
  )
}

export default function Report() {
  const t = useStrings(REPORT)
  useNavTitle(t('nav'))
  useTabPage('pages/report/index')
  const { me } = useMe()
  const [draft, setDraft] = useState<Draft>(loadDraft)
  const [uploading, setUploading] = useState(false)
  const [sending, setSending] = useState(false)
  /** the last report was kept for later: no signal */
  const [savedOffline, setSavedOffline] = useState(false)
  /** the browser or the user refused the position: the typed address is then required */
  const [noLocation, setNoLocation] = useState(false)
  // the categories are kept on the phone: a report can be written with no signal at all
  const config = useQuery(
    () => readKept('incident.config', () => callFunction(incidentContract, 'getConfig', {})),
    [me?.user.id],
  )
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
  // unless chosen, an anonymous report does not agree to be contacted and a named one does
  const contactable = draft.contactable ?? !draft.anonymous

  async function locate() {
    const r = await pickLocation()
    if (r.ok) {
      setNoLocation(false)
      patch({ location: { lat: r.data.lat, lng: r.data.lng }, address: r.data.address || draft.address })
    } else {
      setNoLocation(true)
      void showError(r.message, t('locate_failed'))
    }
  }

  async function submit() {
    if (!draft.category) return void showError(t('choose_category'))
    if (!draft.location && draft.address.trim().length < MIN_TYPED_ADDRESS) {
      setNoLocation(true)
      return void showError(t('where', { min: MIN_TYPED_ADDRESS }), t('where_title'))
    }
    if (!me) return
    setSending(true)
    const category = config.data?.value.categories.find((c) => c.key === draft.category)
    const r = await queueCall(
      incidentContract,
      'report',
      {
        category: draft.category,
        severity: draft.severity,
        description: draft.description,
        photos: [],
        location: draft.location ? { ...draft.location, datum: 'gcj02' } : null,
        address: draft.address,
        anonymous: draft.anonymous,
        contactable,
      },
      {
        requestId: draft.requestId,
        summary: category?.label ?? '',
        photos: { keys: draft.photos.map((p) => p.key), field: 'photos', owner: me.user.id },
      },
    )
    setSending(false)
    // bad input: nothing was kept, the form says what to fix
    if (!r.ok) return void showError(r.message)
    if (r.outcome && !r.outcome.ok) {
      // refused by the server (a rule, a content check): back to the form to correct, as a new request
      await outbox.remove(r.item.id, { keepPhotos: true })
      patch({ requestId: newRequestId() })
      return void showError(r.outcome.message ?? '')
    }
    // the outbox has it now, photos and all
    setDraft(emptyDraft())
    Taro.removeStorageSync(DRAFT_KEY)
    if (!r.outcome) {
      setSavedOffline(true)
      return void showError(common('ui.outbox_saved_offline'), t('saved_title'))
    }
    setSavedOffline(false)
    toastDone(t('reported'))
    await askSubscribe('report')
    go(`/packages/incident/pages/detail/index?id=${(r.outcome.data as { id: string }).id}`)
  }

  async function join(id: string) {
    const r = await callFunction(incidentContract, 'joinIncident', {
      incidentId: id,
      note: draft.description.slice(0, 200),
    })
    if (!r.ok) return void showError(r.message)
    setDraft(emptyDraft())
    toastDone(t('joined'))
    go(`/packages/incident/pages/detail/index?id=${id}`)
  }

  const categories = config.data?.value.categories ?? []
  return (
    <Page title={t('title')} intro={t('intro')}>
      <OutboxPanel filter={(i) => i.fn === 'incident'} />
      {savedOffline ? <Tag tone="warning">{common('ui.outbox_saved_offline')}</Tag> : null}
      <Card>
        <Row title={t('mine')} arrow onClick={() => go('/packages/incident/pages/list/index?view=mine')} />
        {hasPermission(me, 'incident_view') ? (
          <Row title={t('todo')} arrow onClick={() => go('/packages/incident/pages/list/index?view=todo')} />
        ) : null}
        {hasPermission(me, 'incident_figures') || hasPermission(me, 'safe_report_create') ? (
          <Row title={t('overview')} arrow onClick={() => go('/packages/incident/pages/overview/index')} />
        ) : null}
        <Row title={t('inbox')} arrow onClick={() => go('/packages/incident/pages/list/index?view=inbox')} />
      </Card>
      {canReport ? (
        <Card title={t('form')}>
          {config.data?.offline ? <DataAge savedAt={config.data.savedAt} offline /> : null}
          <Choice
            label={t('category')}
            options={categories}
            value={draft.category}
            onChange={(category) => patch({ category })}
          />
          <Choice
            label={t('severity')}
            options={config.data?.value.severities ?? []}
            value={draft.severity}
            onChange={(severity) => patch({ severity })}
          />
          <View className="l-field">
            <View className="l-field__label">{t('description')}</View>
            <Textarea
              className="l-field__input incident-desc"
              value={draft.description}
              maxlength={500}
              placeholder={t('description_hint')}
              onInput={(e) => patch({ description: e.detail.value })}
            />
            <VoiceInput onText={(said) => patch({ description: `${draft.description}${said}`.slice(0, 500) })} />
          </View>
          <LocalPhotoPicker
            photos={draft.photos}
            max={MAX_PHOTOS}
            hint={t('photo_hint')}
            onChange={(photos) => patch({ photos })}
            onBusyChange={setUploading}
          />
          <View className="l-field">
            <View className="l-field__label">{t('location')}</View>
            <View className="l-field__hint">
              {draft.location
                ? t('located', { lat: draft.location.lat.toFixed(5), lng: draft.location.lng.toFixed(5) })
                : noLocation
                  ? t('no_location')
                  : t('not_located')}
            </View>
            <Button kind="secondary" onClick={() => void locate()}>
              {draft.location ? t('relocate') : t('locate')}
            </Button>
          </View>
          <Field
            label={draft.location ? t('address_more') : t('address_needed')}
            value={draft.address}
            onChange={(v) => patch({ address: v })}
            placeholder={draft.location ? t('address_more_hint') : t('address_needed_hint')}
            maxlength={80}
          />
          <View className="l-row">
            <View className="l-row__main">{t('anonymous')}</View>
            <Switch checked={draft.anonymous} onChange={(e) => patch({ anonymous: e.detail.value })} />
          </View>
          <CheckboxGroup onChange={(e) => patch({ contactable: e.detail.value.includes('yes') })}>
            <Label className="l-row incident-check">
              <Checkbox value="yes" checked={contactable} />
              <View className="l-row__main">
                <View>{t('contactable')}</View>
                <View className="l-field__hint">{t('contactable_hint')}</View>
              </View>
            </Label>
          </CheckboxGroup>
          {nearby.data?.items.length ? (
            <Card title={t('nearby')}>
              {nearby.data.items.map((n) => (
                <Row
                  key={n.id}
                  title={`${n.categoryLabel} · ${t(n.step === 'same_cell' ? 'near_same_cell' : 'near_next_cell')}`}
                  sub={n.description}
                  extra={
                    <Button size="small" inline onClick={() => void join(n.id)}>
                      {t('join')}
                    </Button>
                  }
                />
              ))}
            </Card>
          ) : null}
          <Button loading={sending} loadingText={t('sending')} disabled={uploading} onClick={() => void submit()}>
            {t('submit')}
          </Button>
          {draft.description || draft.photos.length ? <Tag tone="plain">{t('draft_saved')}</Tag> : null}
        </Card>
      ) : null}
    </Page>
  )
}
