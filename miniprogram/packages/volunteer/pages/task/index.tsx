import Taro, { useRouter } from '@tarojs/taro'
import { ensureConsent } from '../../../../services/privacy'
import { askSubscribe } from '../../../../services/subscribe'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { checkInWindow, checkOutWindow } from '@shared/volunteer/volunteer.rules'
import {
  Button,
  Card,
  ConfirmButton,
  DataAge,
  ErrorBlock,
  Field,
  Loading,
  OutboxPanel,
  Page,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { readKept } from '../../../../services/kept'
import { queueCall } from '../../../../services/outbox'
import { IS_WEAPP } from '../../../../services/env'
import { t as common, useStrings } from '../../../../services/i18n'
import { useAction, useQuery } from '../../../../services/use-call'
import { callFunction, go, report, useNow, usePageTitle, V, when } from '../../lib'
import { TASK, WORDS } from '../../volunteer.strings'

type Clock = { kind: 'checkIn' | 'checkOut'; code?: string; location?: { lat: number; lng: number } }

/** One task: details, sign up / cancel, check in and out (scan the organiser's code, or by location). */
export default function TaskPage() {
  const t = useStrings(TASK)
  const w = useStrings(WORDS)
  usePageTitle(t('nav'))
  const id = useRouter().params.id ?? ''
  // kept on the phone: the task opens with no signal (a check-in by position is then kept and sent by itself)
  const kept = useQuery(() => readKept(`volunteer.task.${id}`, () => callFunction(V, 'getTask', { taskId: id })), [id])
  const q = { ...kept, data: kept.data?.value ?? null }
  const [code, setCode] = useState('')
  const now = useNow()
  const signup = useAction((_: null, requestId) => callFunction(V, 'signup', { taskId: id }, { requestId }))
  const cancel = useAction((_: null, requestId) => callFunction(V, 'cancelSignup', { taskId: id }, { requestId }))
  const [clocking, setClocking] = useState(false)
  /** check-in and out go through the outbox: with no signal they are kept and sent by themselves */
  const clock = async (input: Clock): Promise<boolean> => {
    setClocking(true)
    const r = await queueCall(
      V,
      input.kind,
      {
        taskId: id,
        ...(input.code ? { code: input.code } : {}),
        ...(input.location ? { location: { ...input.location, datum: 'gcj02' as const } } : {}),
      },
      { group: id, summary: q.data?.title ?? '' },
    ).finally(() => setClocking(false))
    const problem = !r.ok
      ? r.message
      : !r.outcome
        ? common('ui.outbox_saved_offline')
        : r.outcome.ok
          ? null
          : r.outcome.message
    if (problem !== null) {
      await showError(problem ?? '')
      return false
    }
    toastDone(input.kind === 'checkIn' ? t('checked_in') : t('checked_out'))
    return true
  }

  const task = q.data
  if (!task) return <Page>{q.error ? <ErrorBlock message={q.error.message} onRetry={q.reload} /> : <Loading />}</Page>
  const mine = task.mySignup && task.mySignup.status !== 'cancelled' ? task.mySignup : null

  async function doClock(kind: Clock['kind'], how: 'code' | 'location') {
    let input: Clock = { kind }
    if (how === 'code') {
      let value = code.trim()
      if (IS_WEAPP && !value) value = (await Taro.scanCode({ onlyFromCamera: true })).result
      input = { kind, code: value }
    } else {
      const loc = (await ensureConsent('location')) ? await Taro.getLocation({ type: 'gcj02' }).catch(() => null) : null
      if (!loc) return void showError(t('no_location'), t('no_location_title'))
      input = { kind, location: { lat: loc.latitude, lng: loc.longitude } }
    }
    if (await clock(input)) q.reload()
  }

  const out = !!mine?.checkInAt
  const window = out ? checkOutWindow(task.startAt, task.endAt) : checkInWindow(task.startAt, task.endAt)
  const range = { from: when(window.from), to: when(window.to) }
  return (
    <Page title={task.title} intro={`${task.org.name} · ${task.categoryLabel}`}>
      {kept.data?.offline ? <DataAge savedAt={kept.data.savedAt} offline /> : null}
      <OutboxPanel filter={(i) => i.fn === 'volunteer' && i.group === id} />
      <Card>
        <Row title={t('time')} sub={`${when(task.startAt)} – ${when(task.endAt)}`} />
        <Row title={w('place')} sub={task.placeName} />
        <Row
          title={t('slots')}
          sub={`${t('slots_value', { confirmed: task.confirmed, slots: task.slots })}${task.waitlisted ? t('slots_wait', { n: task.waitlisted }) : ''}`}
        />
        <Row title={t('deadline')} sub={when(task.signupDeadline)} />
        {task.requirements ? <Row title={t('requirements')} sub={task.requirements} /> : null}
        {task.contactName ? (
          <Row
            title={t('contact')}
            sub={`${task.contactName} ${task.contactPhone}${task.contactPhoneMasked ? ` ${t('phone_hidden')}` : ''}`}
          />
        ) : null}
        <Row
          title={t('points')}
          sub={task.pointsRule.earnsPoints ? t('points_yes', { hours: task.pointsRule.maxHours }) : t('points_no')}
        />
        <View className="l-page__intro">{task.description}</View>
      </Card>
      <Card title={t('mine')}>
        {mine ? (
          <View>
            <Row
              title={mine.statusLabel}
              sub={mine.waitPosition ? t('wait_place', { n: mine.waitPosition }) : undefined}
              extra={<Tag tone={mine.status === 'confirmed' ? 'success' : 'warning'}>{mine.attendanceLabel}</Tag>}
            />
            {mine.checkInAt ? <Row title={t('check_in_at')} sub={when(mine.checkInAt)} /> : null}
            {mine.checkOutAt ? <Row title={t('check_out_at')} sub={when(mine.checkOutAt)} /> : null}
            {mine.confirmedHours !== null ? (
              <Row
                title={t('confirmed_hours')}
                sub={
                  mine.points
                    ? t('hours_points', { hours: mine.confirmedHours, points: mine.points })
                    : w('hours', { hours: mine.confirmedHours })
                }
              />
            ) : null}
            {mine.status === 'confirmed' && (!mine.checkInAt || !mine.checkOutAt) ? (
              <View>
                <View className="l-page__intro">{out ? t('window_out', range) : t('window_in', range)}</View>
                <Field
                  label={t('code')}
                  value={code}
                  onChange={setCode}
                  placeholder={IS_WEAPP ? t('code_scan_hint') : t('code_type_hint')}
                />
                <Button loading={clocking} onClick={() => void doClock(out ? 'checkOut' : 'checkIn', 'code')}>
                  {out ? t('scan_out') : t('scan_in')}
                </Button>
                <Button
                  kind="secondary"
                  loading={clocking}
                  onClick={() => void doClock(out ? 'checkOut' : 'checkIn', 'location')}
                >
                  {out ? t('loc_out') : t('loc_in')}
                </Button>
              </View>
            ) : null}
            {!mine.checkInAt && now <= task.signupDeadline ? (
              <ConfirmButton
                kind="danger"
                loading={cancel.pending}
                confirm={t('cancel_q')}
                confirmText={t('cancel')}
                onConfirm={() => void report(cancel.run(null), t('cancelled')).then((r) => r && q.reload())}
              >
                {t('cancel')}
              </ConfirmButton>
            ) : null}
          </View>
        ) : task.status === 'open' && now <= task.signupDeadline ? (
          <Button
            loading={signup.pending}
            onClick={() =>
              void report(signup.run(null), t('joined')).then(async (r) => {
                if (!r) return
                await askSubscribe('signup')
                q.reload()
              })
            }
          >
            {task.confirmed >= task.slots ? t('join_wait') : t('join')}
          </Button>
        ) : (
          <Row title={t('closed')} />
        )}
      </Card>
      {task.canManage ? (
        <Card>
          <Row title={t('manage')} arrow onClick={() => go('signups', `taskId=${task.id}`)} />
        </Card>
      ) : null}
    </Page>
  )
}
