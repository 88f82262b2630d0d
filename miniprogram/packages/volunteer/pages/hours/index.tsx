import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Card, ErrorBlock, Loading, Page, PagedList, Row } from '../../../../components'
import { IS_WEAPP } from '../../../../services/env'
import { useStrings } from '../../../../services/i18n'
import { useQuery, usePaged } from '../../../../services/use-call'
import { callFunction, day, listOf, usePageTitle, V } from '../../lib'
import { HOURS, WORDS } from '../../volunteer.strings'

/** My volunteer record: totals and every confirmed line; printable from a browser. */
export default function Hours() {
  const t = useStrings(HOURS)
  const w = useStrings(WORDS)
  usePageTitle(t('nav'))
  const head = useQuery(() => callFunction(V, 'myHours', { page: 1, pageSize: 1 }), [])
  const lines = usePaged(async (page) => {
    const r = await callFunction(V, 'myHours', { page, pageSize: 20 })
    return r.ok ? { ok: true as const, data: r.data.entries } : r
  }, [])
  const h = head.data
  if (!h)
    return <Page>{head.error ? <ErrorBlock message={head.error.message} onRetry={head.reload} /> : <Loading />}</Page>
  return (
    <Page title={t('title')}>
      <Card>
        <Row title={t('name')} sub={h.name} />
        <Row title={t('total')} sub={w('hours', { hours: h.totalHours })} />
        <Row
          title={t('of_which')}
          sub={t('breakdown', { task: h.taskHours, patrol: h.patrolHours, need: h.needHours })}
        />
        <View className="l-page__intro">{t('printed', { day: day(h.printedAt) })}</View>
        {!IS_WEAPP ? (
          <Button kind="secondary" onClick={() => (globalThis as { print?: () => void }).print?.()}>
            {t('print')}
          </Button>
        ) : (
          <Button kind="secondary" onClick={() => void Taro.showToast({ title: t('screenshot'), icon: 'none' })}>
            {t('save')}
          </Button>
        )}
      </Card>
      <Card title={t('details')}>
        <PagedList
          {...listOf(lines, { total: true })}
          keyOf={(e) => e.id}
          renderItem={(e) => (
            <Row title={t('line', { hours: e.hours, source: e.sourceLabel })} sub={`${day(e.at)} ${e.note}`} />
          )}
          emptyTitle={t('empty')}
          emptyText={t('empty_text')}
        />
      </Card>
    </Page>
  )
}
