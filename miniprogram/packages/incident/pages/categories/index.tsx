import { Input, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { incidentContract } from '@shared/incident/incident.contract'
import { CATCH_ALL_CATEGORY, MAX_CATEGORIES, MAX_CATEGORY_LABEL } from '@shared/incident/incident.schema'
import {
  Button,
  Card,
  ConfirmButton,
  Empty,
  ErrorBlock,
  Loading,
  Page,
  PickerField,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction, newRequestId } from '../../../../services/call-function'
import { fmt, t as common, useNavTitle, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
import { CATEGORIES } from '../../incident.strings'
import '../../incident.css'

interface Item {
  /** null: added here, named by the server on save */
  key: string | null
  label: string
  /** a stable id for React while editing */
  id: string
}

let seq = 0
const item = (key: string | null, label: string): Item => ({ key, label, id: `${key ?? 'new'}-${++seq}` })

/** 事件类别设置: a county's list of categories residents choose from when they report. */
export default function Categories() {
  const t = useStrings(CATEGORIES)
  useNavTitle(t('nav'))
  const { me } = useMe()
  const roots = useMemo(() => (me ? unitsWith(me, 'incident_configure') : []), [me])
  const rootId = roots.find((u) => u.level === 'county' || u.level === 'prefecture')?.id ?? null
  const rootLevel = roots.find((u) => u.id === rootId)?.level ?? null
  // an admin above the counties picks one; a county-level dispatcher has just the one
  const counties = useQuery(
    () =>
      rootId && rootLevel === 'prefecture'
        ? callFunction(accountContract, 'listUnits', { parentId: rootId })
        : Promise.resolve({ ok: true as const, data: null }),
    [rootId, rootLevel],
  )
  const countyOptions =
    rootLevel === 'county' && rootId
      ? roots.filter((u) => u.level === 'county').map((u) => ({ value: u.id, label: u.fullName }))
      : (counties.data?.items ?? []).filter((u) => u.level === 'county').map((u) => ({ value: u.id, label: u.name }))
  const [countyId, setCountyId] = useState<string | null>(null)
  const county = countyId ?? countyOptions[0]?.value ?? null

  const current = useQuery(
    () =>
      county
        ? callFunction(incidentContract, 'listCategories', { countyId: county })
        : Promise.resolve({ ok: true as const, data: null }),
    [county],
  )
  const [items, setItems] = useState<Item[]>([])
  // the list being edited starts afresh from each list loaded (another county picked, or the list just saved)
  const [itemsFrom, setItemsFrom] = useState<typeof current.data>(null)
  if (current.data && current.data !== itemsFrom) {
    setItemsFrom(current.data)
    setItems(current.data.categories.map((c) => item(c.key, c.label)))
  }
  const [requestId, setRequestId] = useState(newRequestId)
  const [saving, setSaving] = useState(false)

  const set = (id: string, p: Partial<Item>) => setItems((xs) => xs.map((x) => (x.id === id ? { ...x, ...p } : x)))
  const move = (i: number, d: -1 | 1) =>
    setItems((xs) => {
      const j = i + d
      if (j < 0 || j >= xs.length) return xs
      const next = [...xs]
      ;[next[i], next[j]] = [next[j]!, next[i]!]
      return next
    })

  async function save() {
    if (!county) return
    setSaving(true)
    const r = await callFunction(
      incidentContract,
      'saveCategories',
      {
        countyId: county,
        categories: items.map((x) => ({ key: x.key, label: x.label.trim() })),
      },
      { requestId },
    )
    setSaving(false)
    if (!r.ok) {
      if (r.code !== 'COMMON.NETWORK') setRequestId(newRequestId())
      return void showError(r.message, t('not_saved'))
    }
    setRequestId(newRequestId())
    toastDone(common('ui.saved'))
    current.reload()
  }

  if (!me)
    return (
      <Page>
        <Loading />
      </Page>
    )
  if (!roots.length)
    return (
      <Page title={t('nav')}>
        <Empty title={t('none')} text={t('none_why')} />
      </Page>
    )
  return (
    <Page title={t('nav')} intro={t('intro')}>
      {countyOptions.length > 1 ? (
        <Card>
          <PickerField label={t('county')} options={countyOptions} value={county} onChange={setCountyId} />
        </Card>
      ) : null}
      {current.error ? <ErrorBlock message={current.error.message} onRetry={current.reload} /> : null}
      {!current.data ? (
        county ? (
          <Loading />
        ) : (
          <Empty title={t('no_county')} />
        )
      ) : (
        <Card title={t('list_title', { county: current.data.county.name, n: items.length, max: MAX_CATEGORIES })}>
          <View className="l-field__hint">
            {current.data.isDefault
              ? t('is_default')
              : t('last_change', {
                  name: current.data.updatedByName ?? '',
                  at: current.data.updatedAt ? fmt.dateTime(current.data.updatedAt) : '',
                })}
          </View>
          {items.map((x, i) => (
            <View key={x.id} className="incident-category" aria-label={t('item', { n: i + 1 })}>
              <View className="incident-category__name">
                <View className="incident-category__no">{i + 1}</View>
                <Input
                  className="l-field__input"
                  value={x.label}
                  maxlength={MAX_CATEGORY_LABEL}
                  placeholder={t('name_hint')}
                  aria-label={t('item_name', { n: i + 1 })}
                  onInput={(e) => set(x.id, { label: e.detail.value })}
                />
                {x.key === null ? <Tag tone="info">{t('new')}</Tag> : null}
              </View>
              <View className="incident-chips">
                <Button size="small" inline kind="secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                  {t('up')}
                </Button>
                <Button
                  size="small"
                  inline
                  kind="secondary"
                  disabled={i === items.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {t('down')}
                </Button>
                {x.key === CATCH_ALL_CATEGORY ? (
                  <Tag tone="plain">{t('keep_other')}</Tag>
                ) : (
                  <ConfirmButton
                    size="small"
                    inline
                    kind="danger"
                    confirmTitle={t('remove_title')}
                    confirm={t('remove_confirm', { name: x.label || t('new_name') })}
                    confirmText={common('ui.remove')}
                    onConfirm={() => setItems((xs) => xs.filter((y) => y.id !== x.id))}
                  >
                    {common('ui.remove')}
                  </ConfirmButton>
                )}
              </View>
            </View>
          ))}
          <Button
            kind="secondary"
            disabled={items.length >= MAX_CATEGORIES}
            onClick={() => setItems((xs) => [...xs, item(null, '')])}
          >
            {t('add')}
          </Button>
          <ConfirmButton
            loading={saving}
            loadingText={t('saving')}
            confirmTitle={t('save_title')}
            confirm={t('save_confirm', { county: current.data.county.name })}
            confirmText={common('ui.save')}
            onConfirm={() => void save()}
          >
            {common('ui.save')}
          </ConfirmButton>
        </Card>
      )}
    </Page>
  )
}
