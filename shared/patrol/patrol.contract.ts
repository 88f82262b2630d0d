import { z } from 'zod'
import { action, defineContract } from '../contract'
import { defineErrors } from '../errors'
import { EmptyInputSchema } from '../common.schema'
import {
  CheckInInputSchema, CheckInOutputSchema, CheckpointViewSchema, CreateRouteInputSchema, FiguresInputSchema,
  FiguresSchema, MissedInputSchema, MissedSchema, MyShiftSchema, PatrolInputSchema, PatrolViewSchema, PosterInputSchema,
  PosterSchema, ReportHazardInputSchema, ReportHazardOutputSchema, ReviewCheckinInputSchema, ReviewCheckinOutputSchema,
  ReviewQueueInputSchema, ReviewQueueOutputSchema, RouteViewSchema, SaveCheckpointInputSchema, SaveShiftInputSchema,
  SaveTeamInputSchema, SetupSchema, ShiftViewSchema, StartPatrolInputSchema, TeamViewSchema, VillageInputSchema,
} from './patrol.schema'

export const PatrolErrors = defineErrors('PATROL', {
  NOT_A_VILLAGE: '巡逻队、路线和班次要设在村（社区）一级',
  TEAM_NOT_FOUND: '没有找到这个巡逻队',
  ROUTE_NOT_FOUND: '没有找到这条路线',
  CHECKPOINT_NOT_FOUND: '没有找到这个点位',
  SHIFT_NOT_FOUND: '没有找到这个班次',
  PATROL_NOT_FOUND: '没有找到这次巡逻',
  NOT_A_PATROLLER: '这个人不是本村（社区）的巡逻队员',
  ROUTE_EMPTY: '这条路线还没有点位，请先添加点位',
  SHIFT_INACTIVE: '这个班次已停用',
  NOT_IN_SHIFT: '现在不在这个班次的巡逻时间内',
  NOT_IN_TEAM: '您不是这个巡逻队的队员',
  BAD_CODE: '这个点位码无效，请扫描点位上张贴的二维码',
  WRONG_VILLAGE: '这个点位码不属于本村（社区），不能在这里打卡',
  NOT_ON_ROUTE: '这个点位不在本次巡逻的路线上',
  PATROL_FINISHED: '这次巡逻已经结束了',
  NO_CHECKINS: '还没有打卡，不能结束巡逻',
  ALREADY_REVIEWED: '这条打卡已经审核过了',
  NOT_FLAGGED: '这条打卡不需要审核',
  UNIT_NOT_FOUND: '没有找到这个单位',
  BAD_PERIOD: '开始月份不能晚于结束月份，最多查 12 个月',
})

export const patrolContract = defineContract('patrol', '巡逻打卡', {
  setup: action({
    summary: '本村（社区）的巡逻队、路线与点位、班次',
    input: VillageInputSchema, output: SetupSchema, write: false, permission: 'patrol_manage',
  }),
  saveTeam: action({
    summary: '新建或修改巡逻队：队名、队长、队员',
    input: SaveTeamInputSchema, output: TeamViewSchema, write: true, permission: 'patrol_manage',
  }),
  createRoute: action({
    summary: '新建巡逻路线',
    input: CreateRouteInputSchema, output: RouteViewSchema, write: true, permission: 'patrol_manage',
  }),
  saveCheckpoint: action({
    summary: '在路线上添加或修改点位（名称、位置、范围），或停用点位',
    input: SaveCheckpointInputSchema, output: z.object({ route: RouteViewSchema, checkpoint: CheckpointViewSchema }),
    write: true, permission: 'patrol_manage',
  }),
  saveShift: action({
    summary: '新建或修改班次：哪个队、哪条路线、几点到几点、每周哪几天',
    input: SaveShiftInputSchema, output: ShiftViewSchema, write: true, permission: 'patrol_manage',
  }),
  poster: action({
    summary: '点位张贴码：服务器签名的二维码、点位名和路线',
    input: PosterInputSchema, output: PosterSchema, write: false, permission: 'patrol_manage',
  }),
  myShifts: action({
    summary: '我的班次：今天和接下来的巡逻时间、正在进行的巡逻',
    input: EmptyInputSchema, output: z.object({ items: z.array(MyShiftSchema) }), write: false,
    permission: 'checkin_create',
  }),
  startPatrol: action({
    summary: '在班次时间内开始巡逻（同队队员一起巡逻同一次）',
    input: StartPatrolInputSchema, output: PatrolViewSchema,
    write: true, permission: 'checkin_create',
  }),
  checkIn: action({
    summary: '扫点位码打卡（可离线排队，带手机时间补传）',
    input: CheckInInputSchema, output: CheckInOutputSchema, write: true, permission: 'checkin_create',
  }),
  finishPatrol: action({
    summary: '结束巡逻：记下漏巡点位、志愿时长',
    input: PatrolInputSchema, output: PatrolViewSchema, write: true, permission: 'checkin_create',
  }),
  getPatrol: action({
    summary: '一次巡逻的进度和打卡记录（位置只给本村队长和干部看）',
    input: PatrolInputSchema, output: PatrolViewSchema, write: false, permission: null,
  }),
  reportHazard: action({
    summary: '巡逻中上报隐患',
    input: ReportHazardInputSchema, output: ReportHazardOutputSchema, write: true, permission: 'checkin_create',
  }),
  reviewQueue: action({
    summary: '待审核的存疑打卡',
    input: ReviewQueueInputSchema, output: ReviewQueueOutputSchema, write: false, permission: 'checkin_review',
  }),
  reviewCheckin: action({
    summary: '审核存疑打卡：通过或不通过，写明理由（留痕）',
    input: ReviewCheckinInputSchema, output: ReviewCheckinOutputSchema, write: true, permission: 'checkin_review',
  }),
  missed: action({
    summary: '漏巡：没有完成的班次和漏掉的点位',
    input: MissedInputSchema, output: MissedSchema, write: false, permission: 'patrol_stats',
  }),
  figures: action({
    summary: '巡逻统计：应巡与实巡、点位覆盖率、存疑率、时长，按队或村排名',
    input: FiguresInputSchema, output: FiguresSchema, write: false, permission: 'patrol_stats',
  }),
})

export type PatrolContract = typeof patrolContract
