import { systemClock, type Clock } from './clock'
import { consoleLogger, createRuntime, type Logger, type Runtime } from './runtime'
import { SqlitePort } from './sqlite-port'

export interface LocalRuntimeOptions {
  /** SQLite file, or ':memory:' for a throwaway store */
  dbFile: string
  clock?: Clock
  log?: Logger
}

/** The local host's and the tests' runtime: the same functions over the embedded store. */
export function createLocalRuntime(opts: LocalRuntimeOptions): Runtime & { db: SqlitePort } {
  const db = new SqlitePort(opts.dbFile)
  const rt = createRuntime({ mode: 'local', db, clock: opts.clock ?? systemClock, log: opts.log ?? consoleLogger })
  return { ...rt, db }
}
