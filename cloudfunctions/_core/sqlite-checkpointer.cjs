// The WAL checkpointer's worker thread (see Checkpointer in sqlite-port.ts): a second connection to the same
// file that does every checkpoint copy and every fsync, so the request thread never does. Plain CommonJS so
// that node, tsx and ts-jest all load it by path as it is.
//
// Messages: the worker says 'ready' when the WAL should start over and it has nearly caught up; the request
// thread then pauses its operations and says 'go'; the worker copies and syncs the last frames and answers
// with the number of frames still uncopied (-1 if it could not check). 'round' runs one round now and answers
// 'ready' or 'idle' (with everyMs = 0 there is no timer: rounds run only when asked). 'close' ends the thread
// after a last checkpoint.
const { parentPort, workerData } = require('node:worker_threads')
const fs = require('node:fs')
const Database = require(workerData.lib)

const { everyMs, restartAt, slack } = workerData
const manual = everyMs === 0
/** how long one round may keep copying while writes go on (the next round goes on from there) */
const budgetMs = 4 * (manual ? 25 : everyMs)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
const dbFd = fs.openSync(workerData.file, 'r')
const checkpoint = () => {
  try {
    return db.pragma('wal_checkpoint(PASSIVE)')[0]
  } catch {
    return null
  }
}
let timer = null
let waiting = false
let closed = false
let askedAt = -1
let last = { log: -1, checkpointed: -1 }

function schedule() {
  if (!manual && !timer && !waiting && !closed) timer = setTimeout(round, everyMs)
}

/** One round; true when it asked for the pause (the WAL is to start over). */
function round() {
  timer = null
  // Copy, sync the database file, copy what came meanwhile, …, until little is left uncopied or unsynced, so
  // the last checkpoint before a restart (with the writer paused) copies and syncs only a few pages. Bounded
  // in time: under writes faster than the disk, the next round goes on and the backstop bounds the WAL.
  const until = Date.now() + budgetMs
  let r = checkpoint()
  const idle = r && r.log === last.log && r.checkpointed === last.checkpointed
  while (r && !idle && Date.now() < until) {
    const before = r.checkpointed
    try {
      fs.fdatasyncSync(dbFd)
    } catch {
      // harmless: this sync only makes the last one cheap; SQLite syncs the database file itself before it
      // marks the last frames copied, and the WAL starts over only after that
    }
    r = checkpoint() || r
    if (r.checkpointed - before <= slack && r.log - r.checkpointed <= slack) break
  }
  // ask once per WAL generation: after the pause the WAL restarts, so its frame count drops below the last ask
  const due = (log) => askedAt < 0 || log < askedAt || log >= askedAt + restartAt
  if (r && r.log >= restartAt && r.log - r.checkpointed <= slack && due(r.log)) {
    askedAt = r.log
    waiting = true
    parentPort.postMessage('ready')
    return true
  }
  if (r && r.log < restartAt) askedAt = -1
  if (r) last = r
  schedule()
  return false
}

parentPort.on('message', (m) => {
  if (closed) return
  if (m === 'go') {
    const r = checkpoint()
    waiting = false
    parentPort.postMessage(r ? r.log - r.checkpointed : -1)
    schedule()
    return
  }
  if (m === 'round') {
    if (timer) clearTimeout(timer)
    if (waiting || !round()) parentPort.postMessage('idle')
    return
  }
  closed = true
  if (timer) clearTimeout(timer)
  checkpoint()
  db.close()
  fs.closeSync(dbFd)
  parentPort.close()
})
schedule()
