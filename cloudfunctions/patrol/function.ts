import { patrolContract } from '@shared/patrol/patrol.contract'
import { defineFunction } from '../_core/wrap'
import { checkIn } from './actions/check-in'
import { createRoute } from './actions/create-route'
import { finishPatrol } from './actions/finish-patrol'
import { getFigures } from './actions/get-figures'
import { getPatrol } from './actions/get-patrol'
import { getPoster } from './actions/get-poster'
import { getSetup } from './actions/get-setup'
import { listMissed } from './actions/list-missed'
import { listReviews } from './actions/list-reviews'
import { myShifts } from './actions/my-shifts'
import { reportHazard } from './actions/report-hazard'
import { reviewCheckin } from './actions/review-checkin'
import { saveCheckpoint } from './actions/save-checkpoint'
import { saveSettings } from './actions/save-settings'
import { saveShift } from './actions/save-shift'
import { saveTeam } from './actions/save-team'
import { startPatrol } from './actions/start-patrol'

export const patrolFunction = defineFunction(patrolContract, {
  getSetup,
  saveTeam,
  createRoute,
  saveCheckpoint,
  saveShift,
  saveSettings,
  getPoster,
  myShifts,
  startPatrol,
  checkIn,
  finishPatrol,
  getPatrol,
  reportHazard,
  listReviews,
  reviewCheckin,
  listMissed,
  getFigures,
})
