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
import { callFunction } from '../../../../services/call-function'
import { hasPermission, unitsWith, useMe } from '../../../../services/me'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { signed, useShownAgain, when } from '../../common'

type Tab = 'propose' | 'approve' | 'objections' | 'figures'
const TABS = [
  { value: 'propose' as const, label: '提出评定' },
  { value: 'approve' as const, label: '待审核' },
  { value: 'objections' as const, label: '异议' },
  { value: 'figures' as const, label: '统计导出' },
]

/** `refresh` reloads the rules and households but keeps the form: in WeChat, taking a photo hides and shows the page. */
function Propose({ villageId, userId, refresh }: { villageId: string; userId: string; refresh: number }) {
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
    <Card title="提出评定">
      <PickerField
        label="依据哪条规则"
        options={manual.map((r) => ({ value: r.id, label: `${r.name}（${signed(r.points)}）` }))}
        value={ruleId}
        onChange={setRuleId}
        placeholder="请选一条规则"
      />
      {rule ? (
        <View className="l-field__hint">
          {rule.clause}
          {rule.capPerMonth ? ` · 每户每月最多 ${rule.capPerMonth} 分` : ''}
          {rule.evidenceRequired ? ' · 需要照片' : ''}
        </View>
      ) : null}
      <Field label="说明" value={note} onChange={setNote} placeholder="例如：3 月庭院卫生检查" maxlength={200} />
      <PhotoPicker
        label="照片"
        photos={photos}
        max={MAX_EVIDENCE_PHOTOS}
        userId={userId}
        onChange={setPhotos}
        onBusyChange={setUploading}
        hint={rule?.evidenceRequired ? '这条规则要附照片作为依据' : '可以附上现场照片'}
      />
      <View className="l-field__label">选择户（已选 {picked.length} 户）</View>
      <Button
        kind="secondary"
        size="small"
        onClick={() => setPicked(picked.length === all.length ? [] : all.map((h) => h.id))}
      >
        {picked.length === all.length ? '全不选' : '全选'}
      </Button>
      {all.map((h) => {
        const on = picked.includes(h.id)
        return (
          <View
            key={h.id}
            data-testid="household"
            onClick={() => setPicked(on ? picked.filter((x) => x !== h.id) : [...picked, h.id])}
          >
            <Row title={`${on ? '☑' : '☐'} ${h.headName}`} sub={`${h.address} · 现有 ${h.balance} 分`} />
          </View>
        )
      })}
      {rule?.evidenceRequired && !photos.length && picked.length ? (
        <View className="l-field__error">请先拍照或选照片</View>
      ) : null}
      <ConfirmButton
        disabled={!rule || !picked.length || uploading || (rule.evidenceRequired && !photos.length)}
        loading={propose.pending}
        confirm={`给 ${picked.length} 户评定“${rule?.name ?? ''}”，每户 ${signed(rule?.points ?? 0)} 分，提交另一位干部审核？`}
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
              toastDone('已提交审核')
              setPicked([])
              setPhotos([])
            })
        }
      >
        提交审核
      </ConfirmButton>
    </Card>
  )
}

/** The proposer's photos, for the approving official to check before deciding; tap one to see it large. */
function Evidence({ photos }: { photos: PhotoView[] }) {
  const shown = photos.filter((p) => p.url)
  if (!photos.length) return <View className="l-field__hint">没有附照片</View>
  if (!shown.length) return <View className="l-field__hint">照片暂时打不开，请稍后刷新</View>
  const urls = shown.map((p) => p.url)
  return (
    <View className="l-photos" data-testid="evidence">
      {shown.map((p, i) => (
        <Image
          key={p.fileId}
          className="l-photo__img"
          src={p.url}
          mode="aspectFill"
          ariaLabel={`依据照片第 ${i + 1} 张`}
          onClick={() => void Taro.previewImage({ urls, current: p.url }).catch(() => undefined)}
        />
      ))}
    </View>
  )
}

function Approvals({ villageId }: { villageId: string }) {
  const list = usePaged(
    (page) => callFunction(pointsContract, 'listBatches', { villageId, status: 'pending', page, pageSize: 10 }),
    [villageId],
  )
  const approve = useAction((input: { batchId: string }, requestId) =>
    callFunction(pointsContract, 'approveBatch', { ...input, note: '' }, { requestId }),
  )
  const reject = useAction((input: { batchId: string }, requestId) =>
    callFunction(pointsContract, 'rejectBatch', { ...input, note: '不符合规则，请核实后重新提交' }, { requestId }),
  )
  const settle = useAction((_: object, requestId) =>
    callFunction(pointsContract, 'settlePublicity', { villageId }, { requestId }),
  )
  return (
    <>
      <Card title="公示期满的积分">
        <ConfirmButton
          loading={settle.pending}
          confirm="把公示期满、没有未处理异议的积分计入各户？"
          onConfirm={() =>
            void settle.run({}).then((r) => {
              if (!r.ok) return void showError(r.message)
              toastDone(`已计入 ${r.data.settled} 条`)
            })
          }
        >
          计入公示期满的积分
        </ConfirmButton>
      </Card>
      <Card title="待审核的评定">
        <PagedList
          items={list.items}
          total={list.total}
          hasMore={list.hasMore}
          loading={list.loading}
          error={list.error?.message}
          onLoadMore={list.loadMore}
          onRetry={list.reload}
          keyOf={(b) => b.id}
          renderItem={(b) => (
            <View data-testid="batch">
              <Row
                title={`${b.rule.name} · ${b.households} 户 · 共 ${signed(b.totalPoints)} 分`}
                sub={`${b.proposedByName} 提出 · ${when(b.proposedAt)}${b.note ? ` · ${b.note}` : ''}`}
              />
              <Evidence photos={b.evidence} />
              {b.canDecide ? (
                <>
                  <ConfirmButton
                    loading={approve.pending}
                    confirm={`审核通过后，这 ${b.households} 户的积分进入公示。确定通过？`}
                    onConfirm={() =>
                      void approve.run({ batchId: b.id }).then((r) => {
                        if (!r.ok) return void showError(r.message)
                        toastDone('已通过，开始公示')
                        list.reload()
                      })
                    }
                  >
                    通过
                  </ConfirmButton>
                  <ConfirmButton
                    kind="danger"
                    loading={reject.pending}
                    confirm="确定不通过？"
                    onConfirm={() =>
                      void reject.run({ batchId: b.id }).then((r) => {
                        if (!r.ok) return void showError(r.message)
                        toastDone('已退回')
                        list.reload()
                      })
                    }
                  >
                    不通过
                  </ConfirmButton>
                </>
              ) : (
                <Tag tone="plain">自己提的，请另一位干部审核</Tag>
              )}
            </View>
          )}
          emptyTitle="没有待审核的评定"
        />
      </Card>
    </>
  )
}

function Objections({ villageId }: { villageId: string }) {
  const list = usePaged(
    (page) => callFunction(pointsContract, 'listObjections', { villageId, status: 'open', page, pageSize: 10 }),
    [villageId],
  )
  const resolve = useAction((input: { objectionId: string; decision: 'uphold' | 'withdraw' }, requestId) =>
    callFunction(
      pointsContract,
      'resolveObjection',
      { ...input, note: input.decision === 'uphold' ? '经核实，积分维持' : '经核实，异议成立，积分撤回' },
      { requestId },
    ),
  )
  const act = (objectionId: string, decision: 'uphold' | 'withdraw') =>
    void resolve.run({ objectionId, decision }).then((r) => {
      if (!r.ok) return void showError(r.message)
      toastDone(decision === 'uphold' ? '已维持' : '已撤回')
      list.reload()
    })
  return (
    <Card title="待处理的异议">
      <PagedList
        items={list.items}
        total={list.total}
        hasMore={list.hasMore}
        loading={list.loading}
        error={list.error?.message}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        keyOf={(o) => o.id}
        renderItem={(o) => (
          <View data-testid="objection">
            <Row
              title={`${o.headName}家 · ${o.ruleName} ${signed(o.delta)}`}
              sub={`${o.userName}：${o.reason} · ${when(o.createdAt)}`}
            />
            <ConfirmButton
              loading={resolve.pending}
              confirm="异议不成立，维持这条积分？"
              onConfirm={() => act(o.id, 'uphold')}
            >
              维持积分
            </ConfirmButton>
            <ConfirmButton
              kind="danger"
              loading={resolve.pending}
              confirm="异议成立，撤回这条积分？撤回后不能恢复。"
              onConfirm={() => act(o.id, 'withdraw')}
            >
              撤回积分
            </ConfirmButton>
          </View>
        )}
        emptyTitle="没有待处理的异议"
      />
    </Card>
  )
}

function download(file: { filename: string; mime: string; base64: string }) {
  if (typeof document === 'undefined') return void showError('请在电脑浏览器里导出')
  const a = document.createElement('a')
  a.href = `data:${file.mime};base64,${file.base64}`
  a.download = file.filename
  a.click()
}

function Figures({ villageId }: { villageId: string }) {
  // the month shown first is this month, read once when the tab opens
  const [month, setMonth] = useState(() => bjMonth(Date.now()))
  const s = useQuery(() => callFunction(pointsContract, 'getFigures', { villageId, month }), [villageId, month])
  const exp = async (action: 'exportLedger' | 'exportRedemptions', format: 'csv' | 'xlsx') => {
    const r = await callFunction(pointsContract, action, { villageId, month, format })
    if (!r.ok) return void showError(r.message)
    download(r.data)
  }
  return (
    <Card title="统计与导出">
      <Field label="月份" value={month} onChange={setMonth} placeholder="例如 2026-03" maxlength={7} />
      {!s.data ? (
        s.error ? (
          <ErrorBlock message={s.error.message} onRetry={s.reload} />
        ) : (
          <Loading />
        )
      ) : (
        <View data-testid="figures">
          <Row
            title="发放积分"
            extra={<Tag tone="success">{s.data.givenTotal}</Tag>}
            sub={s.data.given.map((g) => `${g.category} ${g.points}`).join('，') || '无'}
          />
          <Row
            title="扣减积分"
            extra={<Tag tone="danger">{s.data.deductedTotal}</Tag>}
            sub={s.data.deducted.map((g) => `${g.category} ${g.points}`).join('，') || '无'}
          />
          <Row title="有积分变动的户" extra={`${s.data.activeHouseholds} / ${s.data.households}`} />
          <Row
            title="兑换"
            sub={`领取 ${s.data.fulfilled}，取消 ${s.data.cancelled}，过期 ${s.data.expired}`}
            extra={`${s.data.redemptions} 单`}
          />
          <Row title="待审核 / 待处理异议" extra={`${s.data.pendingBatches} / ${s.data.openObjections}`} />
          {s.data.stock.map((g) => (
            <Row key={g.goodsId} title={g.name} extra={`库存 ${g.stock}${g.active ? '' : '（已下架）'}`} />
          ))}
        </View>
      )}
      <Button kind="secondary" onClick={() => void exp('exportLedger', 'xlsx')}>
        导出积分台账（Excel）
      </Button>
      <Button kind="secondary" onClick={() => void exp('exportLedger', 'csv')}>
        导出积分台账（CSV）
      </Button>
      <Button kind="secondary" onClick={() => void exp('exportRedemptions', 'xlsx')}>
        导出兑换台账（Excel）
      </Button>
    </Card>
  )
}

/** Village official: propose (one or many households), approve others' proposals, handle objections, settle, figures. */
export default function Review() {
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
        <Empty title="您不能评定积分" />
      </Page>
    )
  const villageId = villages[0]!.id
  return (
    <Page title="积分评定" intro={`${villages[0]!.fullName}：评定要另一位干部审核，通过后公示，期满无异议才计入。`}>
      <Card>
        <PickerField label="做什么" options={TABS} value={tab} onChange={setTab} />
      </Card>
      {tab === 'propose' ? <Propose refresh={shown} villageId={villageId} userId={me.user.id} /> : null}
      {tab === 'approve' ? <Approvals key={shown} villageId={villageId} /> : null}
      {tab === 'objections' ? <Objections key={shown} villageId={villageId} /> : null}
      {tab === 'figures' ? <Figures key={shown} villageId={villageId} /> : null}
      {hasPermission(me, 'points_rule_manage') ? (
        <Card title="规则和设置">
          <Row
            title="积分规则（村规民约）"
            sub="做了什么加分、扣分，新增或修改"
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/points/pages/rules/index' })}
          />
          <Row
            title="公示天数和领取期限"
            sub="评定通过后公示几天，兑换后几天内领取"
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/points/pages/settings/index' })}
          />
        </Card>
      ) : null}
    </Page>
  )
}
