import { accountFunction } from './account/function'
import { incidentFunction } from './incident/function'
import { pointsFunction } from './points/function'
import { volunteerFunction } from './volunteer/function'
import { patrolFunction } from './patrol/function'
import type { CloudFunction } from './_core/wrap'

/** Every cloud function by name: the local host serves these, the build bundles one folder each. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  account: accountFunction,
  incident: incidentFunction,
  points: pointsFunction,
  volunteer: volunteerFunction,
  patrol: patrolFunction,
}
