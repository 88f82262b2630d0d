import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Permission } from '@shared/auth/permissions'
import { Card, ErrorBlock, Loading, Page, Row, Tag } from '../../components'
import { hasPermission, useMe } from '../../services/me'

interface Entry {
  title: string
  sub: string
  url: string
  tab?: boolean
  /** shown to people who hold any of these permissions somewhere; empty: everyone */
  needs: Permission[]
}

interface Section {
  title: string
  entries: Entry[]
}

const SECTIONS: Section[] = [
  {
    title: '网格事件',
    entries: [
      {
        title: '随手拍上报',
        sub: '看到问题，拍照告诉网格员',
        url: '/pages/report/index',
        tab: true,
        needs: ['incident_create'],
      },
      {
        title: '我的上报',
        sub: '处理到哪一步了，办完了给个评价',
        url: '/packages/incident/pages/list/index?view=mine',
        needs: ['incident_create'],
      },
      {
        title: '待我处理',
        sub: '受理、上报、派单、反馈',
        url: '/packages/incident/pages/list/index?view=todo',
        needs: ['incident_accept', 'incident_dispatch', 'incident_feedback'],
      },
      {
        title: '概况与台账',
        sub: '排查量、化解率、排名、报平安、导出台账',
        url: '/packages/incident/pages/overview/index',
        needs: ['incident_figures', 'safe_report_create'],
      },
      {
        title: '消息',
        sub: '事件办理的每一步都会告诉您',
        url: '/packages/incident/pages/list/index?view=inbox',
        needs: [],
      },
    ],
  },
  {
    title: '巡逻打卡',
    entries: [
      {
        title: '巡逻打卡',
        sub: '我的班次，开始巡逻，到点扫码',
        url: '/packages/patrol/pages/shifts/index',
        needs: ['checkin_create'],
      },
      {
        title: '巡逻队、路线和班次',
        sub: '设置点位，打印张贴码',
        url: '/packages/patrol/pages/manage/index',
        needs: ['patrol_manage'],
      },
      {
        title: '审核存疑打卡',
        sub: '距离远、速度快、时间不对的打卡',
        url: '/packages/patrol/pages/review/index',
        needs: ['checkin_review'],
      },
      {
        title: '漏巡与统计',
        sub: '应巡、实巡、点位覆盖和时长',
        url: '/packages/patrol/pages/figures/index',
        needs: ['patrol_figures'],
      },
    ],
  },
  {
    title: '文明积分',
    entries: [
      {
        title: '我家的积分',
        sub: '余额和每一笔积分的来历',
        url: '/packages/points/pages/mine/index',
        needs: ['redemption_create'],
      },
      {
        title: '积分超市',
        sub: '用积分换东西',
        url: '/packages/points/pages/store/index',
        needs: ['redemption_create'],
      },
      {
        title: '积分公示',
        sub: '公示期内可以提出异议',
        url: '/packages/points/pages/publicity/index',
        needs: ['points_object', 'points_propose'],
      },
      {
        title: '积分评定',
        sub: '提出、审核、处理异议',
        url: '/packages/points/pages/review/index',
        needs: ['points_propose', 'points_approve'],
      },
      {
        title: '积分规则',
        sub: '村规民约里的加分和扣分项',
        url: '/packages/points/pages/rules/index',
        needs: ['points_rule_manage'],
      },
      {
        title: '公示和领取期限',
        sub: '公示几天、兑换几天内领取',
        url: '/packages/points/pages/settings/index',
        needs: ['points_rule_manage'],
      },
      {
        title: '商品管理',
        sub: '上架、库存、每户限兑',
        url: '/packages/points/pages/goods/index',
        needs: ['goods_manage'],
      },
      {
        title: '核销取货',
        sub: '输入取货码，把东西交给村民',
        url: '/packages/points/pages/keeper/index',
        needs: ['redemption_fulfil'],
      },
    ],
  },
  {
    title: '志愿服务',
    entries: [
      {
        title: '志愿服务',
        sub: '报名参加身边的志愿活动',
        url: '/packages/volunteer/pages/tasks/index',
        needs: ['task_signup'],
      },
      {
        title: '我的志愿时长',
        sub: '服务记录，可以打印',
        url: '/packages/volunteer/pages/hours/index',
        needs: ['task_signup', 'checkin_create'],
      },
      {
        title: '我要点单',
        sub: '家里有困难，请志愿者帮忙',
        url: '/packages/volunteer/pages/need/index',
        needs: ['need_create'],
      },
      {
        title: '我的需求',
        sub: '点单进展，办完后确认',
        url: '/packages/volunteer/pages/needs/index',
        needs: ['need_create'],
      },
      {
        title: '组织管理',
        sub: '发布任务、确认时长、接单',
        url: '/packages/volunteer/pages/org/index',
        needs: ['org_manage', 'org_register'],
      },
      {
        title: '村里审核与统计',
        sub: '审核组织和需求、验单、统计',
        url: '/packages/volunteer/pages/village/index',
        needs: ['org_approve', 'need_verify'],
      },
    ],
  },
  {
    title: '账号',
    entries: [
      {
        title: '发放邀请码',
        sub: '请人加入，担任网格员、信息员等',
        url: '/packages/account/pages/invite/index',
        needs: ['invite_create'],
      },
      {
        title: '人员名单',
        sub: '本村（社区）和下级的人员',
        url: '/packages/account/pages/members/index',
        needs: ['member_list'],
      },
      { title: '我家住在哪', sub: '选择村、网格和自家门户', url: '/packages/account/pages/residence/index', needs: [] },
      { title: '使用邀请码', sub: '收到邀请码？在这里输入', url: '/packages/account/pages/join/index', needs: [] },
    ],
  },
]

export default function Home() {
  const { me, error, loading, reload } = useMe()
  if (!me) {
    return (
      <Page>
        {error ? (
          <ErrorBlock message={error.message} onRetry={reload} />
        ) : (
          <Loading text={loading ? '正在加载…' : ''} />
        )}
      </Page>
    )
  }
  const sections = SECTIONS.map((section) => ({
    ...section,
    entries: section.entries.filter((e) => e.needs.length === 0 || e.needs.some((p) => hasPermission(me, p))),
  })).filter((section) => section.entries.length > 0)
  return (
    <Page title={`您好，${me.user.name}`} intro={me.user.residence ? me.user.residence.fullName : '还没有设置居住地'}>
      <Card title="我的身份">
        {me.roles.length ? (
          <View>
            {me.roles.map((r) => (
              <Tag key={`${r.role}@${r.unit.id}`}>
                {r.roleLabel} · {r.unit.name}
              </Tag>
            ))}
          </View>
        ) : (
          <View className="l-row__sub">还没有任何身份。设置居住地后成为居民，或使用邀请码。</View>
        )}
      </Card>
      {sections.map((section) => (
        <Card key={section.title} title={section.title}>
          {section.entries.map((e) => (
            <Row
              key={e.url}
              title={e.title}
              sub={e.sub}
              arrow
              onClick={() => void (e.tab ? Taro.switchTab({ url: e.url }) : Taro.navigateTo({ url: e.url }))}
            />
          ))}
        </Card>
      ))}
    </Page>
  )
}
