import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { Image, View } from '@tarojs/components'
import type { PhotoView } from '@shared/files'
import { pointsContract } from '@shared/points/points.contract'
import { MAX_EVIDENCE_PHOTOS } from '@shared/points/points.schema'
import { bjMonth } from '@shared/time/beijing'
import {
  Button,
  Card,
  ConfirmButton,
  Empty,
  ErrorBlock,
  Field,
  Loading,
  PagedList,
  Page,
  PhotoPicker,
  PickerField,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { Columns, lastMonths, useMonthSeries } from '../../../../components/chart'
import { callFunction } from '../../../../services/call-function'
import { fmt, t as common, useStrings } from '../../../../services/i18n'
import { hasPermission, unitsWith, useMe } from '../../../../services/me'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { pagedProps, signed, usePageTitle, useShownAgain, when } from '../../common'
import { REVIEW, SHARED } from '../../points.strings'

type Tab = 'propose' | 'approve' | 'objections' | 'figures'
const TABS = ['propose', 'approve', 'objections', 'figures'] as const

/** `refresh` reloads the rules and households but keeps the form: in WeChat, taking a photo hides and shows the page. */
function Propose({ villageId, userId, refresh }: { villageId: string; userId: string; refresh: number }) {
  const t = useStrings(REVIEW)
  const s = useStrings(SHARED)
  const rules = useQuery(() => callFunction(pointsContract, 'listRules', { villageId }), [villageId, refresh])
  const hh = useQuery(
    () => callFunction(pointsContract, 'listHouseholds', { villageId, page: 1, pageSize: 200 }),
    [villageId, refresh],
  )
  const [ruleId, setRuleId] = useState<string | null>(null)
  const [picked, setPicked] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<PhotoView[]>([])
  const [uploading, setUploading] = useState(false)
  const propose = useAction((input: Parameters<typeof callFunction<typeof pointsContract, 'propose'>>[2], requestId) =>
    callFunction(pointsContract, 'propose', input, { requestId }),
  )
  if (!rules.data || !hh.data)
    return rules.error || hh.error ? <ErrorBlock message={(rules.error ?? hh.error)!.message} /> : <Loading />
  const manual = rules.data.items.filter((r) => r.mode === 'manual')
  const rule = manual.find((r) => r.id === ruleId)
  const all = hh.data.items
  return (
    <Card title={t('tab_propose')}>
      <PickerField
        label={t('rule')}
        options={manual.map((r) => ({
          value: r.id,
          label: t('rule_option', { name: r.name, points: signed(r.points) }),
        }))}
        value={ruleId}
        onChange={setRuleId}
        placeholder={t('rule_ph')}
      />
      {rule ? (
        <View className="l-field__hint">
          {[
            rule.clause,
            rule.capPerMonth ? s('cap', { cap: rule.capPerMonth }) : '',
            rule.evidenceRequired ? s('needs_photo') : '',
          ]
            .filter(Boolean)
            .join(s('sep'))}
        </View>
      ) : null}
      <Field label={t('note')} value={note} onChange={setNote} placeholder={t('note_ph')} maxlength={200} />
      <PhotoPicker
        photos={photos}
        max={MAX_EVIDENCE_PHOTOS}
        userId={userId}
        onChange={setPhotos}
        onBusyChange={setUploading}
        hint={rule?.evidenceRequired ? t('photo_required') : t('photo_optional')}
      />
      <View className="l-field__label">{t('picked', { n: picked.length })}</View>
      <Button
        kind="secondary"
        size="small"
        onClick={() => setPicked(picked.length === all.length ? [] : all.map((h) => h.id))}
      >
        {picked.length === all.length ? t('pick_none') : t('pick_all')}
      </Button>
      {all.map((h) => {
        const on = picked.includes(h.id)
        return (
          <View
            key={h.id}
            data-testid="household"
            onClick={() => setPicked(on ? picked.filter((x) => x !== h.id) : [...picked, h.id])}
          >
            <Row
              title={`${on ? '☑' : '☐'} ${h.headName}`}
              sub={t('household', { address: h.address, n: fmt.number(h.balance) })}
            />
          </View>
        )
      })}
      {rule?.evidenceRequired && !photos.length && picked.length ? (
        <View className="l-field__error">{t('photo_first')}</View>
      ) : null}
      <ConfirmButton
        disabled={!rule || !picked.length || uploading || (rule.evidenceRequired && !photos.length)}
        loading={propose.pending}
        confirm={t('propose_confirm', { n: picked.length, rule: rule?.name ?? '', points: signed(rule?.points ?? 0) })}
        onConfirm={() =>
          void propose
            .run({
              villageId,
              ruleId: rule!.id,
              items: picked.map((householdId) => ({ householdId, quantity: 1, memberName: null })),
              note,
              evidence: photos.map((p) => p.fileId),
            })
            .then((r) => {
              if (!r.ok) return void showError(r.message)
              toastDone(t('proposed'))
              setPicked([])
              setPhotos([])
            })
        }
      >
        {t('propose')}
      </ConfirmButton>
    </Card>
  )
}

/** The proposer's photos, for the approving official to check before deciding; tap one to see it large. */
function Evidence({ photos }: { photos: PhotoView[] }) {
  const t = useStrings(REVIEW)
  const shown = photos.filter((p) => p.url)
  if (!photos.length) return <View className="l-field__hint">{t('no_photo')}</View>
  if (!shown.length) return <View className="l-field__hint">{t('photo_later')}</View>
  const urls = shown.map((p) => p.url)
  return (
    <View className="l-photos" data-testid="evidence">
      {shown.map((p, i) => (
        <Image
          key={p.fileId}
          className="l-photo__img"
          src={p.url}
          mode="aspectFill"
          ariaLabel={t('evidence_n', { n: i + 1 })}
          onClick={() => void Taro.previewImage({ urls, current: p.url }).catch(() => undefined)}
        />
      ))}
    </View>
  )
}

function Approvals({ villageId }: { villageId: string }) {
  const t = useStrings(REVIEW)
  const list = usePaged(
    (page) => callFunction(pointsContract, 'listBatches', { villageId, status: 'pending', page, pageSize: 10 }),
    [villageId],
  )
  const approve = useAction((input: { batchId: string }, requestId) =>
    callFunction(pointsContract, 'approveBatch', { ...input, note: '' }, { requestId }),
  )
  const reject = useAction((input: { batchId: string }, requestId) =>
    callFunction(pointsContract, 'rejectBatch', { ...input, note: t('reject_note') }, { requestId }),
  )
  const settle = useAction((_: object, requestId) =>
    callFunction(pointsContract, 'settlePublicity', { villageId }, { requestId }),
  )
  return (
    <>
      <Card title={t('settle_title')}>
        <ConfirmButton
          loading={settle.pending}
          confirm={t('settle_confirm')}
          onConfirm={() =>
            void settle.run({}).then((r) => {
              if (!r.ok) return void showError(r.message)
              toastDone(t('settled', { n: r.data.settled }))
            })
          }
        >
          {t('settle')}
        </ConfirmButton>
      </Card>
      <Card title={t('pending')}>
        <PagedList
          {...pagedProps(list)}
          keyOf={(b) => b.id}
          renderItem={(b) => (
            <View data-testid="batch">
              <Row
                title={t('batch', { rule: b.rule.name, n: b.households, points: signed(b.totalPoints) })}
                sub={t('batch_by', { name: b.proposedByName, at: when(b.proposedAt) }) + (b.note ? ` · ${b.note}` : '')}
              />
              <Evidence photos={b.evidence} />
              {b.canDecide ? (
                <>
                  <ConfirmButton
                    loading={approve.pending}
                    confirm={t('approve_confirm', { n: b.households })}
                    onConfirm={() =>
                      void approve.run({ batchId: b.id }).then((r) => {
                        if (!r.ok) return void showError(r.message)
                        toastDone(t('approved'))
                        list.reload()
                      })
                    }
                  >
                    {t('approve')}
                  </ConfirmButton>
                  <ConfirmButton
                    kind="danger"
                    loading={reject.pending}
                    confirm={t('reject_confirm')}
                    onConfirm={() =>
                      void reject.run({ batchId: b.id }).then((r) => {
                        if (!r.ok) return void showError(r.message)
                        toastDone(t('rejected'))
                        list.reload()
                      })
                    }
                  >
                    {t('reject')}
                  </ConfirmButton>
                </>
              ) : (
                <Tag tone="plain">{t('own')}</Tag>
              )}
            </View>
          )}
          emptyTitle={t('no_pending')}
        />
      </Card>
    </>
  )
}

function Objections({ villageId }: { villageId: string }) {
  const t = useStrings(REVIEW)
  const list = usePaged(
    (page) => callFunction(pointsContract, 'listObjections', { villageId, status: 'open', page, pageSize: 10 }),
    [villageId],
  )
  const resolve = useAction((input: { objectionId: string; decision: 'uphold' | 'withdraw' }, requestId) =>
    callFunction(
      pointsContract,
      'resolveObjection',
      { ...input, note: input.decision === 'uphold' ? t('uphold_note') : t('withdraw_note') },
      { requestId },
    ),
  )
  const act = (objectionId: string, decision: 'uphold' | 'withdraw') =>
    void resolve.run({ objectionId, decision }).then((r) => {
      if (!r.ok) return void showError(r.message)
      toastDone(decision === 'uphold' ? t('upheld') : t('withdrawn'))
      list.reload()
    })
  return (
    <Card title={t('objections')}>
      <PagedList
        {...pagedProps(list)}
        keyOf={(o) => o.id}
        renderItem={(o) => (
          <View data-testid="objection">
            <Row
              title={t('objection', { name: o.headName, rule: o.ruleName, points: signed(o.delta) })}
              sub={t('objection_by', { user: o.userName, reason: o.reason, at: when(o.createdAt) })}
            />
            {o.canDecide ? (
              <>
                <ConfirmButton
                  loading={resolve.pending}
                  confirm={t('uphold_confirm')}
                  onConfirm={() => act(o.id, 'uphold')}
                >
                  {t('uphold')}
                </ConfirmButton>
                <ConfirmButton
                  kind="danger"
                  loading={resolve.pending}
                  confirm={t('withdraw_confirm')}
                  onConfirm={() => act(o.id, 'withdraw')}
                >
                  {t('withdraw')}
                </ConfirmButton>
              </>
            ) : (
              <Tag tone="plain">{t('not_yours')}</Tag>
            )}
          </View>
        )}
        emptyTitle={t('no_objections')}
      />
    </Card>
  )
}

function download(file: { filename: string; mime: string; base64: string }, notHere: string) {
  if (typeof document === 'undefined') return void showError(notHere)
  const a = document.createElement('a')
  a.href = `data:${file.mime};base64,${file.base64}`
  a.download = file.filename
  a.click()
}

/** Points given and points spent in the store, the last six months, as columns. */
function PointsTrend(props: { villageId: string; month: string }) {
  const t = useStrings(REVIEW)
  const months = useMemo(() => lastMonths(props.month, 6), [props.month])
  const series = useMonthSeries(
    months,
    (m) => callFunction(pointsContract, 'getFigures', { villageId: props.villageId, month: m }),
    [props.villageId],
  )
  if (series.error) return <View className="l-error">{series.error}</View>
  if (!series.data) return <Loading />
  const label = (m: string) => common('ui.month_short', { m: Number(m.slice(5)) })
  const max = Math.max(0, ...series.data.flatMap(({ value }) => [value.givenTotal, value.redeemedPoints]))
  return (
    <View data-testid="points-trend">
      <Columns
        title={t('trend_given')}
        max={max}
        tone="green"
        points={series.data.map(({ month, value }) => ({
          label: label(month),
          value: value.givenTotal,
          text: fmt.number(value.givenTotal),
        }))}
      />
      <Columns
        title={t('trend_spent')}
        max={max}
        points={series.data.map(({ month, value }) => ({
          label: label(month),
          value: value.redeemedPoints,
          text: fmt.number(value.redeemedPoints),
        }))}
      />
    </View>
  )
}

function Figures({ villageId }: { villageId: string }) {
  const t = useStrings(REVIEW)
  const s = useStrings(SHARED)
  // the month shown first is this month, read once when the tab opens
  const [month, setMonth] = useState(() => bjMonth(Date.now()))
  const f = useQuery(() => callFunction(pointsContract, 'getFigures', { villageId, month }), [villageId, month])
  const exp = async (action: 'exportLedger' | 'exportRedemptions', format: 'csv' | 'xlsx') => {
    const r = await callFunction(pointsContract, action, { villageId, month, format })
    if (!r.ok) return void showError(r.message)
    download(r.data, t('export_on_pc'))
  }
  const byCategory = (rows: Array<{ categoryLabel: string; points: number }>) =>
    rows
      .map((g) => t('by_category', { category: g.categoryLabel, points: fmt.number(g.points) }))
      .join(t('list_sep')) || t('nothing')
  return (
    <Card title={t('figures')}>
      <Field label={t('month')} value={month} onChange={setMonth} placeholder={t('month_ph')} maxlength={7} />
      {!f.data ? (
        f.error ? (
          <ErrorBlock message={f.error.message} onRetry={f.reload} />
        ) : (
          <Loading />
        )
      ) : (
        <View data-testid="figures">
          <Row
            title={t('given')}
            extra={<Tag tone="success">{fmt.number(f.data.givenTotal)}</Tag>}
            sub={byCategory(f.data.given)}
          />
          <Row
            title={t('deducted')}
            extra={<Tag tone="danger">{fmt.number(f.data.deductedTotal)}</Tag>}
            sub={byCategory(f.data.deducted)}
          />
          <Row
            title={t('active')}
            extra={`${fmt.number(f.data.activeHouseholds)} / ${fmt.number(f.data.households)}`}
          />
          <Row
            title={t('redemptions')}
            sub={t('redemptions_by', {
              fulfilled: f.data.fulfilled,
              cancelled: f.data.cancelled,
              expired: f.data.expired,
            })}
            extra={t('redemptions_n', { n: fmt.number(f.data.redemptions) })}
          />
          <Row title={t('waiting')} extra={`${f.data.pendingBatches} / ${f.data.openObjections}`} />
          {f.data.stock.map((g) => (
            <Row
              key={g.goodsId}
              title={g.name}
              extra={s('stock', { n: fmt.number(g.stock) }) + (g.active ? '' : t('off'))}
            />
          ))}
        </View>
      )}
      {/^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? <PointsTrend villageId={villageId} month={month} /> : null}
      <Button kind="secondary" onClick={() => void exp('exportLedger', 'xlsx')}>
        {t('export_ledger_xlsx')}
      </Button>
      <Button kind="secondary" onClick={() => void exp('exportLedger', 'csv')}>
        {t('export_ledger_csv')}
      </Button>
      <Button kind="secondary" onClick={() => void exp('exportRedemptions', 'xlsx')}>
        {t('export_redemptions_xlsx')}
      </Button>
    </Card>
  )
}

/** Village official: propose (one or many households), approve others' proposals, handle objections, settle, figures. */
export default function Review() {
  const t = useStrings(REVIEW)
  usePageTitle(t('title'))
  const { me, error, reload } = useMe()
  const villages = useMemo(() => (me ? unitsWith(me, 'points_propose') : []), [me])
  const [tab, setTab] = useState<Tab>('propose')
  // back from the rules or settings page: load the tab afresh (a new rule must be offered at once)
  const [shown, setShown] = useState(0)
  useShownAgain(() => setShown((n) => n + 1))
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  if (!villages.length)
    return (
      <Page>
        <Empty title={t('cannot')} />
      </Page>
    )
  const villageId = villages[0]!.id
  return (
    <Page title={t('title')} intro={t('intro', { village: villages[0]!.fullName })}>
      <Card>
        <PickerField
          label={t('what')}
          options={TABS.map((value) => ({ value, label: t(`tab_${value}`) }))}
          value={tab}
          onChange={setTab}
        />
      </Card>
      {tab === 'propose' ? <Propose refresh={shown} villageId={villageId} userId={me.user.id} /> : null}
      {tab === 'approve' ? <Approvals key={shown} villageId={villageId} /> : null}
      {tab === 'objections' ? <Objections key={shown} villageId={villageId} /> : null}
      {tab === 'figures' ? <Figures key={shown} villageId={villageId} /> : null}
      {hasPermission(me, 'points_rule_manage') ? (
        <Card title={t('setup')}>
          <Row
            title={t('rules_row')}
            sub={t('rules_sub')}
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/points/pages/rules/index' })}
          />
          <Row
            title={t('settings_row')}
            sub={t('settings_sub')}
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/points/pages/settings/index' })}
          />
        </Card>
      ) : null}
    </Page>
  )
}
