import { C, type CollectionName, type DocOf } from '../cloudfunctions/_core/collections'
import { emptyCounters, ids } from '../cloudfunctions/volunteer/volunteer.repo'
import { newCodeSecret } from '../cloudfunctions/volunteer/volunteer.codes'
import { bjDay, bjDayStart } from '@shared/time/beijing'
import {
  CountersSchema,
  NeedSchema,
  OrgAdminSchema,
  OrgSchema,
  TaskCounterSchema,
  TaskSchema,
  type Counters,
  type Task,
} from '@shared/volunteer/volunteer.schema'

/**
 * An approved volunteer team of 旭日岭社区 run by 赵志强, a pending organisation for the approval screen,
 * three upcoming tasks (dates relative to seeding time, 09:00 Beijing) and one published need of
 * 王德明's. Counters and figures agree with the documents.
 */
const VILLAGE = '513328100001'
const AREA = { countyId: '513328', townshipId: '513328100', villageId: VILLAGE }
export const SEED_ORG_ID = 'org-xrl-zyfwd'
export const SEED_TASK_IDS = ['task-seed-clean', 'task-seed-elderly', 'task-seed-safety'] as const
export const SEED_NEED_ID = 'need-seed-tap'

const HOUR = 3_600_000
const DAY = 24 * HOUR

export function volunteerSeed(now: number): { [N in CollectionName]?: Array<DocOf<N>> } {
  const at9 = (days: number) => bjDayStart(bjDay(now + days * DAY)) + 9 * HOUR
  const org = OrgSchema.parse({
    _id: SEED_ORG_ID,
    name: '旭日岭社区志愿服务队',
    kind: 'volunteer_team',
    unitId: VILLAGE,
    ...AREA,
    intro: '社区党员、退休干部和热心居民组成，开展助老、环境整治和平安宣传。',
    contactName: '赵志强',
    contactPhone: '13908361240',
    status: 'approved',
    registeredBy: 'u-zhaozhiqiang',
    registeredAt: now - 30 * DAY,
    decidedBy: 'u-lixiuying',
    decidedAt: now - 29 * DAY,
    decisionNote: '材料齐全，同意登记',
  })
  const pending = OrgSchema.parse({
    _id: 'org-xrl-lnxh',
    name: '旭日岭社区老年协会',
    kind: 'social_org',
    unitId: VILLAGE,
    ...AREA,
    intro: '组织老年人文体活动，开展邻里互助。',
    contactName: '赵志强',
    contactPhone: '13908361240',
    status: 'pending',
    registeredBy: 'u-zhaozhiqiang',
    registeredAt: now - DAY,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
  })
  const admins = [org, pending].map((o) =>
    OrgAdminSchema.parse({
      _id: ids.orgAdmin(o._id, 'u-zhaozhiqiang'),
      orgId: o._id,
      userId: 'u-zhaozhiqiang',
      addedBy: 'u-zhaozhiqiang',
      addedAt: o.registeredAt,
    }),
  )
  const rows: Array<
    [
      id: string,
      title: string,
      category: Task['category'],
      days: number,
      hours: number,
      slots: number,
      place: string,
      desc: string,
    ]
  > = [
    [
      SEED_TASK_IDS[0],
      '旭日岭社区环境大扫除',
      'environment',
      2,
      3,
      10,
      '社区广场',
      '清扫广场和主街道，清理卫生死角，带上手套。',
    ],
    [
      SEED_TASK_IDS[1],
      '关爱独居老人上门探访',
      'elderly',
      5,
      2,
      5,
      '社区服务站集合',
      '两人一组探访独居老人，帮忙打扫、聊天、检查用电用气安全。',
    ],
    [SEED_TASK_IDS[2], '平安建设入户宣传', 'civility', 3, 2, 2, '社区服务站', '发放防诈骗和消防安全宣传资料。'],
  ]
  const tasks = rows.map(([id, title, category, days, hours, slots, placeName, description]) =>
    TaskSchema.parse({
      _id: id,
      orgId: org._id,
      orgName: org.name,
      unitId: VILLAGE,
      ...AREA,
      title,
      description,
      category,
      placeName,
      location: { lat: 31.6232, lng: 99.9905, datum: 'gcj02' },
      radiusM: 300,
      startAt: at9(days),
      endAt: at9(days) + hours * HOUR,
      slots,
      signupDeadline: at9(days) - 12 * HOUR,
      requirements: '身体健康，能坚持到结束',
      contactName: '赵志强',
      contactPhone: '13908361240',
      pointsRule: { earnsPoints: true, maxHours: 4 },
      status: 'open',
      codeSecret: newCodeSecret(),
      publishedBy: 'u-zhaozhiqiang',
      createdAt: now - DAY,
    }),
  )
  const counters = tasks.map((t) =>
    TaskCounterSchema.parse({ _id: t._id, slots: t.slots, confirmed: 0, waitlisted: 0, nextSeq: 1 }),
  )
  const need = NeedSchema.parse({
    _id: SEED_NEED_ID,
    ...AREA,
    gridId: '513328100001-G01',
    posterId: 'u-wangdeming',
    posterName: '王德明',
    householdId: 'hh-513328100001-G01-03',
    title: '帮隔壁独居老人修水龙头',
    description: '隔壁李桂芳老人家厨房水龙头一直漏水，老人腿脚不便，想请志愿者帮忙换一个。',
    category: 'elderly',
    placeName: '第一网格 4 栋 1 单元',
    neededBy: now + 3 * DAY,
    status: 'published',
    createdAt: now - 2 * DAY,
    publishedAt: now - DAY,
    takenByOrgId: null,
    takenByOrgName: null,
    takenBy: null,
    takenAt: null,
    doneAt: null,
    outcome: null,
    volunteers: [],
    awardsPoints: false,
    verifiedAt: null,
    transitions: [
      { transition: 'create', by: 'u-wangdeming', at: now - 2 * DAY, note: null },
      { transition: 'publish', by: 'u-lixiuying', at: now - DAY, note: null },
    ],
  })
  const counted = (kind: Counters['kind'], refId: string, extra: Partial<Counters>): Counters =>
    CountersSchema.parse({ ...emptyCounters(kind, refId), ...extra })
  return {
    [C.volunteer_orgs]: [org, pending],
    [C.volunteer_org_admins]: admins,
    [C.volunteer_tasks]: tasks,
    [C.volunteer_task_counters]: counters,
    [C.volunteer_needs]: [need],
    [C.volunteer_counters]: [
      counted('village', VILLAGE, { tasks: tasks.length, needsPosted: 1 }),
      counted('org', org._id, { tasks: tasks.length }),
    ],
  }
}
