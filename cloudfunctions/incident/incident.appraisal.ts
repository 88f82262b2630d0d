import type { UnitRef } from '@shared/account/account.schema'
import { monthsOf, appraisalScore, sumCounters } from '@shared/incident/incident.rules'
import { DEFAULT_APPRAISAL_WEIGHT, type AppraisalRow } from '@shared/incident/incident.schema'
import { C } from '../_core/collections'
import type { Runtime } from '../_core/runtime'
import { countersOf } from './incident.repo'

const round1 = (x: number) => Math.round(x * 10) / 10
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null)

/**
 * 一哨一考核 of a county's departments in a quarter, from the counters their parts kept (whistled, 报到 and its
 * hours, reported back on time, handed back, rated): nothing is typed twice. Ranked by score, then cases.
 */
export async function appraisalOf(
  rt: Runtime,
  countyId: string,
  quarter: string,
): Promise<{ weight: number; rows: AppraisalRow[] }> {
  const settings = await rt.db.get(C.incident_settings, countyId)
  const weight = settings?.appraisalWeight ?? DEFAULT_APPRAISAL_WEIGHT
  const depts = (await rt.units.children(countyId)).filter((u) => u.level === 'department')
  const counters = await countersOf(
    rt,
    depts.map((d) => d._id),
    monthsOf(quarter),
  )
  const rows: AppraisalRow[] = []
  for (const d of depts) {
    const c = sumCounters(counters.get(d._id) ?? [])
    const onTimeRate = ratio(c.reportedBackOnTime, c.reportedBack)
    const avgScore = c.deptRatingCount > 0 ? round1(c.deptRatingSum / c.deptRatingCount) : null
    const score = appraisalScore(onTimeRate, avgScore)
    rows.push({
      rank: 0,
      department: (await rt.units.ref(d._id)) as UnitRef,
      cases: c.dispatched,
      accepted: c.deptAccepted,
      avgResponseHours: c.deptAccepted > 0 ? round1(c.deptAcceptHoursSum / c.deptAccepted) : null,
      reportedBack: c.reportedBack,
      onTimeRate,
      returned: c.deptReturned,
      rated: c.deptRatingCount,
      avgScore,
      score,
      weighted: score === null ? null : round1(score * weight),
    })
  }
  rows.sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || b.cases - a.cases || a.department.id.localeCompare(b.department.id),
  )
  rows.forEach((r, i) => (r.rank = i + 1))
  return { weight, rows }
}
