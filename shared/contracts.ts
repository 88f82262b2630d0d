import { accountContract } from './account/account.contract'
import { patrolContract } from './patrol/patrol.contract'
import { incidentContract } from './incident/incident.contract'

/** Every cloud function's contract, by function name. Adding a domain adds one line here. */
export const CONTRACTS = {
  account: accountContract,
  patrol: patrolContract,
  incident: incidentContract,
} as const

export type FunctionName = keyof typeof CONTRACTS
