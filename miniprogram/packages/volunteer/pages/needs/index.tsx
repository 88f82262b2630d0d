import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Card, ConfirmButton, Page, PagedList, Row, Tag } from '../../../../components'
import { useStrings } from '../../../../services/i18n'
import { useAction, usePaged } from '../../../../services/use-call'
import { callFunction, day, listOf, report, usePageTitle, V } from '../../lib'
import { NEEDS, WORDS } from '../../volunteer.strings'

/** My needs with their progress; I confirm a job done, or withdraw one nobody took. Verified outcomes in my village below. */
export default function Needs() {
  const t = useStrings(NEEDS)
  const w = useStrings(WORDS)
  usePageTitle(t('title'))
  const list = usePaged((page) => callFunction(V, 'myNeeds', { page, pageSize: 10 }), [])
  const pub = usePaged((page) => callFunction(V, 'listPublicNeeds', { page, pageSize: 5 }), [])
  useDidShow(() => list.reload())
  const act = useAction((i: { action: 'confirmNeed' | 'withdrawNeed'; id: string }, requestId) =>
    callFunction(V, i.action, { needId: i.id }, { requestId }),
  )
  return (
    <Page title={t('title')}>
      <Card>
        <PagedList
          {...listOf(list, { total: true })}
          keyOf={(r) => r.id}
          renderItem={(r) => (
            <View className="l-list__item">
              <Row
                title={r.title}
                sub={`${day(r.createdAt)}${r.takenByOrgName ? ` · ${r.takenByOrgName}` : ''}${r.outcome ? ` · ${r.outcome}` : ''}`}
                extra={<Tag tone={r.status === 'verified' ? 'success' : 'info'}>{r.statusLabel}</Tag>}
              />
              {r.status === 'done' ? (
                <ConfirmButton
                  size="small"
                  confirm={t('confirm_q', { org: r.takenByOrgName ?? '', outcome: r.outcome ?? '' })}
                  confirmText={t('is_true')}
                  onConfirm={() =>
                    void report(act.run({ action: 'confirmNeed', id: r.id }), t('confirmed')).then(
                      (x) => x && list.reload(),
                    )
                  }
                >
                  {t('confirm')}
                </ConfirmButton>
              ) : null}
              {r.status === 'submitted' || r.status === 'published' ? (
                <ConfirmButton
                  size="small"
                  kind="secondary"
                  confirm={t('withdraw_q')}
                  confirmText={t('withdraw')}
                  onConfirm={() =>
                    void report(act.run({ action: 'withdrawNeed', id: r.id }), t('withdrawn')).then(
                      (x) => x && list.reload(),
                    )
                  }
                >
                  {t('withdraw')}
                </ConfirmButton>
              ) : null}
            </View>
          )}
          emptyTitle={t('empty')}
        />
      </Card>
      <Card title={t('public')}>
        <PagedList
          {...listOf(pub)}
          keyOf={(r) => r.id}
          renderItem={(r) => (
            <Row
              title={r.title}
              sub={`${r.takenByOrgName ?? ''} · ${r.volunteers.map((v) => v.name).join(w('list_sep'))} · ${r.outcome ?? ''}`}
            />
          )}
          emptyTitle={w('none_yet')}
        />
      </Card>
    </Page>
  )
}
