import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import type { UnitRef } from '@shared/account/account.schema'
import { Button, Card, Empty, Field, Page, showError } from '../../../../components'
import { callFunction, fieldErrors } from '../../../../services/call-function'
import { useStrings } from '../../../../services/i18n'
import { forgetMe, useMe } from '../../../../services/me'
import { useTitle } from '../../../../services/title'
import { useAction } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'
import { HouseholdList, type HouseholdItem } from '../../components/household-list'
import { UnitBrowser } from '../../components/unit-browser'
import { Waiting } from '../../components/waiting'

function backToMe() {
  void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' }))
}

function HouseholdStep(props: { grid: UnitRef; onPick: (household: HouseholdItem) => void }) {
  const t = useStrings(ACCOUNT_PAGES)
  return (
    <Page title={t('res.step3')} intro={t('res.step3_intro')}>
      <HouseholdList grid={props.grid} onPick={props.onPick} />
      <Button kind="secondary" onClick={backToMe}>
        {t('res.later')}
      </Button>
    </Page>
  )
}

/** The request itself: the household chosen, a word for the head, and the submit. */
function AskStep(props: { household: HouseholdItem; onBack: () => void; onAsked: () => void }) {
  const t = useStrings(ACCOUNT_PAGES)
  const [note, setNote] = useState('')
  const [noteError, setNoteError] = useState<string | null>(null)
  const ask = useAction((input: { householdId: string; note: string }, requestId: string) =>
    callFunction(accountContract, 'requestJoin', input, { requestId }),
  )
  const submit = async () => {
    setNoteError(null)
    const r = await ask.run({ householdId: props.household.id, note })
    if (r.ok) return props.onAsked()
    const onField = fieldErrors(r).note
    if (onField) setNoteError(onField)
    else void showError(r.message)
  }
  const h = props.household
  return (
    <Page title={t('res.step3')}>
      <Card>
        <View className="l-row__title">{h.address || t('res.no_number')}</View>
        <View className="l-row__sub">{t('res.head', { name: h.headName })}</View>
        <Field
          label={t('res.note')}
          value={note}
          onChange={setNote}
          placeholder={t('res.note_ph')}
          maxlength={100}
          error={noteError}
        />
      </Card>
      <Button loading={ask.pending} loadingText={t('res.asking')} onClick={() => void submit()}>
        {t('res.ask')}
      </Button>
      <Button kind="secondary" onClick={props.onBack}>
        {t('res.other')}
      </Button>
    </Page>
  )
}

/**
 * Where I live, in steps: the grid (a walk down the tree), confirmed and saved; then, if I like, a request to
 * join my household there, which its head or the grid worker approves. From 我的 with `?join=1` and a residence
 * already set, it starts at the household.
 */
export default function Residence() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('res.title'))
  const { me, error, reload } = useMe()
  const joinOnly = useRouter().params.join === '1'
  const [grid, setGrid] = useState<UnitRef | null>(null)
  const [saved, setSaved] = useState<UnitRef | null>(null)
  const [household, setHousehold] = useState<HouseholdItem | null>(null)
  const [asked, setAsked] = useState(false)
  const save = useAction((input: { gridId: string }, requestId: string) =>
    callFunction(accountContract, 'setResidence', input, { requestId }),
  )

  if (!me) return <Waiting error={error} onRetry={reload} />
  const home = saved ?? (joinOnly ? me.user.residence : null)

  if (asked) {
    return (
      <Page>
        <Empty title={t('res.asked')} text={t('res.asked_text')} mark="✓">
          <Button onClick={backToMe}>{t('res.back_me')}</Button>
        </Empty>
      </Page>
    )
  }
  if (home && household) {
    return (
      <AskStep
        household={household}
        onBack={() => setHousehold(null)}
        onAsked={() => {
          forgetMe()
          setAsked(true)
        }}
      />
    )
  }
  if (home) return <HouseholdStep grid={home} onPick={setHousehold} />
  if (!grid) {
    return (
      <Page title={t('res.step1')} intro={t('res.step1_intro')}>
        <Card>
          <UnitBrowser roots={null} canSelect={(u) => u.level === 'grid'} onSelect={setGrid} />
        </Card>
      </Page>
    )
  }
  const submit = async () => {
    const r = await save.run({ gridId: grid.id })
    if (!r.ok) return void showError(r.message)
    forgetMe()
    setSaved(r.data.residence)
  }
  return (
    <Page title={t('res.step2')}>
      <Card title={t('res.live_in')}>
        <View className="l-row__title">{grid.fullName}</View>
      </Card>
      <Button loading={save.pending} loadingText={t('res.saving')} onClick={() => void submit()}>
        {t('res.save')}
      </Button>
      <Button kind="secondary" onClick={() => setGrid(null)}>
        {t('res.rechoose')}
      </Button>
    </Page>
  )
}
