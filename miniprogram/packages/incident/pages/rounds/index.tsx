import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { incidentContract } from '@shared/incident/incident.contract'
import type { RoundView } from '@shared/incident/incident.schema'
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
import { callFunction, type CallResult } from '../../../../services/call-function'
import { fmt, useNavTitle, useStrings } from '../../../../services/i18n'
import { useQuery } from '../../../../services/use-call'
import { ROUNDS } from '../../incident.strings'
import '../../incident.css'

/** A round under way: pick a household, note what you found, record it; turn a visit into a report in one tap. */
function Walk(props: { round: RoundView; done: () => void }) {
  const t = useStrings(ROUNDS)
  const r = props.round
  const [household, setHousehold] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const config = useQuery(() => callFunction(incidentContract, 'getConfig', { gridId: r.grid.id }), [r.grid.id])
  const [category, setCategory] = useState<string | null>(null)
  async function run(p: Promise<CallResult<unknown>>, ok: string) {
    setBusy(true)
    const res = await p
    setBusy(false)
    if (!res.ok) return void showError(res.message)
    toastDone(ok)
    props.done()
  }
  const open = r.finishedAt === null
  return (
    <Card
      title={
        open
          ? t('started', { slot: r.slotLabel, at: fmt.time(r.startedAt) })
          : t('finished', { slot: r.slotLabel, n: r.visits.length })
      }
    >
      {open ? (
        <>
          <PickerField
            label={t('household')}
            options={r.households.map((h) => ({ value: h.id, label: `${h.name} · ${h.address}` }))}
            value={household}
            onChange={setHousehold}
          />
          <Field
            label={t('visit_note')}
            value={note}
            onChange={setNote}
            placeholder={t('visit_hint')}
            maxlength={200}
          />
          <Button
            loading={busy}
            disabled={!household || !note.trim()}
            onClick={() =>
              void run(
                callFunction(incidentContract, 'visitHousehold', { roundId: r.id, householdId: household!, note }),
                t('visited'),
              ).then(() => {
                setNote('')
                setHousehold(null)
              })
            }
          >
            {t('add_visit')}
          </Button>
        </>
      ) : null}
      <View className="l-field__label">{t('visits', { n: r.visits.length })}</View>
      {!r.visits.length ? <Empty title={t('none_visits')} /> : null}
      {r.visits.map((v, i) => (
        <View key={`${v.householdId}-${v.at}`} className="incident-event">
          <Row
            title={v.householdName}
            sub={`${fmt.time(v.at)} · ${v.note}`}
            extra={v.incidentId ? <Tag tone="success">{t('reported')}</Tag> : null}
            arrow={!!v.incidentId}
            onClick={
              v.incidentId
                ? () => void Taro.navigateTo({ url: `/packages/incident/pages/detail/index?id=${v.incidentId}` })
                : undefined
            }
          />
          {!v.incidentId ? (
            <>
              <PickerField
                label={t('report_as')}
                options={(config.data?.categories ?? []).map((c) => ({ value: c.key, label: c.label }))}
                value={category}
                onChange={setCategory}
              />
              <Button
                kind="secondary"
                loading={busy}
                disabled={!category}
                onClick={() =>
                  void run(
                    callFunction(incidentContract, 'reportFromVisit', {
                      roundId: r.id,
                      visit: i,
                      category: category!,
                      severity: 'normal',
                      description: '',
                      photos: [],
                    }),
                    t('reported'),
                  )
                }
              >
                {t('report')}
              </Button>
            </>
          ) : null}
        </View>
      ))}
      {open ? (
        <ConfirmButton
          loading={busy}
          confirmTitle={t('finish_title')}
          confirm={t('finish_confirm')}
          confirmText={t('finish')}
          onConfirm={() => void run(callFunction(incidentContract, 'finishRound', { roundId: r.id }), t('done'))}
        >
          {t('finish')}
        </ConfirmButton>
      ) : null}
    </Card>
  )
}

/** 一日两巡、五访五问: today's rounds of the grids I walk. */
export default function Rounds() {
  const t = useStrings(ROUNDS)
  useNavTitle(t('nav'))
  const q = useQuery(() => callFunction(incidentContract, 'myRounds', {}), [])
  const [busy, setBusy] = useState(false)
  if (!q.data) return <Page>{q.error ? <ErrorBlock message={q.error.message} onRetry={q.reload} /> : <Loading />}</Page>
  return (
    <Page title={t('nav')} intro={t('intro')}>
      {!q.data.grids.length ? <Empty title={t('no_grid')} /> : null}
      {q.data.grids.map((g) => {
        const done = g.rounds.filter((r) => r.finishedAt !== null).length
        const walking = g.rounds.find((r) => r.finishedAt === null)
        return (
          <View key={g.grid.id}>
            <Card>
              <Row title={t('today', { grid: g.grid.name, done, due: g.due })} />
              {!walking && done < g.due ? (
                <Button
                  loading={busy}
                  onClick={() => {
                    setBusy(true)
                    void callFunction(incidentContract, 'startRound', { gridId: g.grid.id }).then((r) => {
                      setBusy(false)
                      if (!r.ok) return void showError(r.message)
                      q.reload()
                    })
                  }}
                >
                  {t('start')}
                </Button>
              ) : null}
            </Card>
            {g.rounds.map((r) => (
              <Walk key={r.id} round={r} done={q.reload} />
            ))}
          </View>
        )
      })}
    </Page>
  )
}
