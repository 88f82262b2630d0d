import Taro, { useRouter } from '@tarojs/taro'
import { ensureConsent } from '../../../../services/privacy'
import { useState } from 'react'
import type { TaskCategory } from '@shared/volunteer/volunteer.schema'
import { bjDay, bjDayStart } from '@shared/time/beijing'
import { Button, Card, Field, Page, PickerField } from '../../../../components'
import { useStrings } from '../../../../services/i18n'
import { useAction } from '../../../../services/use-call'
import { callFunction, day, report, ROOT, useCategoryOptions, useCountsOptions, usePageTitle, V } from '../../lib'
import { POST, WORDS } from '../../volunteer.strings'

const HOUR = 3_600_000

/** `YYYY-MM-DD` + `HH:mm` in Beijing time → epoch ms, or null. */
function parseBj(date: string, time: string): number | null {
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim())
  if (!t || !/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return null
  return bjDayStart(date.trim()) + (Number(t[1]) * 60 + Number(t[2])) * 60_000
}

/** An organisation's admin posts a task: what, where, when (Beijing time), how many, points. */
export default function PostTask() {
  const t = useStrings(POST)
  const w = useStrings(WORDS)
  const categories = useCategoryOptions()
  const counts = useCountsOptions()
  usePageTitle(t('nav'))
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
    <Page title={t('title')} intro={t('intro')}>
      <Card>
        <Field
          label={t('task_title')}
          value={title}
          onChange={setTitle}
          placeholder={t('task_title_ph')}
          maxlength={40}
        />
        <Field
          label={t('content')}
          value={description}
          onChange={setDescription}
          placeholder={t('content_ph')}
          maxlength={1000}
        />
        <PickerField label={w('category')} options={categories} value={category} onChange={setCategory} />
        <Field label={w('place')} value={placeName} onChange={setPlace} placeholder={t('place_ph')} maxlength={60} />
        <Field
          label={t('date')}
          value={date}
          onChange={setDate}
          placeholder="2026-03-05"
          hint={start ? day(start) : t('date_hint')}
        />
        <Field label={t('start')} value={time} onChange={setTime} placeholder="09:00" />
        <Field label={t('hours')} value={hours} onChange={setHours} type="digit" />
        <Field label={t('slots')} value={slots} onChange={setSlots} type="number" />
        <Field label={t('deadline')} value={deadlineHours} onChange={setDeadlineHours} type="digit" />
        <Field
          label={t('requirements')}
          value={requirements}
          onChange={setRequirements}
          placeholder={t('requirements_ph')}
        />
        <Field label={t('lat')} value={lat} onChange={setLat} type="digit" />
        <Field label={t('lng')} value={lng} onChange={setLng} type="digit" />
        <Button
          kind="secondary"
          onClick={() =>
            void ensureConsent('location')
              .then((ok) => (ok ? Taro.getLocation({ type: 'gcj02' }) : Promise.reject(new Error('no consent'))))
              .then((l) => {
                setLat(String(l.latitude))
                setLng(String(l.longitude))
              })
              .catch(() => undefined)
          }
        >
          {t('here')}
        </Button>
        <PickerField label={t('points')} options={counts} value={points} onChange={setPoints} />
        <Button
          loading={send.pending}
          onClick={() =>
            void report(send.run(null), t('published')).then((r) => {
              if (r) void Taro.redirectTo({ url: `${ROOT}/signups/index?taskId=${r.id}` })
            })
          }
        >
          {t('publish')}
        </Button>
      </Card>
    </Page>
  )
}
