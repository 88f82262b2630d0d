import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { TASK_CATEGORY_NAMES, type TaskCategory } from '@shared/volunteer/volunteer.schema'
import { say } from '../../../../services/i18n'
import { bjDay, bjDayStart, formatBj } from '@shared/time/beijing'
import { Button, Card, Field, Page, PickerField } from '../../../../components'
import { useAction } from '../../../../services/use-call'
import { callFunction, report, V } from '../../lib'

const CATEGORIES = TASK_CATEGORY_NAMES.map((c) => ({ value: c, label: say({ key: `volunteer.category.${c}` }) }))
const HOUR = 3_600_000

/** `YYYY-MM-DD` + `HH:mm` in Beijing time → epoch ms, or null. */
function parseBj(date: string, time: string): number | null {
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim())
  if (!t || !/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return null
  return bjDayStart(date.trim()) + (Number(t[1]) * 60 + Number(t[2])) * 60_000
}

/** An organisation's admin posts a task: what, where, when (Beijing time), how many, points. */
export default function PostTask() {
  const orgId = useRouter().params.orgId ?? ''
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [category, setCategory] = useState<TaskCategory>('environment')
  const [placeName, setPlace] = useState('')
  // tomorrow, read once when the page opens
  const [date, setDate] = useState(() => bjDay(Date.now() + 24 * HOUR))
  const [time, setTime] = useState('09:00')
  const [hours, setHours] = useState('2')
  const [slots, setSlots] = useState('10')
  const [deadlineHours, setDeadlineHours] = useState('12')
  const [requirements, setRequirements] = useState('')
  const [lat, setLat] = useState('31.6232')
  const [lng, setLng] = useState('99.9905')
  const [points, setPoints] = useState<'yes' | 'no'>('yes')
  const send = useAction((_: null, requestId) => {
    const startAt = parseBj(date, time) ?? 0
    return callFunction(
      V,
      'publishTask',
      {
        orgId,
        title,
        description,
        category,
        placeName,
        location: { lat: Number(lat), lng: Number(lng), datum: 'gcj02' },
        startAt,
        endAt: startAt + Math.round(Number(hours) * HOUR),
        slots: Number(slots) || 0,
        signupDeadline: startAt - Math.round(Number(deadlineHours) * HOUR),
        requirements,
        pointsRule: { earnsPoints: points === 'yes', maxHours: 8 },
      },
      { requestId },
    )
  })
  const start = parseBj(date, time)
  return (
    <Page title="发布志愿任务" intro="时间按北京时间填写。">
      <Card>
        <Field label="标题" value={title} onChange={setTitle} placeholder="例如：社区环境大扫除" maxlength={40} />
        <Field
          label="内容"
          value={description}
          onChange={setDescription}
          placeholder="做什么、带什么"
          maxlength={1000}
        />
        <PickerField label="类别" options={CATEGORIES} value={category} onChange={setCategory} />
        <Field label="地点" value={placeName} onChange={setPlace} placeholder="例如：社区广场" maxlength={60} />
        <Field
          label="日期"
          value={date}
          onChange={setDate}
          placeholder="2026-03-05"
          hint={start ? formatBj(start, 'M月D日 dddd') : '格式：年-月-日'}
        />
        <Field label="开始时间" value={time} onChange={setTime} placeholder="09:00" />
        <Field label="持续几小时" value={hours} onChange={setHours} type="digit" />
        <Field label="名额" value={slots} onChange={setSlots} type="number" />
        <Field label="开始前几小时截止报名" value={deadlineHours} onChange={setDeadlineHours} type="digit" />
        <Field label="要求" value={requirements} onChange={setRequirements} placeholder="可不填" />
        <Field label="纬度（签到范围中心）" value={lat} onChange={setLat} type="digit" />
        <Field label="经度" value={lng} onChange={setLng} type="digit" />
        <Button
          kind="secondary"
          onClick={() =>
            void Taro.getLocation({ type: 'gcj02' })
              .then((l) => {
                setLat(String(l.latitude))
                setLng(String(l.longitude))
              })
              .catch(() => undefined)
          }
        >
          用我现在的位置
        </Button>
        <PickerField
          label="时长计入家庭积分"
          options={[
            { value: 'yes', label: '计入' },
            { value: 'no', label: '不计' },
          ]}
          value={points}
          onChange={setPoints}
        />
        <Button
          loading={send.pending}
          onClick={() =>
            void report(send.run(null), '已发布').then((r) => {
              if (r) void Taro.redirectTo({ url: `/packages/volunteer/pages/signups/index?taskId=${r.id}` })
            })
          }
        >
          发布
        </Button>
      </Card>
    </Page>
  )
}
