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
import { pushTimer } from './incident.pushes'
import { sweepTimer } from './incident.sweep'
import { exportAppraisal } from './actions/export-appraisal'
import { exportDisputes } from './actions/export-disputes'
import { finishRound } from './actions/finish-round'
import { getAppraisal } from './actions/get-appraisal'
import { getRoundStatus } from './actions/get-round-status'
import { getSettings } from './actions/get-settings'
import { markValid } from './actions/mark-valid'
import { myGridWorker } from './actions/my-grid-worker'
import { myRounds } from './actions/my-rounds'
import { reportFromVisit } from './actions/report-from-visit'
import { reportIn } from './actions/report-in'
import { escalateToCounty } from './actions/escalate-to-county'
import { requestAssist } from './actions/request-assist'
import { returnTask } from './actions/return-task'
import { saveSettings } from './actions/save-settings'
import { startRound } from './actions/start-round'
import { visitHousehold } from './actions/visit-household'

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
    escalateToCounty,
    reportIn,
    returnTask,
    requestAssist,
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
    getAppraisal,
    exportAppraisal,
    exportDisputes,
    getSettings,
    saveSettings,
    markValid,
    startRound,
    visitHousehold,
    finishRound,
    reportFromVisit,
    myRounds,
    getRoundStatus,
    myGridWorker,
  },
  { sweepOverdue: sweepTimer, sendPushes: pushTimer },
)
