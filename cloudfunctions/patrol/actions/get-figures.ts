import type { Unit } from '@shared/account/account.schema'
import { patrolContract, PatrolErrors } from '@shared/patrol/patrol.contract'
import { plannedWindows } from '@shared/patrol/patrol.rules'
import type { FigureRow, PatrolCounter } from '@shared/patrol/patrol.schema'
import { bjMonthRange } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import type { Filter } from '../../_core/port'
import { defineAction, type ActionContext } from '../../_core/wrap'

interface Sums {
  planned: number
  done: number
  checkpointsPlanned: number
  counted: number
  checkins: number
  flagged: number
  minutes: number
  credited: number
  uncredited: number
  lowCoverage: number
  tooShort: number
  creditPending: number
}
const zero = (): Sums => ({
  planned: 0,
  done: 0,
  checkpointsPlanned: 0,
  counted: 0,
  checkins: 0,
  flagged: 0,
  minutes: 0,
  credited: 0,
  uncredited: 0,
  lowCoverage: 0,
  tooShort: 0,
  creditPending: 0,
})
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0)

function addCounters(s: Sums, st: PatrolCounter): void {
  s.done += st.patrolsDone
  s.checkpointsPlanned += st.checkpointsPlanned
  // ok check-ins plus accepted ones: everything stored, less what is flagged and not (yet) accepted
  s.counted += st.checkins - st.flagged + st.accepted
  s.checkins += st.checkins
  s.flagged += st.flagged
  s.minutes += st.minutes
  // counters written before the credit rule lack these fields: they count 0
  s.credited += st.credited ?? 0
  s.uncredited += st.uncredited ?? 0
  s.lowCoverage += st.lowCoverage ?? 0
  s.tooShort += st.tooShort ?? 0
  s.creditPending += st.creditPending ?? 0
}

function row(id: string, name: string, s: Sums): FigureRow {
  return {
    id,
    name,
    planned: s.planned,
    done: s.done,
    doneRate: ratio(s.done, s.planned),
    coverage: ratio(s.counted, s.checkpointsPlanned),
    flaggedRate: ratio(s.flagged, s.checkins),
    hours: Math.round((s.minutes / 60) * 10) / 10,
    credited: s.credited,
    uncredited: s.uncredited,
    lowCoverage: s.lowCoverage,
    tooShort: s.tooShort,
    creditPending: s.creditPending,
  }
}

async function walkVillages(ctx: ActionContext, unit: Unit): Promise<Unit[]> {
  if (unit.level === 'village') return [unit]
  const out: Unit[] = []
  for (const child of await ctx.rt.units.children(unit._id)) {
    if (child.level === 'department' || child.level === 'grid') continue
    out.push(...(await walkVillages(ctx, child)))
  }
  return out
}

/**
 * The villages under a unit, kept for as long as units are (UnitDirectory.memo, cleared when units change), as the
 * grids under a unit are for the incident figures: a warm instance reads the counters and the shifts only.
 */
function villagesUnder(ctx: ActionContext, unit: Unit): Promise<Unit[]> {
  return unit.level === 'village'
    ? Promise.resolve([unit])
    : ctx.rt.units.memo(`patrol.villages:${unit._id}`, () => walkVillages(ctx, unit))
}

/** A page of counters: CloudBase answers at most 1,000 documents a query. */
const PAGE = 1000

/**
 * Every counter the filter selects: one query, unless it fills a page (a county over a long period, now that the
 * teams' counters are summed); then all of them again in pages by id, so none is left out.
 */
async function allCounters(ctx: ActionContext, where: Filter): Promise<PatrolCounter[]> {
  const first = await ctx.db.find(C.patrol_counters, { where, limit: PAGE })
  if (first.length < PAGE) return first
  const out: PatrolCounter[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await ctx.db.find(C.patrol_counters, { where, orderBy: [['_id', 'asc']], limit: PAGE, offset })
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

/**
 * Figures for a unit and a period of months, from the monthly counters (one indexed query), plus the
 * planned windows from the shift table: a village ranks its teams, a township or county its villages.
 */
export const getFigures = defineAction(patrolContract.actions.getFigures, {
  load: async ({ unitId }) => ({ unitId }),
  run: async ({ input: { unitId, fromMonth, toMonth }, ctx }) => {
    const unit = await ctx.rt.units.get(unitId)
    if (!unit || unit.level === 'grid' || unit.level === 'department')
      throw PatrolErrors.UNIT_NOT_FOUND.because('patrol.why.figures_unit')
    const [from] = bjMonthRange(fromMonth)
    const [, to] = bjMonthRange(toMonth)
    if (from >= to || to - from > 366 * 86_400_000) throw PatrolErrors.BAD_PERIOD()
    const until = Math.min(to, ctx.now)
    const month = { $gte: fromMonth, $lte: toMonth }
    const byVillage = unit.level === 'village'
    const villages = await villagesUnder(ctx, unit)
    const villageIds = villages.map((v) => v._id)

    // the teams' counters (the only ones written since issue #21), summed per team or per village
    let where: Filter
    if (byVillage) where = { kind: 'team', villageId: unitId, month }
    else if (unit.level === 'township') where = { kind: 'team', townshipId: unitId, month }
    else if (unit.level === 'county') where = { kind: 'team', countyId: unitId, month }
    else where = { kind: 'team', villageId: { $in: villageIds }, month }
    const [counters, shifts, teams] = await Promise.all([
      allCounters(ctx, where),
      ctx.db.find(C.patrol_shifts, { where: { villageId: { $in: villageIds } }, limit: 20_000 }),
      byVillage ? ctx.db.find(C.patrol_teams, { where: { villageId: unitId }, limit: 500 }) : Promise.resolve([]),
    ])

    const groups = new Map<string, { name: string; sums: Sums }>()
    if (byVillage) for (const t of teams) groups.set(t._id, { name: t.name, sums: zero() })
    else for (const v of villages) groups.set(v._id, { name: v.name, sums: zero() })
    const groupOf = (teamId: string, villageId: string) => groups.get(byVillage ? teamId : villageId)
    for (const st of counters) {
      const g = groupOf(st.unitId, st.villageId)
      if (g) addCounters(g.sums, st)
    }
    for (const s of shifts) {
      const g = groupOf(s.teamId, s.villageId)
      if (g) g.sums.planned += plannedWindows(s, from, until).length
    }
    const total = zero()
    for (const { sums } of groups.values()) {
      for (const k of Object.keys(total) as Array<keyof Sums>) total[k] += sums[k]
    }
    const ranked = [...groups.entries()]
      .map(([id, g]) => row(id, g.name, g.sums))
      .sort(
        (a, b) =>
          b.doneRate - a.doneRate || b.coverage - a.coverage || a.flaggedRate - b.flaggedRate || b.hours - a.hours,
      )
      .map((r, i) => ({ ...r, rank: i + 1 }))
    return { unit: (await ctx.rt.units.ref(unitId))!, fromMonth, toMonth, total: row(unitId, unit.name, total), ranked }
  },
})
