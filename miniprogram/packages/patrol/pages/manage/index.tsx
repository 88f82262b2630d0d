import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { patrolContract } from '@shared/patrol/patrol.contract'
import type { Setup } from '@shared/patrol/patrol.schema'
import {
  Button,
  Card,
  Empty,
  ErrorBlock,
  Field,
  Loading,
  Page,
  PickerField,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction, type CallResult } from '../../../../services/call-function'
import { unitsWith, useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
import { UnitChoice } from '../../components/unit-choice'
import { currentFix } from '../../services/location'
import '../../components/patrol.css'

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

function minuteOf(text: string): number | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  return h < 24 && min < 60 ? h * 60 + min : null
}

/** Set-up for captains and officials: teams and members, routes and checkpoints (with posters), shifts. */
export default function Manage() {
  const { me, error, reload } = useMe()
  const villages = me ? unitsWith(me, 'patrol_manage').filter((u) => u.level === 'village') : []
  const [picked, setPicked] = useState<string | null>(null)
  // the route made last on this screen is the one a new shift most likely walks
  const [newRouteId, setNewRouteId] = useState<string | null>(null)
  const villageId = picked ?? villages[0]?.id ?? null
  const setup = useQuery<Setup>(
    () =>
      villageId
        ? callFunction(patrolContract, 'getSetup', { villageId })
        : Promise.resolve({ ok: false, code: 'NONE', message: '' }),
    [villageId],
  )
  useDidShow(() => setup.reload())

  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!villageId)
    return (
      <Page>
        <Empty title="您不管理巡逻" text="村（社区）干部和巡逻队长可以在这里设置。" />
      </Page>
    )
  return (
    <Page title="巡逻设置" intro={setup.data?.village.fullName}>
      <UnitChoice options={villages} value={villageId} onChange={setPicked} />
      {setup.error ? <ErrorBlock message={setup.error.message} onRetry={setup.reload} /> : null}
      {!setup.data ? (
        <Loading />
      ) : (
        <View>
          <Teams setup={setup.data} villageId={villageId} onSaved={setup.reload} />
          <Routes setup={setup.data} villageId={villageId} onSaved={setup.reload} onRouteCreated={setNewRouteId} />
          {/* remounts when a route or team is added, so the pickers start from the current lists */}
          <Shifts
            key={`${setup.data.routes.length}-${setup.data.teams.length}`}
            setup={setup.data}
            villageId={villageId}
            onSaved={setup.reload}
            preferRouteId={newRouteId}
          />
        </View>
      )}
    </Page>
  )
}

interface SectionProps {
  setup: Setup
  villageId: string
  onSaved: () => void
  onRouteCreated?: (routeId: string) => void
  preferRouteId?: string | null
}

async function save<T>(p: Promise<CallResult<T>>, done: string): Promise<T | null> {
  const r = await p
  if (r.ok) {
    toastDone(done)
    return r.data
  }
  void showError(r.message, '没有保存')
  return null
}

function Teams({ setup, villageId, onSaved }: SectionProps) {
  const [editing, setEditing] = useState<string | 'new' | null>(null)
  const [name, setName] = useState('')
  const [captain, setCaptain] = useState<string | null>(null)
  const [members, setMembers] = useState<string[]>([])
  const open = (teamId: string | 'new') => {
    const t = setup.teams.find((x) => x.id === teamId)
    setEditing(teamId)
    setName(t?.name ?? '')
    setCaptain(t?.captain.id ?? null)
    setMembers(t?.members.map((m) => m.id) ?? [])
  }
  return (
    <Card title="巡逻队">
      {setup.teams.map((t) => (
        <Row
          key={t.id}
          title={t.name}
          sub={`队长 ${t.captain.name} · 队员 ${t.members.map((m) => m.name).join('、')}`}
          arrow
          onClick={() => open(t.id)}
        />
      ))}
      {editing ? (
        <View>
          <Field label="队名" value={name} onChange={setName} placeholder="如：旭日岭红袖套巡逻队" />
          <PickerField
            label="队长"
            options={setup.candidates.map((c) => ({ value: c.id, label: c.name }))}
            value={captain}
            onChange={setCaptain}
          />
          <View className="l-field__label">队员</View>
          <View className="l-choices">
            {setup.candidates.map((c) => (
              <View
                key={c.id}
                className={`l-choice${members.includes(c.id) ? ' l-choice--on' : ''}`}
                onClick={() =>
                  setMembers(members.includes(c.id) ? members.filter((m) => m !== c.id) : [...members, c.id])
                }
              >
                {c.name}
              </View>
            ))}
          </View>
          <Button
            disabled={!name.trim() || !captain}
            onClick={() => {
              void save(
                callFunction(patrolContract, 'saveTeam', {
                  villageId,
                  teamId: editing === 'new' ? undefined : editing,
                  name: name.trim(),
                  captainId: captain!,
                  memberIds: members,
                }),
                '已保存',
              ).then((t) => {
                if (t) {
                  setEditing(null)
                  onSaved()
                }
              })
            }}
          >
            保存巡逻队
          </Button>
        </View>
      ) : (
        <Button kind="secondary" size="small" onClick={() => open('new')}>
          新建巡逻队
        </Button>
      )}
    </Card>
  )
}

function Routes({ setup, villageId, onSaved, onRouteCreated }: SectionProps) {
  const [routeName, setRouteName] = useState('')
  const [routeId, setRouteId] = useState<string | null>(setup.routes[0]?.id ?? null)
  const [cpName, setCpName] = useState('')
  const [lat, setLat] = useState('')
  const [lng, setLng] = useState('')
  const [radius, setRadius] = useState('50')
  return (
    <Card title="路线和点位">
      {setup.routes.map((r) => (
        <View key={r.id} className="l-list__item">
          <View className="l-row__title">{r.name}</View>
          {r.checkpoints.map((c, i) => (
            <Row
              key={c.id}
              title={`${c.active ? `${i + 1}. ` : ''}${c.name}`}
              sub={`${c.location.lat.toFixed(5)}, ${c.location.lng.toFixed(5)} · 范围 ${c.radiusM} 米${c.active ? '' : ' · 已停用'}`}
              extra={c.active ? <Tag tone="info">张贴码</Tag> : undefined}
              arrow={c.active}
              onClick={
                c.active
                  ? () => void Taro.navigateTo({ url: `/packages/patrol/pages/poster/index?id=${c.id}` })
                  : undefined
              }
            />
          ))}
        </View>
      ))}
      <Field label="新路线名称" value={routeName} onChange={setRouteName} placeholder="如：县城主街环线" />
      <Button
        kind="secondary"
        size="small"
        disabled={!routeName.trim()}
        onClick={() => {
          void save(
            callFunction(patrolContract, 'createRoute', { villageId, name: routeName.trim() }),
            '路线已建好',
          ).then((r) => {
            if (r) {
              setRouteName('')
              setRouteId(r.id)
              onRouteCreated?.(r.id)
              onSaved()
            }
          })
        }}
      >
        新建路线
      </Button>
      {setup.routes.length ? (
        <View>
          <View className="l-card__title">添加点位</View>
          <PickerField
            label="加到哪条路线"
            options={setup.routes.map((r) => ({ value: r.id, label: r.name }))}
            value={routeId}
            onChange={setRouteId}
          />
          <Field label="点位名称" value={cpName} onChange={setCpName} placeholder="如：农贸市场北门" />
          <Field label="纬度" type="digit" value={lat} onChange={setLat} placeholder="31.62" />
          <Field label="经度" type="digit" value={lng} onChange={setLng} placeholder="99.99" />
          <Button
            kind="secondary"
            size="small"
            onClick={() => {
              void currentFix().then(
                (f) => {
                  setLat(f.lat.toFixed(6))
                  setLng(f.lng.toFixed(6))
                },
                (e: Error) => void showError(e.message),
              )
            }}
          >
            用我现在的位置
          </Button>
          <Field
            label="范围（米）"
            type="number"
            value={radius}
            onChange={setRadius}
            hint="在这个距离内打卡算到点，默认 50 米"
          />
          <Button
            disabled={
              !routeId ||
              !cpName.trim() ||
              !Number.isFinite(Number.parseFloat(lat)) ||
              !Number.isFinite(Number.parseFloat(lng))
            }
            onClick={() => {
              void save(
                callFunction(patrolContract, 'saveCheckpoint', {
                  routeId: routeId!,
                  name: cpName.trim(),
                  location: { lat: Number.parseFloat(lat), lng: Number.parseFloat(lng), datum: 'gcj02' },
                  radiusM: Number.parseInt(radius, 10) || 50,
                  active: true,
                }),
                '点位已添加',
              ).then((r) => {
                if (r) {
                  setCpName('')
                  onSaved()
                }
              })
            }}
          >
            添加点位
          </Button>
        </View>
      ) : null}
    </Card>
  )
}

function Shifts({ setup, villageId, onSaved, preferRouteId }: SectionProps) {
  const [name, setName] = useState('')
  const [teamId, setTeamId] = useState<string | null>(setup.teams[0]?.id ?? null)
  const [routeId, setRouteId] = useState<string | null>(
    setup.routes.find((r) => r.id === preferRouteId)?.id ?? setup.routes[0]?.id ?? null,
  )
  const [startText, setStartText] = useState('08:00')
  const [duration, setDuration] = useState('120')
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5, 6, 7])
  const startMinute = minuteOf(startText)
  return (
    <Card title="班次">
      {setup.shifts.map((s) => (
        <Row
          key={s.id}
          title={`${s.name} ${s.time}`}
          sub={`${s.teamName} · ${s.routeName} · 每周${s.weekdays.map((d) => WEEKDAYS[d - 1]).join('')}${s.active ? '' : ' · 已停用'}`}
        />
      ))}
      <Field label="班次名称" value={name} onChange={setName} placeholder="如：早巡、晚巡" />
      <PickerField
        label="巡逻队"
        options={setup.teams.map((t) => ({ value: t.id, label: t.name }))}
        value={teamId}
        onChange={setTeamId}
      />
      <PickerField
        label="路线"
        options={setup.routes.map((r) => ({ value: r.id, label: r.name }))}
        value={routeId}
        onChange={setRouteId}
      />
      <Field
        label="开始时间（北京时间）"
        value={startText}
        onChange={setStartText}
        placeholder="08:00"
        error={startMinute === null ? '请按 08:00 这样填写' : null}
      />
      <Field label="时长（分钟）" type="number" value={duration} onChange={setDuration} />
      <View className="l-field__label">每周哪几天</View>
      <View className="l-choices">
        {WEEKDAYS.map((d, i) => (
          <View
            key={d}
            className={`l-choice${days.includes(i + 1) ? ' l-choice--on' : ''}`}
            onClick={() => setDays(days.includes(i + 1) ? days.filter((x) => x !== i + 1) : [...days, i + 1])}
          >{`周${d}`}</View>
        ))}
      </View>
      <Button
        disabled={!name.trim() || !teamId || !routeId || startMinute === null || !days.length}
        onClick={() => {
          void save(
            callFunction(patrolContract, 'saveShift', {
              villageId,
              name: name.trim(),
              teamId: teamId!,
              routeId: routeId!,
              startMinute: startMinute!,
              durationMinutes: Number.parseInt(duration, 10) || 120,
              weekdays: days,
              active: true,
            }),
            '班次已保存',
          ).then((r) => {
            if (r) {
              setName('')
              onSaved()
            }
          })
        }}
      >
        添加班次
      </Button>
    </Card>
  )
}
