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
import { fmt, useStrings } from '../../../../services/i18n'
import { unitsWith, useMe } from '../../../../services/me'
import { useAction, usePaged, useQuery } from '../../../../services/use-call'
import { pagedProps, signed, usePageTitle, useShownAgain, when } from '../../common'
import { PUBLICITY, SHARED } from '../../points.strings'

/** Residents: this month's publicity list (names masked) with an objection button, and the points board. */
export default function Publicity() {
  const t = useStrings(PUBLICITY)
  const s = useStrings(SHARED)
  usePageTitle(t('title'))
  const router = useRouter()
  const mine = useQuery(() => callFunction(pointsContract, 'myPoints', { page: 1, pageSize: 1 }), [])
  // an official has no household here: the village is one of those she scores in (chosen when she has several)
  const { me } = useMe()
  const villages = me ? unitsWith(me, 'points_propose').filter((u) => u.level === 'village') : []
  const [picked, setPicked] = useState<string | null>(null)
  const villageId =
    router.params.villageId ?? mine.data?.household?.villageId ?? picked ?? (mine.data ? villages[0]?.id : null) ?? null
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
    return (
      <Page>
        {mine.error ? (
          <ErrorBlock message={mine.error.message} onRetry={mine.reload} />
        ) : mine.data && me ? (
          <ErrorBlock message={t('no_village')} onRetry={mine.reload} />
        ) : (
          <Loading />
        )}
      </Page>
    )
  return (
    <Page title={t('title')} intro={t('intro')}>
      <Card>
        {!mine.data?.household && villages.length > 1 ? (
          <PickerField
            label={t('village')}
            options={villages.map((v) => ({ value: v.id, label: v.fullName }))}
            value={villageId}
            onChange={setPicked}
          />
        ) : null}
        <PickerField
          label={t('show')}
          options={[
            { value: 'publicity', label: t('this_month') },
            { value: 'board', label: t('board') },
          ]}
          value={tab}
          onChange={(v) => setTab(v as never)}
        />
      </Card>
      {tab === 'publicity' ? (
        <Card title={t('this_month')}>
          <PagedList
            {...pagedProps(list)}
            keyOf={(a) => a.id}
            renderItem={(a) => (
              <View data-testid="publicity-item">
                <Row
                  title={t('item', {
                    name: a.headNameMasked,
                    mine: a.mine ? s('my_family') : '',
                    rule: a.ruleName,
                  })}
                  sub={
                    (a.source ?? (a.note || a.categoryLabel)) +
                    (a.publicUntil ? t('until', { at: when(a.publicUntil) }) : '') +
                    (a.objections ? t('objections', { n: a.objections }) : '')
                  }
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
                  {a.myObjection ? <Tag tone="info">{t('objected_by_me')}</Tag> : null}
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
                    {t('object')}
                  </Button>
                ) : null}
                {objecting === a.id ? (
                  <View>
                    <Field
                      label={t('reason')}
                      value={reason}
                      onChange={setReason}
                      placeholder={t('reason_ph')}
                      maxlength={200}
                    />
                    <ConfirmButton
                      confirm={t('object_confirm')}
                      loading={fileObjection.pending}
                      onConfirm={() =>
                        void fileObjection.run({ awardId: a.id, reason }).then((r) => {
                          if (!r.ok) return void showError(r.message)
                          toastDone(t('objected'))
                          setObjecting(null)
                          list.reload()
                        })
                      }
                    >
                      {t('submit')}
                    </ConfirmButton>
                    <Button kind="secondary" onClick={() => setObjecting(null)}>
                      {t('never_mind')}
                    </Button>
                  </View>
                ) : null}
              </View>
            )}
            emptyTitle={t('empty')}
            emptyText={t('empty_text')}
          />
        </Card>
      ) : (
        <Card title={t('board')}>
          <PagedList
            {...pagedProps(board)}
            keyOf={(b) => `${b.rank}`}
            renderItem={(b) => (
              <Row
                title={t('rank', { rank: b.rank, name: b.headNameMasked, mine: b.mine ? s('my_family') : '' })}
                extra={<Tag tone="success">{s('points', { n: fmt.number(b.points) })}</Tag>}
              />
            )}
            emptyTitle={t('board_empty')}
          />
        </Card>
      )}
    </Page>
  )
}
