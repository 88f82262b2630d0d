import { accountContract } from './account/account.contract'
import { incidentContract } from './incident/incident.contract'

/** Every cloud function's contract, by function name. Adding a domain adds one line here. */
export const CONTRACTS = {
  account: accountContract,
  incident: incidentContract,
} as const

export type FunctionName = keyof typeof CONTRACTS
