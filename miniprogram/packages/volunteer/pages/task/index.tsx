import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { Button, Card, ConfirmButton, ErrorBlock, Field, Loading, Page, Row, Tag } from '../../../../components'
import { useAction, useQuery } from '../../../../services/use-call'
import { IS_WEAPP } from '../../../../services/env'
import { callFunction, go, report, useNow, V, when } from '../../lib'

/** One task: details, sign up / cancel, check in and out (scan the organiser's code, or by location). */
export default function TaskPage() {
  const id = useRouter().params.id ?? ''
  const q = useQuery(() => callFunction(V, 'getTask', { taskId: id }), [id])
  const [code, setCode] = useState('')
  const now = useNow()
  const signup = useAction((_: null, requestId) => callFunction(V, 'signup', { taskId: id }, { requestId }))
  const cancel = useAction((_: null, requestId) => callFunction(V, 'cancelSignup', { taskId: id }, { requestId }))
  const clock = useAction(
    (input: { kind: 'checkIn' | 'checkOut'; code?: string; location?: { lat: number; lng: number } }, requestId) =>
      callFunction(
        V,
        input.kind,
        {
          taskId: id,
          ...(input.code ? { code: input.code } : {}),
          ...(input.location ? { location: { ...input.location, datum: 'gcj02' as const } } : {}),
        },
        { requestId },
      ),
  )

  const t = q.data
  if (!t) return <Page>{q.error ? <ErrorBlock message={q.error.message} onRetry={q.reload} /> : <Loading />}</Page>
  const mine = t.mySignup && t.mySignup.status !== 'cancelled' ? t.mySignup : null

  async function doClock(kind: 'checkIn' | 'checkOut', how: 'code' | 'location') {
    let input: { kind: 'checkIn' | 'checkOut'; code?: string; location?: { lat: number; lng: number } } = { kind }
    if (how === 'code') {
      let value = code.trim()
      if (IS_WEAPP && !value) value = (await Taro.scanCode({ onlyFromCamera: true })).result
      input = { kind, code: value }
    } else {
      const loc = await Taro.getLocation({ type: 'gcj02' }).catch(() => null)
      if (!loc)
        return void Taro.showModal({
          title: '没有拿到位置',
          content: '请允许获取位置，或扫组织者的签到码。',
          showCancel: false,
        })
      input = { kind, location: { lat: loc.latitude, lng: loc.longitude } }
    }
    if (await report(clock.run(input), kind === 'checkIn' ? '已签到' : '已签退')) q.reload()
  }

  return (
    <Page title={t.title} intro={`${t.org.name} · ${t.categoryLabel}`}>
      <Card>
        <Row title="时间" sub={`${when(t.startAt)} – ${when(t.endAt)}`} />
        <Row title="地点" sub={t.placeName} />
        <Row
          title="名额"
          sub={`${t.confirmed} / ${t.slots} 人已报名${t.waitlisted ? `，${t.waitlisted} 人候补` : ''}`}
        />
        <Row title="报名截止" sub={when(t.signupDeadline)} />
        {t.requirements ? <Row title="要求" sub={t.requirements} /> : null}
        {t.contactName ? <Row title="联系人" sub={`${t.contactName} ${t.contactPhone}`} /> : null}
        <Row
          title="积分"
          sub={
            t.pointsRule.earnsPoints
              ? `确认的时长按村规计入家庭积分（最多 ${t.pointsRule.maxHours} 小时）`
              : '本任务不计积分'
          }
        />
        <View className="l-page__intro">{t.description}</View>
      </Card>
      <Card title="我的报名">
        {mine ? (
          <View>
            <Row
              title={mine.statusLabel}
              sub={mine.waitPosition ? `候补第 ${mine.waitPosition} 位，有人取消会自动递补` : undefined}
              extra={<Tag tone={mine.status === 'confirmed' ? 'success' : 'warning'}>{mine.attendanceLabel}</Tag>}
            />
            {mine.checkInAt ? <Row title="签到时间" sub={when(mine.checkInAt)} /> : null}
            {mine.checkOutAt ? <Row title="签退时间" sub={when(mine.checkOutAt)} /> : null}
            {mine.confirmedHours !== null ? (
              <Row title="确认时长" sub={`${mine.confirmedHours} 小时${mine.points ? `，积分 +${mine.points}` : ''}`} />
            ) : null}
            {mine.status === 'confirmed' && (!mine.checkInAt || !mine.checkOutAt) ? (
              <View>
                <Field
                  label="签到码"
                  value={code}
                  onChange={setCode}
                  placeholder={IS_WEAPP ? '点下面的按钮扫码' : '输入组织者出示的签到码'}
                />
                <Button
                  loading={clock.pending}
                  onClick={() => void doClock(mine.checkInAt ? 'checkOut' : 'checkIn', 'code')}
                >
                  {mine.checkInAt ? '扫码签退' : '扫码签到'}
                </Button>
                <Button
                  kind="secondary"
                  loading={clock.pending}
                  onClick={() => void doClock(mine.checkInAt ? 'checkOut' : 'checkIn', 'location')}
                >
                  {mine.checkInAt ? '用定位签退' : '用定位签到'}
                </Button>
              </View>
            ) : null}
            {!mine.checkInAt && now <= t.signupDeadline ? (
              <ConfirmButton
                kind="danger"
                loading={cancel.pending}
                confirm="取消后名额会让给候补的人，确定取消吗？"
                confirmText="取消报名"
                onConfirm={() => void report(cancel.run(null), '已取消').then((r) => r && q.reload())}
              >
                取消报名
              </ConfirmButton>
            ) : null}
          </View>
        ) : t.status === 'open' && now <= t.signupDeadline ? (
          <Button
            loading={signup.pending}
            onClick={() => void report(signup.run(null), '报名成功').then((r) => r && q.reload())}
          >
            {t.confirmed >= t.slots ? '报名候补' : '我要报名'}
          </Button>
        ) : (
          <Row title="报名已截止" />
        )}
      </Card>
      {t.canManage ? (
        <Card>
          <Row title="报名名单和确认时长" arrow onClick={() => go('signups', `taskId=${t.id}`)} />
        </Card>
      ) : null}
    </Page>
  )
}
