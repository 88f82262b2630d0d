import { cloudbaseMain } from '../_core/cloudbase-main'
import { volunteerFunction } from './function'

export const main = cloudbaseMain(volunteerFunction)
