import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import type { JoinRequestView } from '@shared/account/account.schema'
import { Button, Card, ConfirmButton, PagedList, Page, Row, showError, toastDone } from '../../../../components'
import { callFunction } from '../../../../services/call-function'
import { fmt, useStrings } from '../../../../services/i18n'
import { hasPermission, useMe } from '../../../../services/me'
import { useTitle } from '../../../../services/title'
import { useAction, usePaged } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'
import { pagedProps } from '../../components/household-list'
import { ReasonForm } from '../../components/reason-form'

type Decision = { joinRequestId: string; decision: 'approve' | 'refuse'; reason: string }

/** One request: who asks to join which household, and the two answers (a refusal says why). */
function RequestItem(props: { request: JoinRequestView; onDecided: () => void }) {
  const t = useStrings(ACCOUNT_PAGES)
  const r = props.request
  const [refusing, setRefusing] = useState(false)
  const decide = useAction((input: Decision, requestId: string) =>
    callFunction(accountContract, 'decideJoinRequest', input, { requestId }),
  )
  const send = async (decision: Decision['decision'], reason = '') => {
    const res = await decide.run({ joinRequestId: r.id, decision, reason })
    if (!res.ok) return res
    toastDone(decision === 'approve' ? t('req.approved') : t('req.refused'))
    props.onDecided()
    return res
  }
  const who = r.requester.phoneMasked ? `${r.requester.name} ${r.requester.phoneMasked}` : r.requester.name
  return (
    <View className="l-list__item">
      <Row
        title={t('req.asks', { name: who, household: r.household.address })}
        sub={t('req.where', { grid: r.grid.name, date: fmt.dateTime(r.createdAt) })}
      />
      {r.note ? <View className="l-row__sub">{t('req.note', { note: r.note })}</View> : null}
      {refusing ? (
        <ReasonForm
          label={t('req.reason')}
          placeholder={t('req.reason_ph')}
          submit={t('req.refuse_send')}
          pending={decide.pending}
          onCancel={() => setRefusing(false)}
          onSubmit={(reason) => send('refuse', reason)}
        />
      ) : (
        <View>
          <ConfirmButton
            loading={decide.pending}
            confirm={t('req.approve_confirm', { name: r.requester.name })}
            confirmText={t('req.approve')}
            onConfirm={() =>
              void send('approve').then((res) => {
                if (!res.ok) void showError(res.message)
              })
            }
          >
            {t('req.approve')}
          </ConfirmButton>
          <Button kind="secondary" onClick={() => setRefusing(true)}>
            {t('req.refuse')}
          </Button>
        </View>
      )}
    </View>
  )
}

/** The join requests waiting for me (my household's, or my grid's or village's), newest first. */
export default function Requests() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('req.title'))
  const { me } = useMe()
  const list = usePaged((page) => callFunction(accountContract, 'listJoinRequests', { page, pageSize: 20 }), [])
  return (
    <Page title={t('req.title')} intro={t('req.intro')}>
      <Card>
        <PagedList
          {...pagedProps(list)}
          keyOf={(r) => r.id}
          renderItem={(r) => <RequestItem request={r} onDecided={list.reload} />}
          emptyTitle={t('req.empty')}
        />
      </Card>
      {hasPermission(me, 'household_approve') ? (
        <Button
          kind="secondary"
          onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/household/index' })}
        >
          {t('req.by_household')}
        </Button>
      ) : null}
    </Page>
  )
}
