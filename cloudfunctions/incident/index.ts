import { cloudbaseMain, cloudbaseRuntime } from '../_core/cloudbase-main'
import { incidentFunction } from './function'
import { sweepOverdue } from './sweep'

const handle = cloudbaseMain(incidentFunction)

/** A CloudBase timer trigger (config.json "triggers") has no caller: it runs the deadline sweep everywhere. */
export const main = async (event: unknown): Promise<unknown> => {
  if (event && typeof event === 'object' && (event as { Type?: string }).Type === 'Timer') {
    const rt = cloudbaseRuntime()
    return sweepOverdue(rt, rt.clock.now(), {}, 500)
  }
  return handle(event)
}
