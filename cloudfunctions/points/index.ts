import { cloudbaseMain } from '../_core/cloudbase-main'
import { pointsFunction } from './function'

export const main = cloudbaseMain(pointsFunction)
