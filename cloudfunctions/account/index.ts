import { cloudbaseMain } from '../_core/cloudbase-main'
import { accountFunction } from './function'

export const main = cloudbaseMain(accountFunction)
