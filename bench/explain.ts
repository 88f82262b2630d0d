/**
 * `npx tsx bench/explain.ts [bench/data/<scale>/gen]`: the plan SQLite picks (EXPLAIN QUERY PLAN through
 * SqlitePort.explain) for each query shape behind the benchmarked read paths, and how many rows each
 * returns, so a scan or a temp-b-tree sort shows up before it shows up in the latencies.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { C } from '../cloudfunctions/_core/collections'
import type { FindOptions } from '../cloudfunctions/_core/port'
import { SqlitePort } from '../cloudfunctions/_core/sqlite-port'
import type { Manifest } from './generate'

const dir = resolve(process.argv[2] ?? 'bench/data/s0.01-seed7/gen')
const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest
const s = m.sample
const db = new SqlitePort(join(dir, 'linli.db'))
const month = '2026-09'
const household = s.households[0]!

const shapes: Array<[label: string, collection: string, q: FindOptions]> = [
  ['caller grants', C.role_assignments, { where: { userId: s.gridWorker, revokedAt: null }, limit: 200 }],
  ['units children', C.units, { where: { parentId: s.townshipId }, orderBy: [['name', 'asc']], limit: 500 }],
  [
    'listQueue todo',
    C.incidents,
    { where: { handlerUnitId: { $in: [s.gridId] }, open: true }, orderBy: [['dueAt', 'asc']], limit: 20 },
  ],
  ['listQueue all (grid)', C.incidents, { where: { gridId: s.gridId }, orderBy: [['reportedAt', 'desc']], limit: 21 }],
  [
    'listQueue all (county)',
    C.incidents,
    { where: { countyId: s.countyId }, orderBy: [['reportedAt', 'desc']], limit: 21 },
  ],
  [
    'listQueue all total (county counters)',
    C.incident_counters,
    {
      where: { unitId: s.countyId },
      orderBy: [
        ['unitId', 'asc'],
        ['month', 'asc'],
      ],
      limit: 1000,
      fields: ['unitId', 'found'],
    },
  ],
  [
    // a township's and its village's figures: their county's month (cut to theirs below) and their own from before
    'getFigures counters (township + children)',
    C.incident_counters,
    {
      where: { unitId: { $in: [s.countyId, s.townshipId, s.villageId] }, month: { $in: [month] } },
      limit: 1000,
      fields: ['unitId', 'month', 'found', 'closed', `below.${s.townshipId}`, `below.${s.villageId}`],
    },
  ],
  [
    'grids walk (units of a level)',
    C.units,
    { where: { parentId: { $in: [s.townshipId, s.villageId] } }, orderBy: [['_id', 'asc']], limit: 1000 },
  ],
  [
    'sweep (due cases)',
    C.incidents,
    { where: { sweepAt: { $lt: Date.now() } }, orderBy: [['sweepAt', 'asc']], limit: 200 },
  ],
  [
    'holders of a unit',
    C.role_assignments,
    { where: { unitId: s.gridId, revokedAt: null, role: { $in: ['grid_worker'] } }, limit: 500 },
  ],
  [
    'incident ledger (village month)',
    C.incidents,
    { where: { villageId: s.villageId, reportedAt: { $gte: 0, $lt: Date.now() } }, orderBy: [['reportedAt', 'asc']] },
  ],
  ['timeline', C.incident_events, { where: { incidentId: 'x' }, orderBy: [['seq', 'asc']] }],
  ['myPoints history', C.points_ledger, { where: { householdId: household }, orderBy: [['seq', 'desc']], limit: 20 }],
  [
    'myPoints open awards',
    C.points_awards,
    { where: { householdId: household, status: { $in: ['publicity', 'objected'] } }, limit: 200 },
  ],
  [
    'board month',
    C.points_household_months,
    { where: { villageId: s.villageId, month }, orderBy: [['earned', 'desc']], limit: 20 },
  ],
  [
    'board all',
    C.points_accounts,
    { where: { villageId: s.villageId, entries: { $gt: 0 } }, orderBy: [['balance', 'desc']], limit: 20 },
  ],
  ['ledger export', C.points_ledger, { where: { villageId: s.villageId, month }, orderBy: [['at', 'asc']] }],
  [
    'patrol figures counters',
    C.patrol_counters,
    { where: { kind: 'team', townshipId: s.townshipId, month: { $gte: month, $lte: month } } },
  ],
  ['patrol figures shifts', C.patrol_shifts, { where: { villageId: { $in: [s.villageId] } } }],
  ['patrol member', C.patrol_members, { where: { teamId: s.teamId, active: true } }],
  ['signups of task', C.volunteer_signups, { where: { taskId: 'x', status: 'confirmed' }, orderBy: [['seq', 'asc']] }],
]

async function main(): Promise<void> {
  console.log(`${dir} (${m.scale}×)`)
  for (const [label, c, q] of shapes) {
    const t = performance.now()
    const rows = await db.find(c, q)
    const ms = performance.now() - t
    console.log(
      `${label.padEnd(34)} ${String(rows.length).padStart(5)} rows ${ms.toFixed(2).padStart(7)} ms  ${db.explain(c, q).join(' | ')}`,
    )
  }
  await db.close()
}

void main()
