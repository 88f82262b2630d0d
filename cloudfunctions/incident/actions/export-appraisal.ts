import { textOf } from '@shared/i18n/i18n'
import { incidentContract } from '@shared/incident/incident.contract'
import { incidentText } from '@shared/incident/incident.labels'
import { INCIDENT } from '@shared/incident/incident.messages'
import { APPRAISAL_COLUMNS } from '@shared/incident/incident.schema'
import { defineAction } from '../../_core/wrap'
import { appraisalOf } from '../incident.appraisal'
import { tableFile } from '../incident.export'
import { loadCounty } from '../incident.repo'

const pct = (r: number | null) => (r === null ? '' : `${Math.round(r * 1000) / 10}%`)
const num = (n: number | null) => (n === null ? '' : String(n))

/** 一哨一考核季度表 as a file, headed in the language of the person exporting it. */
export const exportAppraisal = defineAction(incidentContract.actions.exportAppraisal, {
  load: async ({ countyId }, ctx) => ({ unitId: (await loadCounty(ctx.rt, countyId))._id }),
  run: async ({ input: { countyId, quarter, format }, ctx }) => {
    const { weight, rows } = await appraisalOf(ctx.rt, countyId, quarter)
    const head = APPRAISAL_COLUMNS.map((c) =>
      c === 'weighted'
        ? textOf(INCIDENT['incident.appraisal.weighted'], ctx.lang, { weight: Math.round(weight * 100) })
        : incidentText(`incident.appraisal.${c}`, ctx.lang),
    )
    const body = rows.map((r) => [
      String(r.rank),
      r.department.name,
      String(r.cases),
      String(r.accepted),
      num(r.avgResponseHours),
      String(r.reportedBack),
      pct(r.onTimeRate),
      String(r.returned),
      num(r.avgScore),
      num(r.score),
      num(r.weighted),
    ])
    const unit = (await ctx.rt.units.get(countyId))?.name ?? countyId
    return tableFile(ctx.rt, {
      base: textOf(INCIDENT['incident.appraisal.file'], ctx.lang, { unit, quarter }),
      sheet: textOf(INCIDENT['incident.appraisal.sheet'], ctx.lang, { quarter }),
      format,
      head,
      body,
      widths: [6, 30, 8, 8, 12, 8, 10, 8, 10, 12, 16],
    })
  },
})
