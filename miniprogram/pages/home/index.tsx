import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { accountContract } from '@shared/account/account.contract'
import { incidentContract } from '@shared/incident/incident.contract'
import type { Me } from '@shared/account/account.schema'
import type { Permission } from '@shared/auth/permissions'
import type { ArgsOf } from '@shared/i18n/i18n'
import { Button, Card, ErrorBlock, Loading, OutboxPanel, Page, Row, Tag } from '../../components'
import { callFunction } from '../../services/call-function'
import { getLang, hasChosenLang, setLang, useStrings } from '../../services/i18n'
import { forgetMe, hasPermission, useMe } from '../../services/me'
import { useTitle } from '../../services/title'
import { useTabPage } from '../../services/tab-bar'
import { useQuery } from '../../services/use-call'
import { ChooseLang } from './choose-lang'
import { HOME } from './home.strings'

/** A key of the home catalogue that takes no parameters (menu titles and their second lines) */
type Key = {
  [K in keyof typeof HOME & string]: ArgsOf<(typeof HOME)[K]['zh']> extends [] ? K : never
}[keyof typeof HOME & string]

interface Entry {
  /** the entry's title; its second line is `<key>_sub` */
  key: Key
  url: string
  tab?: boolean
  /** shown to people who hold any of these permissions somewhere; empty: everyone */
  needs: Permission[]
}

interface Section {
  title: Key
  entries: Entry[]
}

const SECTIONS: Section[] = [
  {
    title: 'sec.incident',
    entries: [
      { key: 'report', url: '/pages/report/index', tab: true, needs: ['incident_create'] },
      { key: 'my_reports', url: '/packages/incident/pages/list/index?view=mine', needs: ['incident_create'] },
      {
        key: 'todo',
        url: '/packages/incident/pages/list/index?view=todo',
        needs: ['incident_accept', 'incident_dispatch', 'incident_feedback'],
      },
      {
        key: 'overview',
        url: '/packages/incident/pages/overview/index',
        needs: ['incident_figures', 'safe_report_create'],
      },
      { key: 'rounds', url: '/packages/incident/pages/rounds/index', needs: ['round_create'] },
      { key: 'appraisal', url: '/packages/incident/pages/appraisal/index', needs: ['incident_rate_dept'] },
      { key: 'inbox', url: '/packages/incident/pages/list/index?view=inbox', needs: [] },
    ],
  },
  {
    title: 'sec.patrol',
    entries: [
      { key: 'patrol', url: '/packages/patrol/pages/shifts/index', needs: ['checkin_create'] },
      { key: 'patrol_manage', url: '/packages/patrol/pages/manage/index', needs: ['patrol_manage'] },
      { key: 'checkin_review', url: '/packages/patrol/pages/review/index', needs: ['checkin_review'] },
      { key: 'patrol_figures', url: '/packages/patrol/pages/figures/index', needs: ['patrol_figures'] },
    ],
  },
  {
    title: 'sec.points',
    entries: [
      { key: 'my_points', url: '/packages/points/pages/mine/index', needs: ['redemption_create'] },
      { key: 'store', url: '/packages/points/pages/store/index', needs: ['redemption_create'] },
      { key: 'publicity', url: '/packages/points/pages/publicity/index', needs: ['points_object', 'points_propose'] },
      {
        key: 'points_review',
        url: '/packages/points/pages/review/index',
        needs: ['points_propose', 'points_approve'],
      },
      { key: 'rules', url: '/packages/points/pages/rules/index', needs: ['points_rule_manage'] },
      { key: 'settings', url: '/packages/points/pages/settings/index', needs: ['points_rule_manage'] },
      { key: 'goods', url: '/packages/points/pages/goods/index', needs: ['goods_manage'] },
      { key: 'keeper', url: '/packages/points/pages/keeper/index', needs: ['redemption_fulfil'] },
    ],
  },
  {
    title: 'sec.volunteer',
    entries: [
      { key: 'tasks', url: '/packages/volunteer/pages/tasks/index', needs: ['task_signup'] },
      { key: 'hours', url: '/packages/volunteer/pages/hours/index', needs: ['task_signup', 'checkin_create'] },
      { key: 'need', url: '/packages/volunteer/pages/need/index', needs: ['need_create'] },
      { key: 'needs', url: '/packages/volunteer/pages/needs/index', needs: ['need_create'] },
      { key: 'org', url: '/packages/volunteer/pages/org/index', needs: ['org_manage', 'org_register'] },
      { key: 'village', url: '/packages/volunteer/pages/village/index', needs: ['org_approve', 'need_verify'] },
    ],
  },
  {
    title: 'sec.account',
    entries: [
      { key: 'identity', url: '/packages/account/pages/identity/index', needs: [] },
      { key: 'org_tree', url: '/packages/account/pages/org/index', needs: ['member_list'] },
      { key: 'import', url: '/packages/account/pages/import/index', needs: ['roster_import'] },
      { key: 'audit', url: '/packages/account/pages/audit/index', needs: ['audit_view'] },
      { key: 'invite', url: '/packages/account/pages/invite/index', needs: ['invite_create'] },
      { key: 'members', url: '/packages/account/pages/members/index', needs: ['member_list'] },
      { key: 'join_requests', url: '/packages/account/pages/requests/index', needs: ['household_approve'] },
      { key: 'residence', url: '/packages/account/pages/residence/index', needs: [] },
      { key: 'use_invite', url: '/packages/account/pages/join/index', needs: [] },
    ],
  },
]

const REQUESTS_PAGE = '/packages/account/pages/requests/index'

/** "待审核的入户申请 N 条", for the head of a household and the officials who decide who joins one. */
function PendingJoins() {
  const t = useStrings(HOME)
  const pending = useQuery(() => callFunction(accountContract, 'listJoinRequests', { pageSize: 1 }), [])
  useDidShow(() => pending.reload())
  const n = pending.data?.total ?? 0
  if (!n) return null
  return (
    <Card>
      <Row
        title={t('pending_joins', { n })}
        sub={t('pending_joins_sub')}
        arrow
        onClick={() => void Taro.navigateTo({ url: REQUESTS_PAGE })}
      />
    </Card>
  )
}

/** 我的网格员: who walks my grid, with a masked phone and a big call button (residents of a grid only). */
function MyGridWorker() {
  const t = useStrings(HOME)
  const q = useQuery(() => callFunction(incidentContract, 'myGridWorker', {}), [])
  if (!q.data?.grid) return null
  return (
    <Card title={t('grid_worker')}>
      <View className="l-row__sub">{q.data.grid.fullName}</View>
      {!q.data.workers.length ? <View className="l-row__sub">{t('grid_worker_none')}</View> : null}
      {q.data.workers.map((w) => (
        <View key={w.name}>
          <Row title={t('grid_worker_row', { name: w.name, phone: w.phone ?? '' })} />
          {w.dial ? (
            <Button kind="secondary" onClick={() => void Taro.makePhoneCall({ phoneNumber: w.dial! })}>
              {t('grid_worker_call')}
            </Button>
          ) : null}
        </View>
      ))}
    </Card>
  )
}

/** How much work waits for a handler (新上报、上报上来的、派来的): the number on the 待我处理 row. */
function useWaiting(me: Me | null) {
  const handles =
    !!me &&
    ['incident_accept', 'incident_dispatch', 'incident_feedback'].some((p) => hasPermission(me, p as Permission))
  const q = useQuery(
    () =>
      handles
        ? callFunction(incidentContract, 'listQueue', { view: 'todo', page: 1, pageSize: 1 })
        : Promise.resolve({ ok: true as const, data: null }),
    [handles],
  )
  useDidShow(() => {
    if (handles) q.reload()
  })
  return q.data?.total ?? null
}

/** The profile keeps the language this phone reads in (pushes and messages use it): set it when they differ. */
function useProfileLang(me: Me | null) {
  useEffect(() => {
    if (!me || me.user.lang === getLang()) return
    void callFunction(accountContract, 'setLang', { lang: getLang() }).then((r) => {
      if (r.ok) forgetMe()
    })
  }, [me])
}

function HomeBody() {
  const t = useStrings(HOME)
  const { me, error, loading, reload } = useMe()
  useTitle(t('app_name'))
  useTabPage('pages/home/index')
  useProfileLang(me)
  const waiting = useWaiting(me)
  if (!me) {
    return (
      <Page>
        {error ? <ErrorBlock message={error.message} onRetry={reload} /> : <Loading text={loading ? undefined : ''} />}
      </Page>
    )
  }
  const sections = SECTIONS.map((section) => ({
    ...section,
    entries: section.entries.filter((e) => e.needs.length === 0 || e.needs.some((p) => hasPermission(me, p))),
  })).filter((section) => section.entries.length > 0)
  const decides = hasPermission(me, 'household_approve') || !!me.household?.head
  return (
    <Page
      title={t('greeting', { name: me.user.name })}
      // only a person with no role yet is asked to say where they live: a dispatcher or a department has no need
      intro={me.user.residence ? me.user.residence.fullName : me.roles.length ? undefined : t('no_residence')}
    >
      {/* everything written in the field and not yet sent, whatever the page it was written on */}
      <OutboxPanel />
      {decides ? <PendingJoins /> : null}
      {me.user.residence ? <MyGridWorker /> : null}
      <Card title={t('my_roles')}>
        {me.roles.length ? (
          <View>
            {me.roles.map((r) => (
              <Tag key={`${r.role}@${r.unit.id}`}>{t('role_at', { role: r.roleLabel, unit: r.unit.name })}</Tag>
            ))}
          </View>
        ) : (
          <View className="l-row__sub">{t('no_roles')}</View>
        )}
      </Card>
      {sections.map((section) => (
        <Card key={section.title} title={t(section.title)}>
          {section.entries.map((e) => (
            <Row
              key={e.url}
              title={t(e.key)}
              sub={t(`${e.key}_sub` as Key)}
              extra={
                e.key === 'todo' && waiting !== null ? (
                  <Tag tone={waiting ? 'danger' : 'plain'}>
                    {waiting ? t('waiting', { n: waiting }) : t('waiting_none')}
                  </Tag>
                ) : undefined
              }
              arrow
              onClick={() => void (e.tab ? Taro.switchTab({ url: e.url }) : Taro.navigateTo({ url: e.url }))}
            />
          ))}
        </Card>
      ))}
    </Page>
  )
}

/** The home page; on a phone where no language was chosen yet, the language comes first. */
export default function Home() {
  const [chosen] = useState(hasChosenLang)
  if (!chosen) return <ChooseLang onChosen={(lang) => void setLang(lang)} />
  return <HomeBody />
}
