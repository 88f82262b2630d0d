import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import '@shared/account/account.messages'
import { render } from '@shared/i18n/i18n'
import { PUSH_RECORD_DAYS, PUSH_STATUSES, type PushStatus } from '@shared/push'
import { Card, Page, PagedList, PickerField, Row, Tag } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, getLang, useStrings } from '../../../../services/i18n'
import { useTitle } from '../../../../services/title'
import { usePaged } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'
import { pagedProps } from '../../components/household-list'

const text = (key: string) => render({ key }, getLang())
const TONE = { sent: 'success', refused: 'warning', failed: 'danger', skipped: 'plain' } as const

/** Admins: what became of each WeChat subscribe message (sent, refused by the person, failed with its code). */
export default function Pushes() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('pushes.title'))
  const [status, setStatus] = useState<PushStatus | 'all'>('all')
  const list = usePaged(
    (page) =>
      callFunction(accountContract, 'listPushRecords', {
        page,
        pageSize: 20,
        ...(status === 'all' ? {} : { status }),
      }),
    [status],
  )
  return (
    <Page title={t('pushes.title')} intro={`${t('pushes.intro')}${t('pushes.kept', { days: PUSH_RECORD_DAYS })}`}>
      <Card>
        <PickerField
          label={t('pushes.filter')}
          options={[
            { value: 'all', label: t('pushes.all') },
            ...PUSH_STATUSES.map((s) => ({ value: s, label: text(`push.status.${s}`) })),
          ]}
          value={status}
          onChange={(v) => setStatus(v as PushStatus | 'all')}
        />
        <PagedList
          {...pagedProps(list)}
          keyOf={(r) => r.id}
          emptyTitle={t('pushes.empty')}
          renderItem={(r) => (
            <Row
              title={r.title}
              sub={[
                t('pushes.line', { at: fmt.dateTime(r.at), name: r.userName }),
                r.errcode !== null ? t('pushes.code', { code: r.errcode }) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
              extra={<Tag tone={TONE[r.status]}>{r.statusLabel}</Tag>}
            />
          )}
        />
      </Card>
    </Page>
  )
}
