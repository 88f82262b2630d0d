import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { systemClock, type Clock } from './clock'
import { LocalFilePort } from './files'
import { localMediaChecker, mediaCheckPort } from './media-check'
import type { DataPort } from './port'
import { consoleLogger, createRuntime, type Logger, type Runtime } from './runtime'
import { SqlitePort } from './sqlite-port'

export interface LocalRuntimeOptions {
  /** SQLite file, or ':memory:' for a throwaway store */
  dbFile: string
  clock?: Clock
  log?: Logger
  /** where uploaded photos are kept; default: `files/` next to the database (a temp folder for ':memory:') */
  filesDir?: string
  /** the key of the photo URLs' signatures (default: random per process) */
  fileKey?: string | Buffer
}

/** The local host's and the tests' runtime: the same functions over the embedded store. */
export function createLocalRuntime(
  opts: LocalRuntimeOptions,
): Runtime & { db: SqlitePort & DataPort; files: LocalFilePort } {
  const db = new SqlitePort(opts.dbFile)
  const filesDir =
    opts.filesDir ??
    (opts.dbFile === ':memory:' ? mkdtempSync(join(tmpdir(), 'linli-files-')) : join(dirname(opts.dbFile), 'files'))
  const clock = opts.clock ?? systemClock
  const rt = createRuntime({ mode: 'local', db, clock, log: opts.log ?? consoleLogger })
  const media = mediaCheckPort(rt.db, clock, localMediaChecker)
  const files = new LocalFilePort(filesDir, { key: opts.fileKey, clock, media })
  return { ...rt, db: db as SqlitePort & DataPort, files, media }
}
