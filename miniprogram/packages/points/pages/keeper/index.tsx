import '../../points.css'
import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import { pointsContract, PointsErrors } from '@shared/points/points.contract'
import type { RedemptionView } from '@shared/points/points.schema'
import { parsePickupQr } from '@shared/points/points.rules'
import {
  Button,
  Card,
  ConfirmButton,
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
import { callFunction } from '../../../../services/call-function'
import { scanQr } from '../../../../services/scan'
import { fmt, getLang, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction } from '../../../../services/use-call'
import { usePageTitle } from '../../common'
import { KEEPER } from '../../points.strings'

/** Store keeper: type the 6-digit code (or scan the QR), check the redemption, hand the goods over. */
export default function Keeper() {
  const t = useStrings(KEEPER)
  usePageTitle(t('title'))
  const { me, error, reload } = useMe()
  const villages = useMemo(() => (me ? unitsWith(me, 'redemption_fulfil') : []), [me])
  const [villageId, setVillageId] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [redemption, setRedemption] = useState<RedemptionView | null>(null)
  // the scanned QR of the code in the field (sent with it, so the server checks it is genuine); null when typed
  const [qr, setQr] = useState<string | null>(null)
  const [looking, setLooking] = useState(false)
  const fulfil = useAction((input: { villageId: string; code: string; qr?: string }, requestId) =>
    callFunction(pointsContract, 'fulfil', input, { requestId }),
  )
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!villages.length)
    return (
      <Page>
        <Empty title={t('not_keeper')} />
      </Page>
    )
  const vid = villageId ?? villages[0]!.id
  const lookup = async (c: string, v = vid, scanned: string | null = null) => {
    setLooking(true)
    const r = await callFunction(pointsContract, 'lookupPickup', {
      villageId: v,
      code: c,
      ...(scanned ? { qr: scanned } : {}),
    })
    setLooking(false)
    if (!r.ok) return void showError(r.message)
    setRedemption(r.data)
  }
  return (
    <Page title={t('title')} intro={t('intro')}>
      <Card>
        {villages.length > 1 ? (
          <PickerField
            label={t('store')}
            options={villages.map((u) => ({ value: u.id, label: u.fullName }))}
            value={vid}
            onChange={setVillageId}
          />
        ) : null}
        <Field
          label={t('code')}
          type="number"
          maxlength={6}
          value={code}
          onChange={(v) => {
            setCode(v.replace(/\D/g, ''))
            setQr(null)
            setRedemption(null)
          }}
          placeholder={t('code_ph')}
        />
        <Button disabled={code.length !== 6} loading={looking} onClick={() => void lookup(code)}>
          {t('find')}
        </Button>
        <Button
          kind="secondary"
          onClick={() =>
            void scanQr().then((text) => {
              if (text === null) return
              const p = parsePickupQr(text)
              if (!p) return void showError(PointsErrors.BAD_QR.messageIn(getLang()))
              setCode(p.code)
              setQr(text)
              if (!villages.some((v) => v.id === p.villageId)) return void showError(t('not_this_store'))
              setVillageId(p.villageId)
              void lookup(p.code, p.villageId, text)
            })
          }
        >
          {t('scan')}
        </Button>
      </Card>
      {redemption ? (
        <Card title={t('redemption')}>
          <Row
            title={t('item', { goods: redemption.goodsName, n: redemption.quantity })}
            sub={t('who', {
              name: redemption.headName,
              user: redemption.userName,
              points: fmt.number(redemption.points),
            })}
            extra={<Tag tone={redemption.status === 'pending' ? 'warning' : 'plain'}>{redemption.statusLabel}</Tag>}
          />
          {redemption.status === 'pending' ? (
            <ConfirmButton
              loading={fulfil.pending}
              confirm={t('hand_confirm', {
                goods: redemption.goodsName,
                n: redemption.quantity,
                name: redemption.headName,
              })}
              onConfirm={() =>
                void fulfil.run({ villageId: vid, code, ...(qr ? { qr } : {}) }).then((r) => {
                  if (!r.ok) return void showError(r.message)
                  setRedemption(r.data)
                  if (r.data.status === 'fulfilled') toastDone(t('handed'))
                  else void showError(t('expired'))
                })
              }
            >
              {t('hand')}
            </ConfirmButton>
          ) : (
            <View>{t('closed', { status: redemption.statusLabel })}</View>
          )}
        </Card>
      ) : null}
    </Page>
  )
}
