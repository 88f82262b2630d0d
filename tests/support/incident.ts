import { incidentContract } from '@shared/incident/incident.contract'
import type { Figures, IncidentView } from '@shared/incident/incident.schema'
import { callsOf } from './contract-calls'
import { jpegWithExif } from './fixtures'
import type { TestEnv } from './harness'
import { sendPushes } from '../../cloudfunctions/incident/incident.pushes'

/** 旭日岭社区第一网格, where 卓玛 and 王德明 live and 扎西 is the grid worker (GCJ-02). */
export const HERE = { lat: 31.6249, lng: 99.9872, datum: 'gcj02' as const }

/** The inbox's waiting WeChat pushes sent now, as the incident function's minute timer sends them. */
export const pushNow = (env: TestEnv) => sendPushes(env.rt, env.clock.now())

/**
 * The incident tests' common steps over a test environment (a getter, for files with a fresh one per test): a
 * photo of one's own, and a resident's report of rubbish behind building 3 in their own grid.
 */
export function incidentSteps(env: () => TestEnv) {
  const { ok } = callsOf(env, incidentContract)
  const photo = (userId: string): string => env().rt.files.savePhoto(jpegWithExif(), userId).fileId
  const report = (userId = 'u-zhuoma', extra: Record<string, unknown> = {}): Promise<IncidentView> =>
    ok(userId, 'report', {
      category: 'sanitation',
      description: '三号楼后面垃圾堆了三天没人清运',
      photos: [photo(userId)],
      location: HERE,
      ...extra,
    })
  return { photo, report }
}

/** The figures that add up: a unit's equal the sum of the units right below it (rates and averages do not). */
export const ADDITIVE = [
  'found',
  'closed',
  'rejected',
  'reopened',
  'rated',
  'overdue',
  'dispatched',
  'countyEscalated',
  'countyDispatched',
  'countyClosed',
] as const satisfies ReadonlyArray<keyof Figures>
