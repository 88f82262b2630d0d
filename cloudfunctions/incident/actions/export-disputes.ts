import { textOf, type Lang } from '@shared/i18n/i18n'
import { incidentContract } from '@shared/incident/incident.contract'
import { bodyLabel, disputeKindLabel, incidentText, transferLabel } from '@shared/incident/incident.labels'
import { INCIDENT } from '@shared/incident/incident.messages'
import type { Incident } from '@shared/incident/incident.schema'
import { maskName } from '@shared/mask'
import { bjMonthRange, formatBj } from '@shared/time/beijing'
import { C } from '../../_core/collections'
import type { Runtime } from '../../_core/runtime'
import { defineAction } from '../../_core/wrap'
import { tableFile } from '../incident.export'
import { unitFilter } from '../incident.repo'

/** The dispute ledger's columns, in order (headed by `incident.disputes.<column>`). */
export const DISPUTE_COLUMNS = [
  'code',
  'reported_at',
  'grid',
  'kind',
  'parties',
  'description',
  'body',
  'mediator',
  'sessions',
  'notes',
  'agreement',
  'outcome',
  'transfer',
  'closed_at',
] as const

async function rowOf(rt: Runtime, inc: Incident, lang: Lang): Promise<string[]> {
  const d = inc.dispute
  const sessions = d?.mediations ?? []
  const last = sessions[sessions.length - 1]
  const outcome = d?.outcome
    ? incidentText(`incident.mediation.${d.outcome}`, lang)
    : incidentText('incident.disputes.pending', lang)
  return [
    inc.code,
    formatBj(inc.reportedAt),
    (await rt.units.get(inc.gridId))?.name ?? inc.gridId,
    d?.kind ? disputeKindLabel(d.kind, lang) : '',
    // a file travels: the parties are masked
    (d?.parties ?? []).map((p) => maskName(p.name)).join('、'),
    inc.description,
    last?.body ? bodyLabel(last.body, lang) : '',
    last?.mediatorName ? maskName(last.mediatorName) : last ? maskName(last.byName) : '',
    String(sessions.length),
    sessions.map((s) => `${formatBj(s.at, 'MM-DD')} ${s.note}`).join('\n'),
    d?.agreement ?? '',
    outcome,
    d?.transferTo ? transferLabel(d.transferTo, lang) : '',
    inc.firstClosedAt ? formatBj(inc.firstClosedAt) : '',
  ]
}

/**
 * 矛盾纠纷排查调处台账 of a unit's month: every dispute reported in it with its mediation sessions, straight from the
 * cases (nothing typed twice), headed in the reader's language.
 */
export const exportDisputes = defineAction(incidentContract.actions.exportDisputes, {
  load: async ({ unitId }) => ({ unitId }),
  run: async ({ input: { unitId, month, format }, ctx }) => {
    const [start, end] = bjMonthRange(month)
    const cases = await ctx.db.find(C.incidents, {
      where: { ...(await unitFilter(ctx.rt, unitId)), reportedAt: { $gte: start, $lt: end } },
      orderBy: [['reportedAt', 'asc']],
      limit: 5000,
    })
    const body: string[][] = []
    for (const inc of cases) if (inc.dispute) body.push(await rowOf(ctx.rt, inc, ctx.lang))
    const unit = (await ctx.rt.units.get(unitId))?.name ?? unitId
    return tableFile(ctx.rt, {
      base: textOf(INCIDENT['incident.disputes.file'], ctx.lang, { unit, period: month }),
      sheet: textOf(INCIDENT['incident.disputes.sheet'], ctx.lang, { period: month }),
      format,
      head: DISPUTE_COLUMNS.map((c) => incidentText(`incident.disputes.${c}`, ctx.lang)),
      body,
      widths: [16, 18, 16, 12, 16, 36, 16, 10, 8, 40, 30, 12, 14, 18],
    })
  },
})
