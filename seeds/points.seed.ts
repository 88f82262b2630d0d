import type { Household } from '@shared/account/account.schema'
import { accountSeed } from './account.seed'
import {
  GoodsSchema,
  HouseholdMonthSchema,
  LedgerEntrySchema,
  PointsAccountSchema,
  PointsCapSchema,
  PointsRuleSchema,
  PointsRuleVersionSchema,
  PointsSettingsSchema,
  VillageMonthSchema,
  DEFAULT_PICKUP_DAYS,
  DEFAULT_PUBLICITY_DAYS,
  type HouseholdMonth,
  type LedgerEntry,
  type PointsAccount,
  type PointsCap,
  type PointsRule,
  type PointsRuleVersion,
  type RuleCategory,
  type VillageMonth,
} from '@shared/points/points.schema'
import { pointsFor } from '@shared/points/points.rules'
import { C } from '../cloudfunctions/_core/collections'
import { stableId } from '../cloudfunctions/_core/ids'
import type { Doc } from '../cloudfunctions/_core/port'
import { pointsKeys } from '../cloudfunctions/points/points.repo'
import { bjMonth } from '@shared/time/beijing'

/**
 * Rule catalogues drawn from each village's 村规民约 (一约四会), store goods, and some history for the
 * seeded households (balances, counters and entries agree; see points.seed.test.ts).
 */
type RuleRow = [
  code: string,
  name: string,
  category: RuleCategory,
  points: number,
  evidence: boolean,
  cap: number | null,
  mode: 'manual' | 'system',
  clause: string,
]

const COMMON_RULES: RuleRow[] = [
  ['YARD_CLEAN', '庭院整洁、门前三包', 'sanitation', 5, true, 10, 'manual', '第三条 人人爱护环境，房前屋后干净整洁'],
  ['GARBAGE_SORT', '垃圾分类定点投放', 'sanitation', 2, false, 8, 'manual', '第三条 生活垃圾分类投放、不乱扔乱倒'],
  ['LITTER', '乱扔乱倒垃圾、乱堆乱放', 'sanitation', -5, true, 20, 'manual', '第三条 违者经劝导不改的扣分'],
  ['FILIAL_CARE', '孝敬老人、照顾病残家人', 'filial', 10, false, 20, 'manual', '第五条 尊老爱幼、赡养老人'],
  ['ELDER_NEGLECT', '不赡养老人、虐待家庭成员', 'filial', -20, true, null, 'manual', '第五条 道德评议会评议属实的扣分'],
  ['NEIGHBOR_HELP', '邻里互助、帮扶困难户', 'neighbours', 5, false, 15, 'manual', '第六条 邻里和睦、互帮互助'],
  ['THRIFTY_WEDDING', '婚事新办、丧事简办', 'customs', 20, true, 20, 'manual', '红白理事会章程：不大操大办'],
  ['LAVISH_BANQUET', '大操大办、索要高额彩礼', 'customs', -20, true, null, 'manual', '红白理事会章程：违者扣分并通报'],
  ['HAZARD_REPORT', '报告安全隐患经核实', 'safety', 5, false, 20, 'manual', '第八条 人人参与平安建设'],
  ['MEDIATION', '参与调解邻里纠纷', 'safety', 5, false, 15, 'manual', '第八条 小事不出村、矛盾不上交'],
  ['GAMBLING_DRUGS', '参与赌博、涉毒', 'law', -30, true, null, 'manual', '禁毒禁赌会章程：一经查实扣分'],
  [
    'VOLUNTEER_HOUR',
    '参加志愿服务（每小时）',
    'volunteer',
    2,
    false,
    40,
    'system',
    '第七条 积极参加志愿服务，按确认时长记分',
  ],
  ['PATROL_DUTY', '参加治安巡逻（每班）', 'safety', 3, false, 30, 'system', '第八条 参加红袖套巡逻，按完成班次记分'],
]

const PASTORAL_RULES: RuleRow[] = [
  ['PASTURE_FIRE', '草原防火、禁牧休牧守规矩', 'safety', 5, false, 10, 'manual', '第九条 草场防火、按时禁牧'],
  ['BARN_CLEAN', '牲畜圈舍干净、人畜分离', 'sanitation', 5, true, 10, 'manual', '第三条 人畜分离、圈舍整洁'],
  ['SCHOOLING', '送适龄子女按时上学', 'law', 10, false, 10, 'manual', '第十条 控辍保学，家家送孩子上学'],
]

const GOODS: Record<string, Array<[name: string, price: number, stock: number, limit: number | null]>> = {
  '513328100001': [
    ['洗衣粉（1 公斤）', 30, 40, 2],
    ['菜籽油（5 升）', 120, 10, 1],
    ['大米（10 公斤）', 100, 15, 1],
    ['毛巾', 20, 50, null],
    ['酥油（1 斤）', 60, 20, 2],
    ['香皂（3 块装）', 15, 60, 3],
  ],
  '513328101201': [
    ['砖茶（1 块）', 40, 30, 2],
    ['酥油（1 斤）', 60, 20, 2],
    ['洗衣粉（1 公斤）', 30, 30, 2],
    ['暖水瓶', 80, 8, 1],
  ],
}

const VILLAGES = ['513328100001', '513328101201']
const SEED_OFFICIAL = 'u-lixiuying'
const SEED_APPROVER = 'u-wangjianguo'

function ruleDocs(now: number): { rules: PointsRule[]; versions: PointsRuleVersion[] } {
  const rules: PointsRule[] = []
  for (const villageId of VILLAGES) {
    const rows = villageId === '513328101201' ? [...COMMON_RULES, ...PASTORAL_RULES] : COMMON_RULES
    for (const [code, name, category, points, evidenceRequired, capPerMonth, mode, clause] of rows) {
      rules.push(
        PointsRuleSchema.parse({
          _id: pointsKeys.rule(villageId, code),
          villageId,
          code,
          name,
          category,
          points,
          clause,
          evidenceRequired,
          capPerMonth,
          mode,
          active: true,
          version: 1,
          updatedBy: 'u-zhangwei',
          updatedAt: now - 90 * 86_400_000,
        }),
      )
    }
  }
  const versions = rules.map((r) =>
    PointsRuleVersionSchema.parse({ ...r, _id: pointsKeys.ruleVersion(r._id, 1), ruleId: r._id }),
  )
  return { rules, versions }
}

/**
 * History: a few credited awards per household in the two previous months. buildSeed is synchronous,
 * so this mirrors the ledger's arithmetic (appendEntry) by hand; seeds/points.seed.test.ts checks that
 * balances equal the sums of entries and that every counter agrees.
 */
function history(rules: PointsRule[], households: Household[], now: number) {
  const ruleOf = (villageId: string, code: string) => rules.find((r) => r.villageId === villageId && r.code === code)!
  const DAY = 86_400_000
  const plan: Array<[code: string, qty: number, daysAgo: number]> = [
    ['VOLUNTEER_HOUR', 10, 50],
    ['YARD_CLEAN', 1, 40],
    ['GARBAGE_SORT', 2, 38],
    ['FILIAL_CARE', 1, 30],
    ['VOLUNTEER_HOUR', 4, 25],
    ['NEIGHBOR_HELP', 1, 20],
    ['YARD_CLEAN', 1, 12],
    ['PATROL_DUTY', 2, 9],
    ['LITTER', 1, 7],
  ]
  const ledger: LedgerEntry[] = []
  const accounts: PointsAccount[] = []
  const caps = new Map<string, PointsCap>()
  const hms = new Map<string, HouseholdMonth>()
  const vms = new Map<string, VillageMonth>()
  for (const [hi, h] of households.entries()) {
    if (!VILLAGES.includes(h.villageId)) continue
    // Not every household does everything: a stable pattern by position keeps the demo varied.
    const mine = plan.filter(([code], pi) => (hi + pi) % 4 !== 1 && (code !== 'LITTER' || hi % 4 === 1))
    let balance = 0
    let earned = 0
    let lost = 0
    let lastAt = 0
    for (const [pi, [code, qty, daysAgo]] of mine.entries()) {
      const rule = ruleOf(h.villageId, code)
      const at = now - (daysAgo + (hi % 3)) * DAY - 3 * 3_600_000
      const month = bjMonth(at)
      const requested = pointsFor(rule.points, qty)
      const delta = requested < 0 ? Math.max(requested, -balance) : requested
      balance += delta
      if (delta > 0) earned += delta
      else lost -= delta
      lastAt = at
      const sourceId = `seed:${h._id}:${pi}`
      if (rule.capPerMonth !== null) {
        const capId = pointsKeys.cap(h._id, rule._id, month)
        const c = caps.get(capId) ?? { _id: capId, householdId: h._id, ruleId: rule._id, month, used: 0 }
        c.used += Math.abs(requested)
        caps.set(capId, c)
      }
      const manual = rule.mode === 'manual' && h.villageId === '513328100001'
      ledger.push(
        LedgerEntrySchema.parse({
          _id: stableId('pl', sourceId),
          villageId: h.villageId,
          householdId: h._id,
          kind: rule.mode === 'system' ? 'system' : delta < 0 ? 'deduction' : 'award',
          seq: pi + 1,
          delta,
          balanceAfter: balance,
          ruleId: rule._id,
          ruleVersion: rule.version,
          ruleCode: rule.code,
          ruleName: rule.name,
          category: rule.category,
          sourceType: 'seed',
          sourceId,
          memberUserId: null,
          memberName: h.headName,
          headName: h.headName,
          proposedBy: manual ? SEED_OFFICIAL : null,
          approvedBy: manual ? SEED_APPROVER : null,
          reason: rule.mode === 'system' ? `${rule.name} ×${qty}` : `${month} 月度评议：${rule.name}`,
          at,
          month,
        }),
      )
      const hmId = pointsKeys.householdMonth(h._id, month)
      const hm = hms.get(hmId) ?? {
        _id: hmId,
        villageId: h.villageId,
        householdId: h._id,
        headName: h.headName,
        month,
        earned: 0,
        lost: 0,
        entries: 0,
      }
      const vmId = pointsKeys.villageMonth(h.villageId, month)
      const vm = vms.get(vmId) ?? {
        _id: vmId,
        villageId: h.villageId,
        month,
        givenByCategory: {},
        deductedByCategory: {},
        activeHouseholds: 0,
        redemptions: 0,
        redeemedPoints: 0,
        fulfilled: 0,
        cancelled: 0,
        expired: 0,
      }
      if (hm.entries === 0) vm.activeHouseholds += 1
      hm.entries += 1
      if (delta > 0) {
        hm.earned += delta
        vm.givenByCategory[rule.category] = (vm.givenByCategory[rule.category] ?? 0) + delta
      } else if (delta < 0) {
        hm.lost -= delta
        vm.deductedByCategory[rule.category] = (vm.deductedByCategory[rule.category] ?? 0) - delta
      }
      hms.set(hmId, hm)
      vms.set(vmId, vm)
    }
    if (lastAt) {
      accounts.push(
        PointsAccountSchema.parse({
          _id: h._id,
          villageId: h.villageId,
          headName: h.headName,
          balance,
          earned,
          lost,
          spent: 0,
          entries: mine.length,
          lastEntryAt: lastAt,
          // the seed proposes no award: none is open
          open: [],
          household: { headName: h.headName, address: h.address, villageId: h.villageId },
        }),
      )
    }
  }
  return {
    [C.points_ledger]: ledger,
    [C.points_accounts]: accounts,
    [C.points_caps]: [...caps.values()].map((d) => PointsCapSchema.parse(d)),
    [C.points_household_months]: [...hms.values()].map((d) => HouseholdMonthSchema.parse(d)),
    [C.points_village_months]: [...vms.values()].map((d) => VillageMonthSchema.parse(d)),
  }
}

export function pointsSeed(now: number, households: Household[] = accountSeed(now).households): Record<string, Doc[]> {
  const { rules, versions } = ruleDocs(now)
  const settings = VILLAGES.map((v) =>
    PointsSettingsSchema.parse({
      _id: v,
      publicityDays: DEFAULT_PUBLICITY_DAYS,
      pickupDays: DEFAULT_PICKUP_DAYS,
      updatedBy: null,
      updatedAt: now,
    }),
  )
  const goods = Object.entries(GOODS).flatMap(([villageId, rows]) =>
    rows.map(([name, price, stock, limit], i) =>
      GoodsSchema.parse({
        _id: stableId('gd', villageId, name),
        villageId,
        name,
        photo: null,
        price,
        stock,
        limitPerMonth: limit,
        active: true,
        sort: i,
        createdAt: now - 60 * 86_400_000,
        updatedAt: now - 60 * 86_400_000,
        updatedBy: 'u-chenguilan',
      }),
    ),
  )
  return {
    [C.points_rules]: rules,
    [C.points_rule_versions]: versions,
    [C.points_settings]: settings,
    [C.points_goods]: goods,
    ...history(rules, households, now),
  }
}
