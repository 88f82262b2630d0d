import { SEED_ORG_ID } from '../../seeds/volunteer.seed'
import type { TaskView } from '@shared/volunteer/volunteer.schema'
import type { TestEnv } from './harness'

const HOUR = 3_600_000
export const TASK_LOCATION = { lat: 31.6232, lng: 99.9905 }

/**
 * A task by 赵志强's team (旭日岭社区志愿服务队) starting `inHours` from the test clock's now, `hours` long, sign-up
 * closing an hour before; the organiser's phone 13908361240 as its contact.
 */
export async function postTask(
  e: TestEnv,
  opts: { slots?: number; inHours?: number; hours?: number; earnsPoints?: boolean } = {},
): Promise<TaskView> {
  const start = e.clock.now() + (opts.inHours ?? 48) * HOUR
  return e.ok('volunteer', 'u-zhaozhiqiang', 'publishTask', {
    orgId: SEED_ORG_ID,
    title: '河道垃圾清理',
    description: '清理河道两岸垃圾',
    category: 'environment',
    placeName: '旭日岭河边',
    location: TASK_LOCATION,
    radiusM: 200,
    startAt: start,
    endAt: start + (opts.hours ?? 3) * HOUR,
    slots: opts.slots ?? 3,
    signupDeadline: start - HOUR,
    requirements: '自带手套',
    contactName: '赵志强',
    contactPhone: '13908361240',
    pointsRule: { earnsPoints: opts.earnsPoints ?? true, maxHours: 4 },
  })
}
