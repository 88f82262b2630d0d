import type { Clock } from './clock'
import { wordListChecker, type ContentSafetyPort } from './content-safety'
import { unavailableFiles, type FilePort } from './files'
import { noMediaCheck, type MediaCheckPort } from './media-check'
import { inboxOnlyNotifier, type NotifierPort } from './notifier'
import { demoPhones, noPhones, type PhonePort } from './phones'
import { typedPort, type DataPort, type RawPort } from './port'
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
  /** photo storage: local disk or CloudBase storage (see files.ts) */
  files: FilePort
  /** photos others see pass WeChat's media check first (imgSecCheck on CloudBase, a stand-in locally) */
  media: MediaCheckPort
  /** text others will read is checked first (msgSecCheck or a local word list) */
  contentSafety: ContentSafetyPort
  /** pushes beyond the in-app inbox (WeChat subscribe messages); best effort */
  notifier: NotifierPort
  /** WeChat's phone-number code → the number (phones.ts; `demo:` codes in local mode only) */
  phones: PhonePort
}

type PlatformPorts = 'files' | 'media' | 'contentSafety' | 'notifier' | 'phones'

/** What createRuntime makes itself: the typed port over the adapter, and the unit directory over that port. */
interface Derived {
  db: DataPort
  units: UnitDirectory
}

export function createRuntime(
  parts: Omit<Runtime, keyof Derived | PlatformPorts> & { db: RawPort } & Partial<Pick<Runtime, PlatformPorts>>,
): Runtime {
  const db = typedPort(parts.db)
  return {
    files: unavailableFiles,
    media: noMediaCheck,
    contentSafety: wordListChecker(),
    notifier: inboxOnlyNotifier,
    phones: parts.mode === 'local' ? demoPhones : noPhones,
    ...parts,
    db,
    units: new UnitDirectory(db),
  }
}
