import { incidentContract } from '@shared/incident/incident.contract'
import { defineFunction } from '../_core/wrap'
import { accept } from './actions/accept'
import { close } from './actions/close'
import { dispatch } from './actions/dispatch'
import { escalate } from './actions/escalate'
import { exportLedger } from './actions/export-ledger'
import { feedback } from './actions/feedback'
import { get } from './actions/get'
import { getConfig } from './actions/get-config'
import { getFigures } from './actions/get-figures'
import { getSafeStatus } from './actions/get-safe-status'
import { joinIncident } from './actions/join-incident'
import { listCategories } from './actions/list-categories'
import { listDepartments } from './actions/list-departments'
import { listNearbyOpen } from './actions/list-nearby-open'
import { listQueue } from './actions/list-queue'
import { markInboxRead } from './actions/mark-inbox-read'
import { mediate } from './actions/mediate'
import { myInbox } from './actions/my-inbox'
import { myReports } from './actions/my-reports'
import { rate } from './actions/rate'
import { rateDepartment } from './actions/rate-department'
import { reject } from './actions/reject'
import { report } from './actions/report'
import { resolve } from './actions/resolve'
import { safeReport } from './actions/safe-report'
import { saveCategories } from './actions/save-categories'
import { sweepOverdue } from './actions/sweep-overdue'
import { sweepTimer } from './incident.sweep'

export const incidentFunction = defineFunction(
  incidentContract,
  {
    getConfig,
    report,
    listNearbyOpen,
    joinIncident,
    get,
    myReports,
    listQueue,
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
    listDepartments,
    sweepOverdue,
    myInbox,
    markInboxRead,
    safeReport,
    getSafeStatus,
    getFigures,
    exportLedger,
    listCategories,
    saveCategories,
  },
  { sweepOverdue: sweepTimer },
)
