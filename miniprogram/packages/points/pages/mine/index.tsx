import '../../points.css'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { pointsContract } from '@shared/points/points.contract'
import type { EntryView } from '@shared/points/points.schema'
import { Button, Card, Empty, ErrorBlock, Loading, PagedList, Page, Row, Tag } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, useStrings } from '../../../../services/i18n'
import { usePaged, useQuery } from '../../../../services/use-call'
import { pagedProps, signed, usePageTitle, useShownAgain, when } from '../../common'
import { MINE, SHARED } from '../../points.strings'

/** Resident: my household's balance, what is still in publicity, and every entry (paged). */
export default function MyPoints() {
  const t = useStrings(MINE)
  const s = useStrings(SHARED)
  usePageTitle(t('title'))
  const head = useQuery(() => callFunction(pointsContract, 'myPoints', { page: 1, pageSize: 1 }), [])
  const history = usePaged<EntryView>(
    (page) =>
      callFunction(pointsContract, 'myPoints', { page, pageSize: 20 }).then((r) =>
        r.ok ? { ok: true as const, data: r.data.history } : r,
      ),
    [],
  )
  useShownAgain(() => {
    head.reload()
    history.reload()
  })
  if (!head.data)
    return <Page>{head.error ? <ErrorBlock message={head.error.message} onRetry={head.reload} /> : <Loading />}</Page>
  const d = head.data
  if (!d.household) {
    return (
      <Page title={t('title')}>
        <Empty title={s('no_household')} text={s('no_household_text')}>
          <Button onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/residence/index' })}>
            {s('go_set')}
          </Button>
        </Empty>
      </Page>
    )
  }
  const villageId = d.household.villageId
  return (
    <Page title={t('title')} intro={t('intro', { village: d.household.villageName, name: d.household.headName })}>
      <Card>
        <View className="points-balance" data-testid="balance">
          {fmt.number(d.balance)}
        </View>
        <View>{t('balance', { earned: fmt.number(d.earned), spent: fmt.number(d.spent) })}</View>
        {d.pending.count ? (
          <Tag tone="warning">{t('pending', { count: d.pending.count, points: signed(d.pending.points) })}</Tag>
        ) : null}
      </Card>
      <Card>
        <Button
          onClick={() => void Taro.navigateTo({ url: `/packages/points/pages/store/index?villageId=${villageId}` })}
        >
          {t('to_store')}
        </Button>
        <Button
          kind="secondary"
          onClick={() => void Taro.navigateTo({ url: `/packages/points/pages/publicity/index?villageId=${villageId}` })}
        >
          {t('to_publicity')}
        </Button>
      </Card>
      <Card title={t('history')}>
        <PagedList
          {...pagedProps(history)}
          keyOf={(e) => e.id}
          renderItem={(e) => (
            <Row
              title={t('entry', { kind: e.kindLabel, what: e.ruleName ?? e.reason })}
              sub={[when(e.at), e.reason, e.memberName, t('left', { n: fmt.number(e.balanceAfter) })]
                .filter(Boolean)
                .join(s('sep'))}
              extra={<Tag tone={e.delta >= 0 ? 'success' : 'danger'}>{signed(e.delta)}</Tag>}
            />
          )}
          emptyTitle={t('empty')}
          emptyText={t('empty_text')}
        />
      </Card>
    </Page>
  )
}
