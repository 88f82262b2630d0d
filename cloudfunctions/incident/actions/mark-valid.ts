import { incidentContract, IncidentErrors } from '@shared/incident/incident.contract'
import { incidentRef } from '@shared/incident/incident.labels'
import { C } from '../../_core/collections'
import { defineAction } from '../../_core/wrap'
import { creditReportReward } from '../../points/points.api'
import { countedUnits, loadIncident } from '../incident.repo'
import { applyTransition } from '../incident.transition'

/**
 * 价值信息以奖代补: a handler of the case's grid marks a report useful; the county's reward for its category is
 * credited to the reporter's household points in the same transaction, once (the points ledger keys the entry by the
 * report), and the reporter is told.
 */
export const markValid = defineAction(incidentContract.actions.markValid, {
  load: async ({ incidentId }, ctx) => {
    const incident = await loadIncident(ctx.db, incidentId)
    const settings = await ctx.db.get(C.incident_settings, incident.countyId)
    const reporter = await ctx.db.get(C.users, incident.reporterId)
    return {
      unitId: incident.gridId,
      points: settings?.rewards.find((r) => r.category === incident.category)?.points ?? 0,
      householdId: reporter?.householdId ?? null,
    }
  },
  run: async ({ input, loaded, tx, ctx }) => {
    const inc = await loadIncident(tx, input.incidentId)
    if (inc.validAt) throw IncidentErrors.ALREADY_VALID()
    if (inc.status === 'rejected') throw IncidentErrors.NOT_VALIDATABLE()
    if (inc.reporterId === ctx.caller.user._id) throw IncidentErrors.OWN_INCIDENT()
    const award = await creditReportReward(tx, {
      householdId: loaded.householdId,
      userId: inc.reporterId,
      points: loaded.points,
      incidentId: inc._id,
      code: inc.code,
      category: inc.categoryLabel,
      reason: { key: 'points.reason.report_reward', params: { code: inc.code } },
      approvedBy: ctx.caller.user._id,
      now: ctx.now,
    })
    const points = award.credited ? award.points : 0
    await applyTransition(tx, inc._id, {
      kind: { record: 'valid' },
      by: { userId: ctx.caller.user._id, name: ctx.caller.user.name },
      note: '',
      systemNote: points ? incidentRef('incident.note.valid', { points }) : incidentRef('incident.note.valid_none'),
      photos: [],
      now: ctx.now,
      patch: () => ({ validAt: ctx.now, rewardPoints: points }),
      counters: (i) => [[countedUnits(i), { validReports: 1, rewardPointsSum: points }]],
      // the reporter alone (those who joined earn nothing by it)
      notice: {
        userIds: [inc.reporterId],
        when: () => true,
        tell: (i) => ({
          title: incidentRef('incident.tell.valid.title'),
          body: points
            ? incidentRef('incident.tell.valid.body', { code: i.code, points })
            : incidentRef('incident.tell.valid.body_none', { code: i.code }),
        }),
      },
    })
    return { id: inc._id, points, credited: award.credited }
  },
})
