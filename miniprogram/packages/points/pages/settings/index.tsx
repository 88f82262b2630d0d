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
import { t as ui, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, useQuery } from '../../../../services/use-call'
import { usePageTitle } from '../../common'
import { SETTINGS } from '../../points.strings'

/** Common choices as big buttons; any other number can still be typed. */
const PUBLICITY_CHOICES = [1, 3, 5, 7]
const PICKUP_CHOICES = [3, 7, 15, 30]

/** Village official: how many days points are published before they count, and how long a redemption can wait to be picked up. */
export default function Settings() {
  const t = useStrings(SETTINGS)
  usePageTitle(t('title'))
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
        <Empty title={t('cannot')} text={t('cannot_text')} />
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
    <Page title={t('title')} intro={village.fullName}>
      {villages.length > 1 ? (
        <Card>
          <PickerField
            label={t('which')}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
            value={villageId}
            onChange={setPicked}
          />
        </Card>
      ) : null}
      <Card title={t('publicity')}>
        <View className="l-field__hint">{t('publicity_hint')}</View>
        <PickerField
          label={t('common')}
          options={PUBLICITY_CHOICES.map((d) => ({ value: String(d), label: t('days', { n: d }) }))}
          value={publicity}
          onChange={setPublicity}
        />
        <Field
          label={t('publicity_field')}
          type="number"
          maxlength={2}
          value={publicity}
          onChange={(v) => setPublicity(v.replace(/\D/g, ''))}
          error={errors.publicityDays}
        />
      </Card>
      <Card title={t('pickup')}>
        <View className="l-field__hint">{t('pickup_hint')}</View>
        <PickerField
          label={t('common')}
          options={PICKUP_CHOICES.map((d) => ({ value: String(d), label: t('days', { n: d }) }))}
          value={pickup}
          onChange={setPickup}
        />
        <Field
          label={t('pickup_field')}
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
          confirm={t('confirm', { publicity, pickup })}
          onConfirm={() =>
            void save.run({ villageId, publicityDays: days(publicity), pickupDays: days(pickup) }).then((r) => {
              if (!r.ok) {
                setErrors(fieldErrors(r))
                return void showError(r.message)
              }
              setErrors({})
              toastDone(ui('ui.saved'))
              current.reload()
            })
          }
        >
          {ui('ui.save')}
        </ConfirmButton>
      </Card>
    </Page>
  )
}
