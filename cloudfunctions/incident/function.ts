import { incidentContract } from '@shared/incident/incident.contract'
import { defineFunction } from '../_core/wrap'
import { accept } from './actions/accept'
import { categories, saveCategories } from './actions/categories'
import { close } from './actions/close'
import { config } from './actions/config'
import { departments } from './actions/departments'
import { dispatch } from './actions/dispatch'
import { escalate } from './actions/escalate'
import { feedback } from './actions/feedback'
import { get } from './actions/get'
import { inbox } from './actions/inbox'
import { inboxRead } from './actions/inbox-read'
import { joinIncident } from './actions/join-incident'
import { ledger } from './actions/ledger'
import { mediate } from './actions/mediate'
import { mine } from './actions/mine'
import { nearbyOpen } from './actions/nearby-open'
import { queue } from './actions/queue'
import { rate } from './actions/rate'
import { rateDepartment } from './actions/rate-department'
import { reject } from './actions/reject'
import { report } from './actions/report'
import { resolve } from './actions/resolve'
import { safeReport } from './actions/safe-report'
import { safeStatus } from './actions/safe-status'
import { stats } from './actions/stats'
import { sweepOverdue } from './actions/sweep-overdue'
import { sweepOverdue as sweepAll } from './sweep'

export const incidentFunction = defineFunction(
  incidentContract,
  {
    config,
    report,
    nearbyOpen,
    joinIncident,
    get,
    mine,
    queue,
    accept,
    resolve,
    escalate,
    reject,
    dispatch,
    feedback,
    close,
    mediate,
    rate,
    rateDepartment,
    departments,
    sweepOverdue,
    inbox,
    inboxRead,
    safeReport,
    safeStatus,
    stats,
    ledger,
    categories,
    saveCategories,
  },
  {
    // Deadlines escalate even when nobody opens a queue: CloudBase's timer trigger (config.json), or
    // the local host's interval, sweeps every unit.
    sweepOverdue: { everyMinutes: 15, run: (rt, now) => sweepAll(rt, now, {}, 500) },
  },
)
