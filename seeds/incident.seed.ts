import { ROLES } from '@shared/auth/roles'
import { IncidentEventSchema, IncidentSchema, SafeReportSchema, type Incident } from '@shared/incident/incident.schema'
import { defaultCategories } from '@shared/incident/incident.labels'
import { deadlineRule } from '@shared/incident/incident.rules'
import { workPermission } from '@shared/incident/incident.states'
import { bjDay } from '@shared/time/beijing'
import { C } from '../cloudfunctions/_core/collections'
import {
  addAt,
  applyChange,
  matchesFilter,
  type Doc,
  type Filter,
  type Patch,
  type RawChange,
  type RawTx,
  type TxStore,
} from '../cloudfunctions/_core/port'
import { createIncidentInTx, type PreparedIncident } from '../cloudfunctions/incident/incident.create'
import { workTell } from '../cloudfunctions/incident/incident.holders'
import { countedUnits, ownCounters, safeReportId, writeInbox } from '../cloudfunctions/incident/incident.repo'
import { applyTransition, type Transition } from '../cloudfunctions/incident/incident.transition'
import { DEMO_USERS } from './account.seed'

/**
 * Demo incidents in several states, made by the real create and transition code over an in-memory transaction,
 * so their timelines, counters and inbox messages are exactly what the app would have written. They sit
 * in 色西底村 (呷拉镇) and 柳湖社区 (崆峒区), away from the units the action tests count in.
 */
class MemoryTx implements RawTx {
  readonly data = new Map<string, Map<string, Doc>>()
  private col(c: string) {
    let m = this.data.get(c)
    if (!m) this.data.set(c, (m = new Map()))
    return m
  }
  async get<T extends Doc>(c: string, id: string) {
    return (this.col(c).get(id) as T | undefined) ?? null
  }
  async insert<T extends Doc>(c: string, doc: T) {
    if (this.col(c).has(doc._id)) throw new Error(`seed duplicate ${c}/${doc._id}`)
    this.col(c).set(doc._id, structuredClone(doc))
  }
  async insertMany<T extends Doc>(c: string, docs: readonly T[]) {
    for (const doc of docs) await this.insert(c, doc)
  }
  async set<T extends Doc>(c: string, doc: T) {
    this.col(c).set(doc._id, structuredClone(doc))
  }
  async update(c: string, id: string, patch: Patch) {
    const cur = this.col(c).get(id)
    if (!cur) throw new Error(`seed missing ${c}/${id}`)
    this.col(c).set(id, { ...cur, ...structuredClone(patch) })
  }
  async remove(c: string, id: string) {
    this.col(c).delete(id)
  }
  async inc(c: string, init: Doc, deltas: Partial<Record<string, number>>, replace?: Patch) {
    const cur = this.col(c).get(init._id)
    let next: Doc = { ...(cur ?? structuredClone(init)), ...structuredClone(replace ?? {}) }
    for (const [f, d] of Object.entries(deltas)) if (d) next = addAt(next, f, d)
    this.col(c).set(init._id, next)
    return cur ? ('updated' as const) : ('created' as const)
  }
  async updateIf<T extends Doc>(c: string, id: string, where: Filter, change: RawChange) {
    const cur = this.col(c).get(id)
    if (!cur || !matchesFilter(cur, where)) return null
    const next = applyChange(cur, structuredClone(change))
    this.col(c).set(id, next)
    return next as T
  }
}

const SEXIDI = {
  prefectureId: '513300',
  countyId: '513328',
  townshipId: '513328101',
  villageId: '513328101201',
  gridId: '513328101201-G01',
}
const LIUHU = {
  prefectureId: '620800',
  countyId: '620802',
  townshipId: '620802001',
  villageId: '620802001003',
  gridId: '620802001003-G01',
}
const YANGJIN = { id: 'u-yangjin', name: '央金', phone: '13908361271' }
const YANGLIXIN = { id: 'u-yanglixin', name: '杨立新', phone: '13993361281' }
const HOUR = 3_600_000

type Plan = {
  key: string
  place: typeof SEXIDI
  reporter: typeof YANGJIN
  category: string
  severity: Incident['severity']
  description: string
  at: number
  location: { lat: number; lng: number }
  parties?: Array<{ name: string; note: string }>
  transitions: Array<
    { hoursLater: number; by: { userId: string | null; name: string } } & Omit<Transition, 'now' | 'by' | 'photos'>
  >
}

export async function incidentSeed(now: number): Promise<Record<string, Doc[]>> {
  const memory = new MemoryTx()
  // the same shapes at run time: the collections file's types over a store of documents by name (as typedPort)
  const tx = memory as unknown as TxStore
  const label = (k: string) => defaultCategories().find((c) => c.key === k)!.label
  const ciren = { userId: 'u-ciren', name: '次仁' }
  const admin = { userId: 'u-zhangwei', name: '张伟' }
  const ma = { userId: 'u-mahongmei', name: '马红梅' }
  const sunli = { userId: 'u-sunli', name: '孙丽' }
  const system = { userId: null, name: '系统' }
  const plans: Plan[] = [
    {
      key: 'a',
      place: SEXIDI,
      reporter: YANGJIN,
      category: 'facility',
      severity: 'normal',
      at: now - 2 * HOUR,
      description: '牧道进村口的一段护栏被雨水冲倒了，晚上骑摩托容易出事',
      location: { lat: 31.7712, lng: 99.8125 },
      transitions: [],
    },
    {
      key: 'b',
      place: SEXIDI,
      reporter: YANGJIN,
      category: 'sanitation',
      severity: 'normal',
      at: now - 26 * HOUR,
      description: '经幡广场旁边的垃圾桶满了，牛羊在翻垃圾',
      location: { lat: 31.7705, lng: 99.8131 },
      transitions: [{ hoursLater: 3, by: ciren, kind: { action: 'accept' }, note: '已联系保洁员，今天下午清运' }],
    },
    {
      key: 'c',
      place: SEXIDI,
      reporter: YANGJIN,
      category: 'hazard',
      severity: 'normal',
      at: now - 10 * 24 * HOUR,
      description: '村活动室的电线老化，插座冒火花',
      location: { lat: 31.7709, lng: 99.8122 },
      transitions: [
        { hoursLater: 2, by: ciren, kind: { action: 'accept' }, note: '先断电，贴了提示' },
        { hoursLater: 30, by: ciren, kind: { action: 'resolve' }, note: '请电工换了线路和插座' },
        {
          hoursLater: 40,
          by: { userId: 'u-yangjin', name: '央金' },
          kind: { action: 'rate_ok' },
          note: '满意',
          patch: () => ({ rating: 'satisfied' }),
          counters: (i) => [[countedUnits(i), { rated: 1, satisfied: 1, resolvedSatisfied: 1 }]],
        },
      ],
    },
    {
      key: 'd',
      place: SEXIDI,
      reporter: YANGJIN,
      category: 'hazard',
      severity: 'serious',
      at: now - 2 * 24 * HOUR,
      description: '山坡上有落石滚到公路上，有一块很大的还在松动',
      location: { lat: 31.7801, lng: 99.8203 },
      transitions: [
        {
          hoursLater: 1,
          by: admin,
          kind: { action: 'dispatch' },
          note: '派应急局现场排危',
          dueAt: now + 24 * HOUR,
          patch: () => ({
            departmentId: '513328-D-YJ',
            dispatchUnitId: '513328101',
            dispatchDeadline: now + 24 * HOUR,
          }),
          counters: () => [[ownCounters('513328-D-YJ'), { dispatched: 1 }]],
        },
      ],
    },
    {
      key: 'e',
      place: SEXIDI,
      reporter: YANGJIN,
      category: 'dispute',
      severity: 'normal',
      at: now - 3 * 24 * HOUR,
      description: '两家草场边界有争议，为放牧吵了起来',
      location: { lat: 31.769, lng: 99.81 },
      parties: [
        { name: '洛桑', note: '一组牧户' },
        { name: '达瓦', note: '一组牧户' },
      ],
      transitions: [
        {
          hoursLater: 20,
          by: ciren,
          kind: { action: 'resolve' },
          note: '调解成功：按 2019 年确权图重新立界桩',
          patch: (i) => ({
            dispute: {
              parties: i.dispute?.parties ?? [],
              outcome: 'success',
              mediations: [
                {
                  at: i.reportedAt + 20 * HOUR,
                  byUserId: 'u-ciren',
                  byName: '次仁',
                  note: '按 2019 年确权图重新立界桩',
                  outcome: 'success',
                },
              ],
            },
          }),
          counters: (i) => [[countedUnits(i), { mediated: 1, mediatedSuccess: 1 }]],
        },
      ],
    },
    {
      key: 'f',
      place: SEXIDI,
      reporter: YANGJIN,
      category: 'other',
      severity: 'normal',
      at: now - 5 * 24 * HOUR,
      description: '想问问今年的草原补奖什么时候发',
      location: { lat: 31.7712, lng: 99.8125 },
      transitions: [
        { hoursLater: 4, by: ciren, kind: { action: 'reject' }, note: '这是政策咨询，已电话答复，请拨 12345 了解详情' },
      ],
    },
    {
      key: 'g',
      place: LIUHU,
      reporter: YANGLIXIN,
      category: 'facility',
      severity: 'normal',
      at: now - 3 * 24 * HOUR,
      description: '柳湖路 18 号门口的井盖松动，踩上去会翻',
      location: { lat: 35.5436, lng: 106.6655 },
      transitions: [
        { hoursLater: 2, by: ma, kind: { action: 'escalate' }, note: '需要市政维修，网格处理不了' },
        { hoursLater: 40, by: system, kind: { action: 'auto_escalate' }, note: '村（社区）超时未处理，自动上报上一级' },
      ],
    },
    {
      key: 'h',
      place: LIUHU,
      reporter: YANGLIXIN,
      category: 'sanitation',
      severity: 'major',
      at: now - 4 * 24 * HOUR,
      description: '小区东门外的餐馆油污直排雨水口，气味很大',
      location: { lat: 35.5441, lng: 106.6662 },
      transitions: [
        { hoursLater: 9, by: system, kind: { action: 'auto_escalate' }, note: '村（社区）超时未处理，自动上报上一级' },
        {
          hoursLater: 10,
          by: sunli,
          kind: { action: 'dispatch' },
          note: '派城管局查处',
          dueAt: now + 24 * HOUR,
          patch: () => ({
            departmentId: '620802-D-CG',
            dispatchUnitId: '620802001',
            dispatchDeadline: now + 24 * HOUR,
          }),
          counters: () => [[ownCounters('620802-D-CG'), { dispatched: 1 }]],
        },
        {
          hoursLater: 50,
          by: { userId: null, name: '崆峒区城市管理局' },
          kind: { action: 'feedback' },
          note: '已责令餐馆安装隔油池并罚款',
          counters: () => [[ownCounters('620802-D-CG'), { reportedBack: 1, reportedBackOnTime: 1 }]],
        },
      ],
    },
  ]

  for (const p of plans) {
    const prepared: PreparedIncident = {
      place: p.place,
      categoryLabel: label(p.category),
      rule: deadlineRule(p.category, p.severity),
      notice: null,
      draft: {
        id: `inc-demo-${p.key}`,
        now: p.at,
        reporter: p.reporter,
        source: 'resident',
        category: p.category,
        severity: p.severity,
        description: p.description,
        photos: [],
        location: { ...p.location, datum: 'gcj02' },
        address: '',
        gridId: p.place.gridId,
        anonymous: false,
        parties: p.parties ?? [],
        countsAsDailyReport: false,
      },
    }
    await createIncidentInTx(tx, prepared)
    for (const { hoursLater, by, ...t } of p.transitions) {
      await applyTransition(tx, prepared.draft.id, { ...t, by, now: p.at + hoursLater * HOUR, photos: [] })
    }
  }
  // the people whose turn it is on each open case have the message they would have been sent
  for (const inc of [...(memory.data.get(C.incidents)?.values() ?? [])] as Incident[]) {
    const permission = workPermission(inc.status, inc.level)
    if (!permission) continue
    const holders = DEMO_USERS.filter((u) =>
      u.roles.some(([role, unit]) => unit === inc.handlerUnitId && ROLES[role].permissions.includes(permission)),
    ).map((u) => u.id)
    await writeInbox(tx, holders, inc._id, inc.seq, workTell(inc), inc.updatedAt)
  }

  // 次仁 reported all safe today; 色西底村二组 has not yet
  const day = bjDay(now)
  await tx.insert(
    C.safe_reports,
    SafeReportSchema.parse({
      _id: safeReportId(SEXIDI.gridId, day),
      gridId: SEXIDI.gridId,
      villageId: SEXIDI.villageId,
      townshipId: SEXIDI.townshipId,
      day,
      kind: 'safe',
      byUserId: 'u-ciren',
      byName: '次仁',
      note: '',
      at: now - HOUR,
    }),
  )

  const out: Record<string, Doc[]> = {}
  for (const [c, m] of memory.data) out[c] = [...m.values()]
  // the demo's messages are history: their pushes went out long ago (none waits for the sendPushes timer)
  out.incident_inbox = (out.incident_inbox ?? []).map((d) => ({ ...d, pushState: null }))
  for (const d of out.incidents ?? []) IncidentSchema.parse(d)
  for (const d of out.incident_events ?? []) IncidentEventSchema.parse(d)
  return out
}
