import { Input, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { incidentContract } from '@shared/incident/incident.contract'
import { CATCH_ALL_CATEGORY, MAX_CATEGORIES } from '@shared/incident/incident.schema'
import { formatBj } from '@shared/time/beijing'
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
import { unitsWith, useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
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
      return void showError(r.message, '没有保存')
    }
    setRequestId(newRequestId())
    toastDone('已保存')
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
      <Page title="事件类别设置">
        <Empty title="您不能设置事件类别" text="事件类别由县（区）综治中心设置" />
      </Page>
    )
  return (
    <Page
      title="事件类别设置"
      intro="群众上报时从这些类别里选。可以改名、调整顺序、增加或删除；已经上报的事件保留原来的类别名。"
    >
      {countyOptions.length > 1 ? (
        <Card>
          <PickerField label="县（区）" options={countyOptions} value={county} onChange={setCountyId} />
        </Card>
      ) : null}
      {current.error ? <ErrorBlock message={current.error.message} onRetry={current.reload} /> : null}
      {!current.data ? (
        county ? (
          <Loading />
        ) : (
          <Empty title="没有可以设置的县（区）" />
        )
      ) : (
        <Card title={`${current.data.county.name}的事件类别（${items.length}/${MAX_CATEGORIES}）`}>
          <View className="l-field__hint">
            {current.data.isDefault
              ? '现在用的是默认类别'
              : `上次修改：${current.data.updatedByName ?? ''} ${current.data.updatedAt ? formatBj(current.data.updatedAt) : ''}`}
          </View>
          {items.map((x, i) => (
            <View key={x.id} className="incident-category" aria-label={`类别 ${i + 1}`}>
              <View className="incident-category__name">
                <View className="incident-category__no">{i + 1}</View>
                <Input
                  className="l-field__input"
                  value={x.label}
                  maxlength={12}
                  placeholder="类别名称，如：草场纠纷"
                  aria-label={`第 ${i + 1} 个类别的名称`}
                  onInput={(e) => set(x.id, { label: e.detail.value })}
                />
                {x.key === null ? <Tag tone="info">新增</Tag> : null}
              </View>
              <View className="incident-chips">
                <Button size="small" inline kind="secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                  上移
                </Button>
                <Button
                  size="small"
                  inline
                  kind="secondary"
                  disabled={i === items.length - 1}
                  onClick={() => move(i, 1)}
                >
                  下移
                </Button>
                {x.key === CATCH_ALL_CATEGORY ? (
                  <Tag tone="plain">"其他"必须保留</Tag>
                ) : (
                  <ConfirmButton
                    size="small"
                    inline
                    kind="danger"
                    confirmTitle="删除这个类别？"
                    confirm={`删除"${x.label || '新类别'}"后，群众不能再选它上报；已经上报的事件不受影响。保存后才生效。`}
                    confirmText="删除"
                    onConfirm={() => setItems((xs) => xs.filter((y) => y.id !== x.id))}
                  >
                    删除
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
            添加类别
          </Button>
          <ConfirmButton
            loading={saving}
            loadingText="正在保存…"
            confirmTitle="保存事件类别？"
            confirm={`保存后，${current.data.county.name}的群众上报时马上看到新的类别。`}
            confirmText="保存"
            onConfirm={() => void save()}
          >
            保存
          </ConfirmButton>
        </Card>
      )}
    </Page>
  )
}
