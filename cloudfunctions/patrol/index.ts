import { cloudbaseMain } from '../_core/cloudbase-main'
import { patrolFunction } from './function'

export const main = cloudbaseMain(patrolFunction)
