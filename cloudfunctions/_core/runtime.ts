import type { Clock } from './clock'
import type { DataPort } from './port'
import { UnitDirectory } from './units'

export interface Logger {
  info(msg: string, extra?: Record<string, unknown>): void
  error(msg: string, extra?: Record<string, unknown>): void
}

export const consoleLogger: Logger = {
  info: (msg, extra) => console.log(JSON.stringify({ level: 'info', msg, ...extra })),
  error: (msg, extra) => console.error(JSON.stringify({ level: 'error', msg, ...extra })),
}

/**
 * Everything an action may touch outside its input: the data port, the clock and the platform
 * services. Built once per process (per warm CloudBase instance, or per local host).
 */
export interface Runtime {
  mode: 'cloudbase' | 'local'
  db: DataPort
  clock: Clock
  log: Logger
  units: UnitDirectory
}

export function createRuntime(parts: Omit<Runtime, 'units'>): Runtime {
  return { ...parts, units: new UnitDirectory(parts.db) }
}
