import { cloudbaseMain } from '../_core/cloudbase-main'
import { incidentFunction } from './function'

export const main = cloudbaseMain(incidentFunction)
