import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { levelLabel } from '@shared/account/account.messages'
import type { Me } from '@shared/account/account.schema'
import { LANG_NAMES, LANGS, type Lang } from '@shared/i18n/i18n'
import {
  Button,
  Card,
  ConfirmButton,
  ErrorBlock,
  Loading,
  Page,
  Row,
  Tag,
  showError,
  toastDone,
} from '../../components'
import { callFunction, signOutHere } from '../../services/call-function'
import { CONSOLE_LOGIN } from '../../services/env'
import { fmt, getLang, setLang, useStrings } from '../../services/i18n'
import { forgetMe, unitsWith, useMe } from '../../services/me'
import { TEXT_SIZES, getTextSize, hasChosenTextSize, setTextSize } from '../../services/text-size'
import { useTitle } from '../../services/title'
import { useTabPage } from '../../services/tab-bar'
import { useAction, useQuery } from '../../services/use-call'
import { HOME } from '../home/home.strings'
import { ME } from './me.strings'

const RESIDENCE_PAGE = '/packages/account/pages/residence/index'

/** My household, or the request to join one that waits, or how to ask. */
function HouseholdCard(props: { me: Me; onChanged: () => void }) {
  const t = useStrings(ME)
  const { household, joinRequest } = props.me
  const withdraw = useAction((input: { joinRequestId: string }, requestId: string) =>
    callFunction(accountContract, 'withdrawJoinRequest', input, { requestId }),
  )
  if (household) {
    return (
      <Card title={t('household')} extra={household.head ? <Tag tone="success">{t('head')}</Tag> : undefined}>
        <Row
          title={household.address}
          sub={t('head_name', { name: household.headName })}
          arrow
          onClick={() =>
            void Taro.navigateTo({
              url: `/packages/account/pages/household/index?id=${encodeURIComponent(household.id)}`,
            })
          }
        />
      </Card>
    )
  }
  if (joinRequest) {
    const h = joinRequest.household
    return (
      <Card title={t('household')}>
        <Row
          title={t('pending', { household: h.address || h.headName })}
          sub={t('pending_sub', { date: fmt.date(joinRequest.createdAt) })}
        />
        <ConfirmButton
          kind="secondary"
          size="small"
          loading={withdraw.pending}
          confirm={t('withdraw_confirm')}
          onConfirm={() =>
            void withdraw.run({ joinRequestId: joinRequest.id }).then((r) => {
              if (!r.ok) return void showError(r.message)
              toastDone(t('withdrawn'))
              props.onChanged()
            })
          }
        >
          {t('withdraw')}
        </ConfirmButton>
      </Card>
    )
  }
  return (
    <Card title={t('household')}>
      <View className="l-row__sub">{t('no_household')}</View>
      <Button kind="secondary" size="small" onClick={() => void Taro.navigateTo({ url: `${RESIDENCE_PAGE}?join=1` })}>
        {t('ask_join')}
      </Button>
    </Card>
  )
}

/** The language of this phone: both names shown, each in its own script; a change is kept on the profile too. */
function LanguageCard() {
  const t = useStrings(ME)
  const [open, setOpen] = useState(false)
  const current = getLang()
  const choose = async (lang: Lang) => {
    if (lang === current) return setOpen(false)
    // best effort: a phone offline switches now, and the home page tells the profile later
    await callFunction(accountContract, 'setLang', { lang })
    forgetMe()
    await setLang(lang)
  }
  return (
    <Card>
      <Row title={t('language')} sub={LANG_NAMES[current]} arrow onClick={() => setOpen(!open)} />
      {open
        ? LANGS.map((l) => (
            <Button key={l} kind={l === current ? 'primary' : 'secondary'} onClick={() => void choose(l)}>
              {LANG_NAMES[l]}
            </Button>
          ))
        : null}
    </Card>
  )
}

/** 标准 / 大 / 特大: shown at once on every page; until chosen it follows the phone's own setting. */
function TextSizeCard() {
  const t = useStrings(ME)
  const [size, setSize] = useState(getTextSize)
  const label = t(`text_size.${size}`)
  return (
    <Card title={t('text_size')} extra={hasChosenTextSize() ? label : t('text_size_system', { size: label })}>
      <View className="l-choices">
        {TEXT_SIZES.map((s) => (
          <View
            key={s}
            className={`l-choice${s === size ? ' l-choice--on' : ''}`}
            ariaRole="button"
            onClick={() => {
              setTextSize(s)
              setSize(s)
            }}
          >
            {t(`text_size.${s}`)}
          </View>
        ))}
      </View>
    </Card>
  )
}

/** The latest account messages (join requests, membership changes), if any. */
function InboxCard() {
  const t = useStrings(ME)
  const inbox = useQuery(() => callFunction(accountContract, 'myInbox', { pageSize: 5 }), [])
  useDidShow(() => inbox.reload())
  const items = inbox.data?.items ?? []
  if (!items.length) return null
  return (
    <Card title={t('inbox')}>
      {items.map((m) => (
        <Row key={m.id} title={m.title} sub={`${fmt.dateTime(m.at)} ${m.body}`} />
      ))}
    </Card>
  )
}

export default function MePage() {
  const t = useStrings(ME)
  const home = useStrings(HOME)
  const { me, error, reload } = useMe()
  useTitle(home('tab.me'))
  useTabPage('pages/me/index')
  if (!me) return <Page>{error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading />}</Page>
  const { user } = me
  const lang = getLang()
  const changed = () => {
    forgetMe()
    reload()
  }
  return (
    <Page title={user.name} intro={user.phoneMasked ? t('phone', { phone: user.phoneMasked }) : undefined}>
      <Card title={t('residence')}>
        {user.residence ? (
          <View className="l-row__title">{user.residence.fullName}</View>
        ) : (
          <View className="l-row__sub">{t('not_set')}</View>
        )}
        <Button kind="secondary" size="small" onClick={() => void Taro.navigateTo({ url: RESIDENCE_PAGE })}>
          {user.residence ? t('change_residence') : t('set_residence')}
        </Button>
      </Card>
      {!user.named || !user.phoneVerified ? (
        <Card title={t('identity')}>
          <View className="l-row__sub">{t('identity_sub')}</View>
          <Button onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/identity/index' })}>
            {t('identity_go')}
          </Button>
        </Card>
      ) : null}
      <HouseholdCard me={me} onChanged={changed} />
      <InboxCard />
      <Card title={t('roles')} extra={t('roles_count', { n: me.roles.length })}>
        {me.roles.length ? (
          me.roles.map((r) => (
            <Row
              key={`${r.role}@${r.unit.id}`}
              title={r.roleLabel}
              sub={t('role_sub', { level: levelLabel(r.unit.level, lang), unit: r.unit.fullName })}
            />
          ))
        ) : (
          <View className="l-row__sub">{t('no_roles')}</View>
        )}
        <Button
          kind="secondary"
          size="small"
          onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/join/index' })}
        >
          {t('use_invite')}
        </Button>
      </Card>
      {unitsWith(me, 'console_login').length ? (
        <Card>
          <Row
            title={t('console_scan')}
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/console-login/index' })}
          />
        </Card>
      ) : null}
      {unitsWith(me, 'push_view').length ? (
        <Card>
          <Row
            title={t('pushes')}
            arrow
            onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/pushes/index' })}
          />
        </Card>
      ) : null}
      <LanguageCard />
      <TextSizeCard />
      {CONSOLE_LOGIN ? (
        <ConfirmButton
          kind="danger"
          confirm={t('logout_confirm')}
          confirmTitle={t('logout_title')}
          confirmText={t('logout_ok')}
          onConfirm={() => {
            forgetMe()
            void signOutHere().then(() => Taro.reLaunch({ url: '/pages/login/index' }))
          }}
        >
          {t('logout')}
        </ConfirmButton>
      ) : null}
    </Page>
  )
}
