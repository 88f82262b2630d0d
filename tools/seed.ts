/**
 * `npm run seed` loads the demo data into the local database if it is empty;
 * `npm run seed -- --reset` deletes the local database first (stop `npm start` before).
 */
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createLocalRuntime } from '../cloudfunctions/_core/local-runtime'
import { seedIfEmpty } from '../seeds'
import { readEnv } from '../server/env'

async function main(): Promise<void> {
  const env = readEnv()
  const file = join(env.dataDir, 'linli.db')
  if (process.argv.includes('--reset')) {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f)
    console.log(`已删除 ${file}`)
  }
  const rt = createLocalRuntime({ dbFile: file })
  const seeded = await seedIfEmpty(rt.db, Date.now())
  await rt.db.close()
  console.log(seeded ? `演示数据已载入 ${file}` : `${file} 已有数据，未改动（加 --reset 可重建）`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
