import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { parseConsoleLoginQr, type ConsoleLoginView } from '@shared/account/console-login'
import {
  Button,
  Card,
  ConfirmButton,
  ErrorBlock,
  Loading,
  Page,
  Row,
  showError,
  toastDone,
} from '../../../../components'
import { callFunction, signOutHere } from '../../../../services/call-function'
import { CONSOLE_LOGIN } from '../../../../services/env'
import { fmt, useStrings } from '../../../../services/i18n'
import { scanQr } from '../../../../services/scan'
import { useTitle } from '../../../../services/title'
import { useAction, useQuery } from '../../../../services/use-call'
import { ACCOUNT_PAGES } from '../../account.strings'

/**
 * The phone's half of signing a computer in (扫码登录): after scanning the QR the computer shows, the official
 * sees which browser asks, when, and where if known, and confirms or denies. Opened with `?ticket=<id>`.
 */
export default function ConsoleLogin() {
  const t = useStrings(ACCOUNT_PAGES)
  useTitle(t('console.title'))
  const [ticketId, setTicketId] = useState(useRouter().params.ticket ?? '')
  const q = useQuery(
    () =>
      ticketId
        ? callFunction(accountContract, 'getConsoleLogin', { ticketId })
        : Promise.resolve({ ok: true as const, data: null }),
    [ticketId],
  )
  const [decided, setDecided] = useState<ConsoleLoginView | null>(null)
  const out = useAction((_: object, requestId: string) =>
    callFunction(accountContract, 'signOutEverywhere', {}, { requestId }),
  )
  const decide = useAction((input: { ticketId: string; approve: boolean }, requestId: string) =>
    callFunction(accountContract, 'decideConsoleLogin', input, { requestId }),
  )
  const rescan = async () => {
    const text = await scanQr()
    if (text === null) return
    const id = parseConsoleLoginQr(text)
    if (!id) return void showError(t('console.not_code'))
    setDecided(null)
    setTicketId(id)
  }
  const again = (
    <Button kind="secondary" onClick={() => void rescan()}>
      {t('console.scan_again')}
    </Button>
  )
  const home = <Button onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>{t('console.home')}</Button>

  if (q.error)
    return (
      <Page title={t('console.title')}>
        <ErrorBlock message={q.error.message} onRetry={q.reload} />
        {again}
      </Page>
    )
  if (q.loading && !q.data)
    return (
      <Page>
        <Loading />
      </Page>
    )
  const view = decided ?? q.data
  if (!view)
    return (
      <Page title={t('console.title')} intro={t('console.how')}>
        <Button onClick={() => void rescan()}>{t('console.scan')}</Button>
        <ConfirmButton
          kind="secondary"
          loading={out.pending}
          confirm={t('console.sign_out_all_confirm')}
          onConfirm={() =>
            void out.run({}).then((r) => {
              if (!r.ok) return void showError(r.message)
              toastDone(t('console.signed_out_all'))
              // in a browser this session was one of them: back to signing in
              if (CONSOLE_LOGIN) void signOutHere().then(() => Taro.reLaunch({ url: '/pages/login/index' }))
            })
          }
        >
          {t('console.sign_out_all')}
        </ConfirmButton>
      </Page>
    )
  const settled: Partial<Record<ConsoleLoginView['status'], string>> = {
    confirmed: t('console.confirmed'),
    denied: t('console.denied'),
    used: t('console.used'),
    expired: t('console.expired'),
  }
  const done = settled[view.status]
  const run = (approve: boolean) =>
    void decide.run({ ticketId: view.ticketId, approve }).then((r) => {
      if (!r.ok) return void showError(r.message)
      setDecided(r.data)
    })
  return (
    <Page title={t('console.title')} intro={done ? undefined : t('console.intro')}>
      <Card title={t('console.browser')}>
        <Row
          title={view.browser.summary}
          sub={[
            t('console.asked_at', { at: fmt.dateTime(view.createdAt) }),
            view.browser.place ? t('console.place', { place: view.browser.place }) : t('console.place_unknown'),
          ].join(' · ')}
        />
        {done ? (
          <View className="l-page__intro" data-testid="console-outcome">
            {done}
          </View>
        ) : (
          <>
            <View className="l-row__sub">{t('console.until', { at: fmt.dateTime(view.expiresAt) })}</View>
            <Button loading={decide.pending} onClick={() => run(true)}>
              {t('console.confirm')}
            </Button>
            <Button kind="danger" disabled={decide.pending} onClick={() => run(false)}>
              {t('console.deny')}
            </Button>
          </>
        )}
      </Card>
      {done ? home : null}
      {done ? again : null}
    </Page>
  )
}
