import { accountContract } from './account/account.contract'

/** Every cloud function's contract, by function name. Adding a domain adds one line here. */
export const CONTRACTS = {
  account: accountContract,
} as const

export type FunctionName = keyof typeof CONTRACTS
