import { accountFunction } from './account/function'
import { patrolFunction } from './patrol/function'
import type { CloudFunction } from './_core/wrap'

/** Every cloud function by name: the local host serves these, the build bundles one folder each. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  account: accountFunction,
  patrol: patrolFunction,
}
