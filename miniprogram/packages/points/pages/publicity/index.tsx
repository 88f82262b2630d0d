import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { View } from '@tarojs/components'
import { pointsContract } from '@shared/points/points.contract'
import {
  Button,
  Card,
  ConfirmButton,
  ErrorBlock,
  Field,
  Loading,
  PagedList,
  Page,
  PickerField,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { signed, useShownAgain, when } from '../../common'

/** Residents: this month's publicity list (names masked) with an objection button, and the points board. */
export default function Publicity() {
  const router = useRouter()
  const mine = useQuery(() => callFunction(pointsContract, 'myPoints', { page: 1, pageSize: 1 }), [])
  const villageId = router.params.villageId ?? mine.data?.household?.villageId ?? null
  const [tab, setTab] = useState<'publicity' | 'board'>('publicity')
  const [objecting, setObjecting] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const list = usePaged(
    (page) =>
      villageId
        ? callFunction(pointsContract, 'listPublicity', { villageId, page, pageSize: 20 })
        : Promise.resolve({
            ok: true as const,
            data: { items: [], page: 1, pageSize: 20, total: 0, hasMore: false, month: '2000-01', villageName: '' },
          }),
    [villageId],
  )
  const board = usePaged(
    (page) =>
      villageId
        ? callFunction(pointsContract, 'getBoard', { villageId, page, pageSize: 20 })
        : Promise.resolve({
            ok: true as const,
            data: { items: [], page: 1, pageSize: 20, total: 0, hasMore: false, month: null, villageName: '' },
          }),
    [villageId],
  )
  const fileObjection = useAction((input: { awardId: string; reason: string }, requestId) =>
    callFunction(pointsContract, 'fileObjection', input, { requestId }),
  )
  useShownAgain(() => {
    list.reload()
    board.reload()
  })
  if (!villageId)
    return <Page>{mine.error ? <ErrorBlock message={mine.error.message} onRetry={mine.reload} /> : <Loading />}</Page>
  return (
    <Page title="积分公示" intro="评定的积分先公示，公示期满没有异议才计入。对公示有意见可以提异议。">
      <Card>
        <PickerField
          label="看什么"
          options={[
            { value: 'publicity', label: '本月公示' },
            { value: 'board', label: '积分榜' },
          ]}
          value={tab}
          onChange={(v) => setTab(v as never)}
        />
      </Card>
      {tab === 'publicity' ? (
        <Card title="本月公示">
          <PagedList
            items={list.items}
            total={list.total}
            hasMore={list.hasMore}
            loading={list.loading}
            error={list.error?.message}
            onLoadMore={list.loadMore}
            onRetry={list.reload}
            keyOf={(a) => a.id}
            renderItem={(a) => (
              <View data-testid="publicity-item">
                <Row
                  title={`${a.headNameMasked}家${a.mine ? '（我家）' : ''} · ${a.ruleName}`}
                  sub={`${a.note || a.category}${a.publicUntil ? ` · 公示到 ${when(a.publicUntil)}` : ''}${a.objections ? ` · 异议 ${a.objections} 条` : ''}`}
                  extra={<Tag tone={a.delta >= 0 ? 'success' : 'danger'}>{signed(a.delta)}</Tag>}
                />
                <View>
                  <Tag
                    tone={
                      a.status === 'objected'
                        ? 'warning'
                        : a.status === 'withdrawn'
                          ? 'danger'
                          : a.status === 'credited'
                            ? 'success'
                            : 'plain'
                    }
                  >
                    {a.statusLabel}
                  </Tag>
                  {a.myObjection ? <Tag tone="info">我已提异议</Tag> : null}
                </View>
                {a.canObject && objecting !== a.id ? (
                  <Button
                    kind="secondary"
                    size="small"
                    onClick={() => {
                      setObjecting(a.id)
                      setReason('')
                    }}
                  >
                    提异议
                  </Button>
                ) : null}
                {objecting === a.id ? (
                  <View>
                    <Field
                      label="异议理由"
                      value={reason}
                      onChange={setReason}
                      placeholder="说说哪里不对"
                      maxlength={200}
                    />
                    <ConfirmButton
                      confirm="异议提交后，村干部会核实处理。确定提交吗？"
                      loading={fileObjection.pending}
                      onConfirm={() =>
                        void fileObjection.run({ awardId: a.id, reason }).then((r) => {
                          if (!r.ok) return void showError(r.message)
                          toastDone('已提交异议')
                          setObjecting(null)
                          list.reload()
                        })
                      }
                    >
                      提交异议
                    </ConfirmButton>
                    <Button kind="secondary" onClick={() => setObjecting(null)}>
                      不提了
                    </Button>
                  </View>
                ) : null}
              </View>
            )}
            emptyTitle="本月还没有公示"
            emptyText="村干部评定并审核后，会在这里公示。"
          />
        </Card>
      ) : (
        <Card title="积分榜">
          <PagedList
            items={board.items}
            total={board.total}
            hasMore={board.hasMore}
            loading={board.loading}
            error={board.error?.message}
            onLoadMore={board.loadMore}
            onRetry={board.reload}
            keyOf={(b) => `${b.rank}`}
            renderItem={(b) => (
              <Row
                title={`第 ${b.rank} 名  ${b.headNameMasked}家${b.mine ? '（我家）' : ''}`}
                extra={<Tag tone="success">{b.points} 分</Tag>}
              />
            )}
            emptyTitle="积分榜还是空的"
          />
        </Card>
      )}
    </Page>
  )
}
