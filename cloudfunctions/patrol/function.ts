import { patrolContract } from '@shared/patrol/patrol.contract'
import { defineFunction } from '../_core/wrap'
import { checkIn } from './actions/check-in'
import { createRoute } from './actions/create-route'
import { figures } from './actions/figures'
import { finishPatrol } from './actions/finish-patrol'
import { getPatrol } from './actions/get-patrol'
import { missed } from './actions/missed'
import { myShifts } from './actions/my-shifts'
import { poster } from './actions/poster'
import { reportHazard } from './actions/report-hazard'
import { reviewCheckin } from './actions/review-checkin'
import { reviewQueue } from './actions/review-queue'
import { saveCheckpoint } from './actions/save-checkpoint'
import { saveShift } from './actions/save-shift'
import { saveTeam } from './actions/save-team'
import { setup } from './actions/setup'
import { startPatrol } from './actions/start-patrol'

export const patrolFunction = defineFunction(patrolContract, {
  setup,
  saveTeam,
  createRoute,
  saveCheckpoint,
  saveShift,
  poster,
  myShifts,
  startPatrol,
  checkIn,
  finishPatrol,
  getPatrol,
  reportHazard,
  reviewQueue,
  reviewCheckin,
  missed,
  figures,
})
