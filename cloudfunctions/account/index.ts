import { cloudbaseConsoleLogin } from '../_core/cloudbase-console-login'
import { cloudbaseMain } from '../_core/cloudbase-main'
import { accountFunction } from './function'

export const main = cloudbaseMain(accountFunction, { consoleLogin: cloudbaseConsoleLogin })
