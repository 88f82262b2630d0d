import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import { pointsContract } from '@shared/points/points.contract'
import {
  Card,
  ConfirmButton,
  Empty,
  ErrorBlock,
  Field,
  Loading,
  Page,
  PickerField,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction, fieldErrors } from '../../../../services/call-function'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, useQuery } from '../../../../services/use-call'

/** Common choices as big buttons; any other number can still be typed. */
const PUBLICITY_CHOICES = [1, 3, 5, 7]
const PICKUP_CHOICES = [3, 7, 15, 30]

/** Village official: how many days points are published before they count, and how long a redemption can wait to be picked up. */
export default function Settings() {
  const { me, error, reload } = useMe()
  const villages = useMemo(() => (me ? unitsWith(me, 'points_rule_manage') : []), [me])
  const [picked, setPicked] = useState<string | null>(null)
  const villageId = picked ?? villages[0]?.id ?? null
  const current = useQuery(
    () =>
      villageId
        ? callFunction(pointsContract, 'getSettings', { villageId })
        : Promise.resolve({ ok: true as const, data: null }),
    [villageId],
  )
  const [publicity, setPublicity] = useState('')
  const [pickup, setPickup] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  // the fields start from the settings each time they load (another village, or reloaded after saving)
  const [shown, setShown] = useState<typeof current.data>(null)
  if (current.data !== shown) {
    setShown(current.data)
    if (current.data) {
      setPublicity(String(current.data.publicityDays))
      setPickup(String(current.data.pickupDays))
    }
  }
  const save = useAction((input: { villageId: string; publicityDays: number; pickupDays: number }, requestId) =>
    callFunction(pointsContract, 'saveSettings', input, { requestId }),
  )
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!villageId)
    return (
      <Page>
        <Empty title="您不能修改积分设置" text="只有村（社区）干部可以设置。" />
      </Page>
    )
  const village = villages.find((v) => v.id === villageId)!
  if (!current.data)
    return (
      <Page>
        {current.error ? <ErrorBlock message={current.error.message} onRetry={current.reload} /> : <Loading />}
      </Page>
    )
  const days = (s: string) => (/^\d+$/.test(s) ? Number(s) : NaN)
  const changed = days(publicity) !== current.data.publicityDays || days(pickup) !== current.data.pickupDays
  return (
    <Page title="公示和领取期限" intro={village.fullName}>
      {villages.length > 1 ? (
        <Card>
          <PickerField
            label="哪个村（社区）"
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
            value={villageId}
            onChange={setPicked}
          />
        </Card>
      ) : null}
      <Card title="积分公示几天">
        <View className="l-field__hint">评定通过后先公示，这些天里群众可以提异议；期满没有异议才计入各户。</View>
        <PickerField
          label="常用"
          options={PUBLICITY_CHOICES.map((d) => ({ value: String(d), label: `${d} 天` }))}
          value={publicity}
          onChange={setPublicity}
        />
        <Field
          label="或者填天数（1 到 30）"
          type="number"
          maxlength={2}
          value={publicity}
          onChange={(v) => setPublicity(v.replace(/\D/g, ''))}
          error={errors.publicityDays}
        />
      </Card>
      <Card title="兑换后几天内领取">
        <View className="l-field__hint">过了期限没来领，兑换单作废，积分和库存退回。</View>
        <PickerField
          label="常用"
          options={PICKUP_CHOICES.map((d) => ({ value: String(d), label: `${d} 天` }))}
          value={pickup}
          onChange={setPickup}
        />
        <Field
          label="或者填天数（1 到 60）"
          type="number"
          maxlength={2}
          value={pickup}
          onChange={(v) => setPickup(v.replace(/\D/g, ''))}
          error={errors.pickupDays}
        />
      </Card>
      <Card>
        <ConfirmButton
          disabled={!changed || !publicity || !pickup}
          loading={save.pending}
          confirm={`以后评定的积分公示 ${publicity} 天，兑换后 ${pickup} 天内领取。已经在公示的积分和已下的兑换单不变。确定保存？`}
          onConfirm={() =>
            void save.run({ villageId, publicityDays: days(publicity), pickupDays: days(pickup) }).then((r) => {
              if (!r.ok) {
                setErrors(fieldErrors(r))
                return void showError(r.message)
              }
              setErrors({})
              toastDone('已保存')
              current.reload()
            })
          }
        >
          保存
        </ConfirmButton>
      </Card>
    </Page>
  )
}
