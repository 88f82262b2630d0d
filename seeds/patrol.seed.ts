import { C } from '../cloudfunctions/_core/collections'
import type { Doc } from '../cloudfunctions/_core/port'
import { ids } from '../cloudfunctions/patrol/patrol.repo'
import {
  PatrolCheckpointSchema,
  PatrolMemberSchema,
  PatrolRouteSchema,
  PatrolShiftSchema,
  PatrolTeamSchema,
} from '@shared/patrol/patrol.schema'

/**
 * The 旭日岭社区 red-armband team (captain 多吉, volunteer 格桑) walking a loop through 甘孜县城 twice a day.
 * Coordinates are GCJ-02 around the county town (31.62 N, 99.99 E); checkpoint ids are fixed so printed
 * demo posters stay valid across re-seeds.
 */
export const PATROL_SEED = {
  villageId: '513328100001',
  teamId: 'tm-xuriling-1',
  routeId: 'rt-xuriling-main',
  morningShiftId: 'sh-xuriling-am',
  eveningShiftId: 'sh-xuriling-pm',
  checkpoints: [
    ['cp-XRL0000001', '旭日岭社区服务中心', 31.6262, 99.9912],
    ['cp-XRL0000002', '农贸市场北门', 31.6241, 99.9948],
    ['cp-XRL0000003', '达通玛广场', 31.6205, 99.993],
    ['cp-XRL0000004', '县人民医院路口', 31.6228, 99.9875],
    ['cp-XRL0000005', '雅砻江大桥北桥头', 31.6178, 99.996],
  ] as Array<[id: string, name: string, lat: number, lng: number]>,
} as const

export function patrolSeed(now: number): Record<string, Doc[]> {
  const { villageId, teamId, routeId } = PATROL_SEED
  const members = ['u-duoji', 'u-gesang']
  const team = PatrolTeamSchema.parse({
    _id: teamId,
    villageId,
    name: '旭日岭红袖套巡逻队',
    captainId: 'u-duoji',
    memberIds: members,
    createdAt: now,
    createdBy: 'u-lixiuying',
    updatedAt: now,
    updatedBy: 'u-lixiuying',
  })
  const memberDocs = members.map((userId) =>
    PatrolMemberSchema.parse({
      _id: ids.member(teamId, userId),
      teamId,
      villageId,
      userId,
      role: userId === 'u-duoji' ? 'captain' : 'member',
      active: true,
      since: now,
    }),
  )
  const checkpoints = PATROL_SEED.checkpoints.map(([id, name, lat, lng], i) =>
    PatrolCheckpointSchema.parse({
      _id: id,
      routeId,
      villageId,
      name,
      location: { lat, lng, datum: 'gcj02' },
      radiusM: 50,
      active: true,
      createdAt: now + i,
    }),
  )
  const route = PatrolRouteSchema.parse({
    _id: routeId,
    villageId,
    name: '县城主街环线',
    checkpointIds: checkpoints.map((c) => c._id),
    createdAt: now,
    createdBy: 'u-duoji',
  })
  const shift = (id: string, name: string, startMinute: number) =>
    PatrolShiftSchema.parse({
      _id: id,
      villageId,
      name,
      teamId,
      routeId,
      startMinute,
      durationMinutes: 120,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      active: true,
      createdAt: now,
      retiredAt: null,
    })
  return {
    [C.patrol_teams]: [team],
    [C.patrol_members]: memberDocs,
    [C.patrol_routes]: [route],
    [C.patrol_checkpoints]: checkpoints,
    [C.patrol_shifts]: [
      shift(PATROL_SEED.morningShiftId, '早巡', 8 * 60),
      shift(PATROL_SEED.eveningShiftId, '晚巡', 20 * 60),
    ],
  }
}
