import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { translator } from '@shared/i18n/i18n'
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
import { fmt, getLang, t as common, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useQuery } from '../../../../services/use-call'
import { usePageTitle } from '../../components/page-title'
import { UnitChoice } from '../../components/unit-choice'
import { MANAGE, PATROL_UI } from '../../patrol.strings'
import { currentFix } from '../../services/location'
import '../../components/patrol.css'

/** ISO weekdays, Monday first */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

function minuteOf(text: string): number | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  return h < 24 && min < 60 ? h * 60 + min : null
}

/** Set-up for captains and officials: teams and members, routes and checkpoints (with posters), shifts. */
export default function Manage() {
  const t = useStrings(MANAGE)
  usePageTitle(t('title'))
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
        <Empty title={t('not_manager')} text={t('not_manager_text')} />
      </Page>
    )
  return (
    <Page title={t('heading')} intro={setup.data?.village.fullName}>
      <UnitChoice options={villages} value={villageId} onChange={setPicked} />
      {setup.error ? <ErrorBlock message={setup.error.message} onRetry={setup.reload} /> : null}
      {!setup.data ? (
        <Loading />
      ) : (
        <View>
          <Rule setup={setup.data} villageId={villageId} onSaved={setup.reload} />
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

const ui = translator(PATROL_UI, getLang)
const shortDay = (d: number) => `wd_short_${d}` as `wd_short_${(typeof WEEKDAYS)[number]}`

async function save<T>(p: Promise<CallResult<T>>, done: string): Promise<T | null> {
  const r = await p
  if (r.ok) {
    toastDone(done)
    return r.data
  }
  void showError(r.message, ui('not_saved'))
  return null
}
/** The village's rule for what a patrol earns: who set it, when and why; a change needs a reason. */
function Rule({ setup, villageId, onSaved }: SectionProps) {
  const t = useStrings(MANAGE)
  const rule = setup.settings
  const [pct, setPct] = useState(String(rule.coveragePct))
  const [why, setWhy] = useState('')
  const value = Number.parseInt(pct, 10)
  return (
    <Card title={t('rule')}>
      <View className="l-row__sub">{t('rule_now', { pct: rule.coveragePct })}</View>
      <View className="l-row__sub">{t('rule_time')}</View>
      <View className="l-row__sub">
        {rule.by && rule.at !== null
          ? t('rule_by', { name: rule.by.name, time: fmt.dateTime(rule.at), reason: rule.reason ?? '' })
          : t('rule_default')}
      </View>
      <Field label={t('pct')} type="number" value={pct} onChange={setPct} hint={t('pct_hint')} />
      <Field label={t('why')} value={why} onChange={setWhy} placeholder={t('why_placeholder')} maxlength={200} />
      <Button
        kind="secondary"
        size="small"
        disabled={!Number.isInteger(value) || value === rule.coveragePct || why.trim().length < 2}
        onClick={() => {
          void save(
            callFunction(patrolContract, 'saveSettings', { villageId, coveragePct: value, reason: why.trim() }),
            t('rule_saved'),
          ).then((r) => {
            if (r) {
              setWhy('')
              onSaved()
            }
          })
        }}
      >
        {t('save_rule')}
      </Button>
    </Card>
  )
}

function Teams({ setup, villageId, onSaved }: SectionProps) {
  const t = useStrings(MANAGE)
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
    <Card title={t('teams')}>
      {setup.teams.map((team) => (
        <Row
          key={team.id}
          title={team.name}
          sub={t('team_sub', { captain: team.captain.name, members: team.members.map((m) => m.name).join(ui('sep')) })}
          arrow
          onClick={() => open(team.id)}
        />
      ))}
      {editing ? (
        <View>
          <Field label={t('team_name')} value={name} onChange={setName} placeholder={t('team_name_placeholder')} />
          <PickerField
            label={t('captain')}
            options={setup.candidates.map((c) => ({ value: c.id, label: c.name }))}
            value={captain}
            onChange={setCaptain}
          />
          <View className="l-field__label">{t('members')}</View>
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
                common('ui.saved'),
              ).then((team) => {
                if (team) {
                  setEditing(null)
                  onSaved()
                }
              })
            }}
          >
            {t('save_team')}
          </Button>
        </View>
      ) : (
        <Button kind="secondary" size="small" onClick={() => open('new')}>
          {t('new_team')}
        </Button>
      )}
    </Card>
  )
}

function Routes({ setup, villageId, onSaved, onRouteCreated }: SectionProps) {
  const t = useStrings(MANAGE)
  const [routeName, setRouteName] = useState('')
  const [routeId, setRouteId] = useState<string | null>(setup.routes[0]?.id ?? null)
  const [cpName, setCpName] = useState('')
  const [lat, setLat] = useState('')
  const [lng, setLng] = useState('')
  const [radius, setRadius] = useState('50')
  return (
    <Card title={t('routes')}>
      {setup.routes.map((r) => (
        <View key={r.id} className="l-list__item">
          <View className="l-row__title">{r.name}</View>
          {r.checkpoints.map((c, i) => (
            <Row
              key={c.id}
              title={`${c.active ? `${i + 1}. ` : ''}${c.name}`}
              sub={[
                `${c.location.lat.toFixed(5)}, ${c.location.lng.toFixed(5)}`,
                t('radius_of', { r: c.radiusM }),
                c.active ? '' : ui('retired'),
              ]
                .filter(Boolean)
                .join(' · ')}
              extra={c.active ? <Tag tone="info">{t('poster')}</Tag> : undefined}
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
      <Field
        label={t('new_route_name')}
        value={routeName}
        onChange={setRouteName}
        placeholder={t('route_placeholder')}
      />
      <Button
        kind="secondary"
        size="small"
        disabled={!routeName.trim()}
        onClick={() => {
          void save(
            callFunction(patrolContract, 'createRoute', { villageId, name: routeName.trim() }),
            t('route_made'),
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
        {t('new_route')}
      </Button>
      {setup.routes.length ? (
        <View>
          <View className="l-card__title">{t('add_checkpoint')}</View>
          <PickerField
            label={t('which_route')}
            options={setup.routes.map((r) => ({ value: r.id, label: r.name }))}
            value={routeId}
            onChange={setRouteId}
          />
          <Field
            label={t('checkpoint_name')}
            value={cpName}
            onChange={setCpName}
            placeholder={t('checkpoint_placeholder')}
          />
          <Field label={common('field.lat')} type="digit" value={lat} onChange={setLat} placeholder="31.62" />
          <Field label={common('field.lng')} type="digit" value={lng} onChange={setLng} placeholder="99.99" />
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
            {t('my_position')}
          </Button>
          <Field label={t('radius')} type="number" value={radius} onChange={setRadius} hint={t('radius_hint')} />
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
                t('checkpoint_added'),
              ).then((r) => {
                if (r) {
                  setCpName('')
                  onSaved()
                }
              })
            }}
          >
            {t('add_checkpoint')}
          </Button>
        </View>
      ) : null}
    </Card>
  )
}

function Shifts({ setup, villageId, onSaved, preferRouteId }: SectionProps) {
  const t = useStrings(MANAGE)
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
    <Card title={t('shifts')}>
      {setup.shifts.map((s) => (
        <Row
          key={s.id}
          title={`${s.name} ${s.time}`}
          sub={[
            s.teamName,
            s.routeName,
            t('every_week', { days: s.weekdays.map((d) => t(shortDay(d))).join(ui('sep')) }),
            s.active ? '' : ui('retired'),
          ]
            .filter(Boolean)
            .join(' · ')}
        />
      ))}
      <Field label={t('shift_name')} value={name} onChange={setName} placeholder={t('shift_placeholder')} />
      <PickerField
        label={t('team')}
        options={setup.teams.map((t) => ({ value: t.id, label: t.name }))}
        value={teamId}
        onChange={setTeamId}
      />
      <PickerField
        label={t('route')}
        options={setup.routes.map((r) => ({ value: r.id, label: r.name }))}
        value={routeId}
        onChange={setRouteId}
      />
      <Field
        label={t('start_time')}
        value={startText}
        onChange={setStartText}
        placeholder="08:00"
        error={startMinute === null ? t('start_time_error') : null}
      />
      <Field label={t('duration')} type="number" value={duration} onChange={setDuration} />
      <View className="l-field__label">{t('which_days')}</View>
      <View className="l-choices">
        {WEEKDAYS.map((d) => (
          <View
            key={d}
            className={`l-choice${days.includes(d) ? ' l-choice--on' : ''}`}
            onClick={() => setDays(days.includes(d) ? days.filter((x) => x !== d) : [...days, d])}
          >
            {t(`wd_${d}`)}
          </View>
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
            t('shift_saved'),
          ).then((r) => {
            if (r) {
              setName('')
              onSaved()
            }
          })
        }}
      >
        {t('add_shift')}
      </Button>
    </Card>
  )
}
