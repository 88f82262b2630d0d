import { accountContract } from './account/account.contract'
import { pointsContract } from './points/points.contract'
import { volunteerContract } from './volunteer/volunteer.contract'
import { patrolContract } from './patrol/patrol.contract'
import { incidentContract } from './incident/incident.contract'

/** Every cloud function's contract, by function name. Adding a domain adds one line here. */
export const CONTRACTS = {
  account: accountContract,
  points: pointsContract,
  volunteer: volunteerContract,
  patrol: patrolContract,
  incident: incidentContract,
} as const
