import {
  HouseholdSchema,
  JoinRequestEventSchema,
  JoinRequestSchema,
  RoleAssignmentSchema,
  UnitSchema,
  UserSchema,
  type Household,
  type JoinRequest,
  type JoinRequestEvent,
  type RoleAssignment,
  type Unit,
  type User,
} from '@shared/account/account.schema'
import type { RoleName } from '@shared/auth/roles'
import { joinEventId, rosterJoinId } from '../cloudfunctions/account/account.joins'
import { grantRefsOf, holderOf } from '../cloudfunctions/_core/grants'

/**
 * The demo region, drawn from the reference reports: Ganzi prefecture (an urban community in the
 * county town and a pastoral village with village-group grids) and a community in Kongtong district.
 * Unit ids are GB/T 2260 county codes and 12-digit statistical codes below them.
 */
type UnitRow = [id: string, name: string, level: Unit['level'], parentId: string | null, kind?: 'urban' | 'rural']

const UNIT_ROWS: UnitRow[] = [
  ['513300', '甘孜藏族自治州', 'prefecture', null],
  ['513328', '甘孜县', 'county', '513300'],
  ['513328100', '甘孜镇', 'township', '513328'],
  ['513328100001', '旭日岭社区', 'village', '513328100', 'urban'],
  ['513328100001-G01', '旭日岭社区第一网格', 'grid', '513328100001'],
  ['513328100001-G02', '旭日岭社区第二网格', 'grid', '513328100001'],
  ['513328100001-G03', '旭日岭社区第三网格', 'grid', '513328100001'],
  ['513328101', '呷拉镇', 'township', '513328'],
  ['513328101201', '色西底村', 'village', '513328101', 'rural'],
  ['513328101201-G01', '色西底村一组', 'grid', '513328101201'],
  ['513328101201-G02', '色西底村二组', 'grid', '513328101201'],
  ['513328-D-ZJ', '甘孜县住房和城乡建设局', 'department', '513328'],
  ['513328-D-GA', '甘孜县公安局甘孜镇派出所', 'department', '513328'],
  ['513328-D-YJ', '甘孜县应急管理局', 'department', '513328'],
  ['513328-D-SF', '甘孜县司法局（人民调解）', 'department', '513328'],
  ['620800', '平凉市', 'prefecture', null],
  ['620802', '崆峒区', 'county', '620800'],
  ['620802001', '东关街道', 'township', '620802'],
  ['620802001003', '柳湖社区', 'village', '620802001', 'urban'],
  ['620802001003-G01', '柳湖社区第一网格', 'grid', '620802001003'],
  ['620802001003-G02', '柳湖社区第二网格', 'grid', '620802001003'],
  ['620802-D-CG', '崆峒区城市管理局', 'department', '620802'],
]

function buildUnits(): Unit[] {
  const byId = new Map<string, UnitRow>(UNIT_ROWS.map((r) => [r[0], r]))
  const pathOf = (id: string): string[] => {
    const row = byId.get(id)
    if (!row) throw new Error(`seed unit ${id} missing`)
    return row[3] ? [...pathOf(row[3]), id] : [id]
  }
  return UNIT_ROWS.map(([id, name, level, parentId, kind]) =>
    UnitSchema.parse({ _id: id, name, level, parentId, path: pathOf(id), kind: kind ?? null }),
  )
}

const HOUSEHOLD_HEADS: Record<string, string[]> = {
  '513328100001-G01': ['卓玛', '罗绒', '王德明', '李桂芳', '泽仁拉姆', '张建华', '四郎', '刘淑珍'],
  '513328100001-G02': ['降央', '陈志刚', '拥珍', '杨文斌', '白玛', '何秀兰'],
  '513328100001-G03': ['贡布', '曾庆华', '益西', '唐丽'],
  '513328101201-G01': ['央金', '呷绒', '洛桑', '达瓦', '尼玛', '土登'],
  '513328101201-G02': ['阿措', '曲扎', '斯朗', '巴桑'],
  '620802001003-G01': ['杨立新', '马淑英', '郭建军', '田秀梅', '魏国强'],
  '620802001003-G02': ['冯玉兰', '韩志勇', '安小红'],
}

function buildHouseholds(): Household[] {
  const out: Household[] = []
  for (const [gridId, heads] of Object.entries(HOUSEHOLD_HEADS)) {
    const villageId = gridId.split('-')[0] as string
    heads.forEach((head, i) => {
      const n = String(i + 1).padStart(2, '0')
      out.push(
        HouseholdSchema.parse({
          _id: `hh-${gridId}-${n}`,
          villageId,
          gridId,
          headName: head,
          address: villageId.startsWith('5133281012')
            ? `${head}家（${i + 1} 号牧户）`
            : `${i + 1} 栋 ${(i % 3) + 1} 单元`,
        }),
      )
    })
  }
  return out
}

/** A demo person: id, name, phone, household (if any) and the roles they hold. */
interface DemoUser {
  id: string
  name: string
  phone: string
  household?: string
  residence?: string
  roles: Array<[RoleName, string]>
}

export const DEMO_USERS: DemoUser[] = [
  {
    id: 'u-zhuoma',
    name: '卓玛',
    phone: '13908361201',
    household: 'hh-513328100001-G01-01',
    residence: '513328100001-G01',
    roles: [['resident', '513328100001-G01']],
  },
  {
    id: 'u-wangdeming',
    name: '王德明',
    phone: '13908361202',
    household: 'hh-513328100001-G01-03',
    residence: '513328100001-G01',
    roles: [['resident', '513328100001-G01']],
  },
  {
    id: 'u-zhaxi',
    name: '扎西',
    phone: '13908361210',
    household: 'hh-513328100001-G02-01',
    residence: '513328100001-G02',
    roles: [
      ['grid_worker', '513328100001-G01'],
      ['resident', '513328100001-G02'],
    ],
  },
  { id: 'u-zeren', name: '泽仁', phone: '13908361211', roles: [['info_collector', '513328100001']] },
  { id: 'u-lixiuying', name: '李秀英', phone: '13908361220', roles: [['village_official', '513328100001']] },
  { id: 'u-wangjianguo', name: '王建国', phone: '13908361221', roles: [['village_official', '513328100001']] },
  { id: 'u-chenguilan', name: '陈桂兰', phone: '13908361222', roles: [['store_keeper', '513328100001']] },
  {
    id: 'u-duoji',
    name: '多吉',
    phone: '13908361230',
    household: 'hh-513328100001-G03-01',
    residence: '513328100001-G03',
    roles: [
      ['patrol_captain', '513328100001'],
      ['resident', '513328100001-G03'],
    ],
  },
  {
    id: 'u-gesang',
    name: '格桑',
    phone: '13908361231',
    household: 'hh-513328100001-G03-03',
    residence: '513328100001-G03',
    roles: [
      ['patrol_volunteer', '513328100001'],
      ['resident', '513328100001-G03'],
    ],
  },
  { id: 'u-zhaozhiqiang', name: '赵志强', phone: '13908361240', roles: [['org_admin', '513328100001']] },
  { id: 'u-zhoumin', name: '周敏', phone: '13908361250', roles: [['dispatcher', '513328100']] },
  { id: 'u-liuyang', name: '刘洋', phone: '13908361260', roles: [['dept_handler', '513328-D-ZJ']] },
  // 街道吹哨、部门报到 with several departments, and the county's 综治中心 (issue #22)
  { id: 'u-lamu', name: '拉姆', phone: '13908361261', roles: [['dept_handler', '513328-D-GA']] },
  { id: 'u-luobu', name: '罗布', phone: '13908361251', roles: [['dispatcher', '513328']] },
  { id: 'u-ciren', name: '次仁', phone: '13908361270', roles: [['grid_worker', '513328101201-G01']] },
  {
    id: 'u-yangjin',
    name: '央金',
    phone: '13908361271',
    household: 'hh-513328101201-G01-01',
    residence: '513328101201-G01',
    roles: [['resident', '513328101201-G01']],
  },
  { id: 'u-mahongmei', name: '马红梅', phone: '13993361280', roles: [['grid_worker', '620802001003-G01']] },
  {
    id: 'u-yanglixin',
    name: '杨立新',
    phone: '13993361281',
    household: 'hh-620802001003-G01-01',
    residence: '620802001003-G01',
    roles: [['resident', '620802001003-G01']],
  },
  { id: 'u-sunli', name: '孙丽', phone: '13993361290', roles: [['dispatcher', '620802001']] },
  { id: 'u-zhangwei', name: '张伟', phone: '13908361299', roles: [['system_admin', '513300']] },
  // the county's own admin: sets up its units, imports its rosters, hands out roles, reads the audit log
  { id: 'u-luorong', name: '洛绒', phone: '13908361298', roles: [['system_admin', '513328']] },
]

/**
 * The demo residents already belong to their households, as a roster would say: each membership is an approved
 * join request `via: 'roster'` with its one event, and a household whose head is a demo user knows them as head
 * (they approve who else joins).
 */
function rosterMemberships(households: Household[], now: number) {
  const byId = new Map(households.map((h) => [h._id, h]))
  const requests: JoinRequest[] = []
  const events: JoinRequestEvent[] = []
  for (const u of DEMO_USERS) {
    const h = u.household ? byId.get(u.household) : undefined
    if (!h) continue
    if (h.headName === u.name) h.headUserId = u.id
    const id = rosterJoinId(u.id, h._id)
    const base = { userId: u.id, householdId: h._id, gridId: h.gridId }
    requests.push(
      JoinRequestSchema.parse({
        _id: id,
        ...base,
        villageId: h.villageId,
        via: 'roster',
        status: 'approved',
        note: '',
        createdAt: now,
        updatedAt: now,
      }),
    )
    events.push(
      JoinRequestEventSchema.parse({
        _id: joinEventId(id, 'roster'),
        joinRequestId: id,
        ...base,
        step: 'roster',
        by: null,
        at: now,
        reason: '',
        cause: null,
      }),
    )
  }
  return { requests, events }
}

export function accountSeed(now: number) {
  const units = buildUnits()
  const households = buildHouseholds()
  const roster = rosterMemberships(households, now)
  const users: User[] = DEMO_USERS.map((u) =>
    UserSchema.parse({
      _id: u.id,
      openid: null,
      name: u.name,
      phone: u.phone,
      householdId: u.household ?? null,
      residenceUnitId: u.residence ?? null,
      createdAt: now,
    }),
  )
  const roleAssignments: RoleAssignment[] = DEMO_USERS.flatMap((u) =>
    u.roles.map(([role, unitId]) =>
      RoleAssignmentSchema.parse({
        _id: `ra-${u.id}-${role}-${unitId}`,
        userId: u.id,
        role,
        unitId,
        grantedBy: null,
        via: 'seed',
        createdAt: now,
        revokedAt: null,
      }),
    ),
  )
  // each person's active grants kept on their document, as `saveRoleAssignment` keeps them, and their WeChat id and
  // language on each of their assignments (for pushes to holders), as it keeps those
  for (const user of users) {
    user.grants = grantRefsOf(roleAssignments.filter((a) => a.userId === user._id))
    for (const a of roleAssignments) if (a.userId === user._id) a.holder = holderOf(user)
  }
  const unitIds = new Set(units.map((u) => u._id))
  for (const a of roleAssignments) if (!unitIds.has(a.unitId)) throw new Error(`seed role in unknown unit ${a.unitId}`)
  return {
    units,
    households,
    users,
    role_assignments: roleAssignments,
    join_requests: roster.requests,
    join_request_events: roster.events,
  }
}
