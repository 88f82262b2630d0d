import { action, defineContract } from '../contract'
import { EmptyInputSchema, PageInputSchema } from '../common.schema'
import { defineErrors } from '../errors'
import {
  CheckInputSchema, CompleteRequestInputSchema, ConfirmAttendanceInputSchema, ConfirmAttendanceOutputSchema,
  CreateRequestInputSchema, DecideOrgInputSchema, FiguresInputSchema, FiguresOutputSchema, ListOrgsInputSchema,
  ListOrgsOutputSchema, ListRequestsInputSchema, ListRequestsOutputSchema, ListSignupsInputSchema,
  ListSignupsOutputSchema, ListTasksInputSchema, ListTasksOutputSchema, MyHoursInputSchema, MyHoursOutputSchema,
  MyInboxOutputSchema, MyOrgsOutputSchema, MySignupViewSchema, OpenRequestsInputSchema, OrgTasksInputSchema,
  OrgViewSchema, PublishTaskInputSchema, RegisterOrgInputSchema, RequestIdInputSchema, RequestViewSchema,
  ReviewRequestInputSchema, SignupOutputSchema, TakeRequestInputSchema, TaskCodeOutputSchema, TaskIdInputSchema,
  TaskViewSchema,
} from './volunteer.schema'

export const VolunteerErrors = defineErrors('VOLUNTEER', {
  ORG_NOT_FOUND: '没有找到这个组织',
  ORG_NOT_APPROVED: '这个组织还没有通过审核',
  ORG_ALREADY_DECIDED: '这个组织已经审核过了',
  NOT_ORG_ADMIN: '您不是这个组织的管理员',
  UNIT_NOT_ALLOWED: '只能登记在乡镇或村（社区）',
  UNIT_OUTSIDE_ORG: '任务地点不在本组织的服务范围内',
  TASK_NOT_FOUND: '没有找到这个任务',
  TASK_CANCELLED: '这个任务已取消',
  TIME_IN_PAST: '开始时间已经过了',
  SIGNUP_CLOSED: '报名已截止',
  ALREADY_SIGNED_UP: '您已经报过名了',
  NOT_SIGNED_UP: '您还没有报名这个任务',
  CANCEL_CLOSED: '报名截止后不能取消，请联系组织者',
  NOT_CONFIRMED: '您在候补名单上，转为正式报名后才能签到',
  CHECKIN_NOT_OPEN: '不在签到时间内（开始前 1 小时到结束）',
  CHECKOUT_NOT_OPEN: '不在签退时间内（结束后 3 小时内）',
  ALREADY_CHECKED_IN: '您已经签到过了',
  NOT_CHECKED_IN: '请先签到',
  ALREADY_CHECKED_OUT: '您已经签退过了',
  BAD_CODE: '签到码不对，请扫组织者出示的码',
  TOO_FAR: '您不在任务地点附近，请到现场后再签到或扫码',
  SIGNUP_NOT_FOUND: '没有找到这条报名',
  ALREADY_CONFIRMED: '这位志愿者的时长已经确认过了',
  NOT_ATTENDABLE: '这条报名不是正式报名，不能确认时长',
  TASK_NOT_STARTED: '任务还没开始，不能确认时长',
  REASON_REQUIRED: '确认的时长和签到记录不同，请写明原因',
  NO_RESIDENCE: '请先在"我的"里设置您住在哪个村（社区）',
  REQUEST_NOT_FOUND: '没有找到这条需求',
  REQUEST_WRONG_STATE: '这条需求现在不能这样办理',
  NOT_MY_REQUEST: '这不是您发布的需求',
  REQUEST_OUTSIDE_ORG: '这条需求不在本组织的服务范围内',
  VOLUNTEER_NOT_FOUND: '没有找到这位志愿者',
  NOTE_REQUIRED: '请写明原因',
})

export const volunteerContract = defineContract('volunteer', '志愿服务', {
  // organisations
  registerOrg: action({
    summary: '登记社会组织 / 志愿服务队（待村或乡镇审核）',
    input: RegisterOrgInputSchema, output: OrgViewSchema, write: true, permission: 'org_register',
  }),
  decideOrg: action({
    summary: '审核社会组织：通过或不通过（写明理由）',
    input: DecideOrgInputSchema, output: OrgViewSchema, write: true, permission: 'org_approve',
  }),
  listOrgs: action({
    summary: '本辖区登记的组织（按状态）',
    input: ListOrgsInputSchema, output: ListOrgsOutputSchema, write: false, permission: 'org_approve',
  }),
  myOrgs: action({
    summary: '我管理的组织',
    input: EmptyInputSchema, output: MyOrgsOutputSchema, write: false, permission: 'org_manage',
  }),
  // tasks
  publishTask: action({
    summary: '发布志愿服务任务',
    input: PublishTaskInputSchema, output: TaskViewSchema, write: true, permission: 'task_publish',
  }),
  listTasks: action({
    summary: '我所在村（社区）和乡镇的志愿服务任务（分页，按开始时间）',
    input: ListTasksInputSchema, output: ListTasksOutputSchema, write: false, permission: null,
  }),
  orgTasks: action({
    summary: '本组织发布的任务',
    input: OrgTasksInputSchema, output: ListTasksOutputSchema, write: false, permission: 'task_publish',
  }),
  getTask: action({
    summary: '任务详情和我的报名',
    input: TaskIdInputSchema, output: TaskViewSchema, write: false, permission: null,
  }),
  signup: action({
    summary: '报名（满员则进入候补，有人取消时自动递补）',
    input: TaskIdInputSchema, output: SignupOutputSchema, write: true, permission: 'task_signup',
  }),
  cancelSignup: action({
    summary: '报名截止前取消报名（候补第一位自动递补）',
    input: TaskIdInputSchema, output: SignupOutputSchema, write: true, permission: 'task_signup',
  }),
  checkIn: action({
    summary: '到场签到（扫组织者的码，或在任务地点范围内）',
    input: CheckInputSchema, output: MySignupViewSchema, write: true, permission: 'task_signup',
  }),
  checkOut: action({
    summary: '离场签退',
    input: CheckInputSchema, output: MySignupViewSchema, write: true, permission: 'task_signup',
  }),
  taskCode: action({
    summary: '组织者出示的签到码',
    input: TaskIdInputSchema, output: TaskCodeOutputSchema, write: false, permission: 'attendance_confirm',
  }),
  listSignups: action({
    summary: '任务的报名名单（含候补和签到情况）',
    input: ListSignupsInputSchema, output: ListSignupsOutputSchema, write: false, permission: 'attendance_confirm',
  }),
  confirmAttendance: action({
    summary: '确认一位志愿者的时长（或未到）；时长记入个人记录并按规则计入家庭积分',
    input: ConfirmAttendanceInputSchema, output: ConfirmAttendanceOutputSchema, write: true, permission: 'attendance_confirm',
  }),
  myHours: action({
    summary: '我的志愿服务时长记录（可打印）',
    input: MyHoursInputSchema, output: MyHoursOutputSchema, write: false, permission: null,
  }),
  myInbox: action({
    summary: '我的志愿服务提醒',
    input: PageInputSchema, output: MyInboxOutputSchema, write: false, permission: null,
  }),
  // residents' requests: 群众点单、社会组织接单、政府买单、第三方验单
  createRequest: action({
    summary: '群众点单：发布一条需求（村里审核后公开）',
    input: CreateRequestInputSchema, output: RequestViewSchema, write: true, permission: 'request_create',
  }),
  myRequests: action({
    summary: '我发布的需求',
    input: PageInputSchema, output: ListRequestsOutputSchema, write: false, permission: null,
  }),
  withdrawRequest: action({
    summary: '撤回我的需求（接单前）',
    input: RequestIdInputSchema, output: RequestViewSchema, write: true, permission: null,
  }),
  confirmRequest: action({
    summary: '群众确认需求已办好',
    input: RequestIdInputSchema, output: RequestViewSchema, write: true, permission: null,
  }),
  publicRequests: action({
    summary: '本村（社区）已验单的需求（公开结果）',
    input: PageInputSchema, output: ListRequestsOutputSchema, write: false, permission: null,
  }),
  villageRequests: action({
    summary: '辖区的需求（审核、验单）',
    input: ListRequestsInputSchema, output: ListRequestsOutputSchema, write: false, permission: 'request_verify',
  }),
  reviewRequest: action({
    summary: '村里审核需求：公开（可接单）或不通过',
    input: ReviewRequestInputSchema, output: RequestViewSchema, write: true, permission: 'request_verify',
  }),
  verifyRequest: action({
    summary: '验单：通过则记入志愿者时长（和积分），不通过写明原因',
    input: ReviewRequestInputSchema, output: RequestViewSchema, write: true, permission: 'request_verify',
  }),
  openRequests: action({
    summary: '本组织服务范围内的需求（可接单的和已接的）',
    input: OpenRequestsInputSchema, output: ListRequestsOutputSchema, write: false, permission: 'request_take',
  }),
  takeRequest: action({
    summary: '社会组织接单',
    input: TakeRequestInputSchema, output: RequestViewSchema, write: true, permission: 'request_take',
  }),
  completeRequest: action({
    summary: '接单组织报告完成：做了什么、谁参加、多长时间',
    input: CompleteRequestInputSchema, output: RequestViewSchema, write: true, permission: 'request_take',
  }),
  // figures
  figures: action({
    summary: '志愿服务统计：任务、报名、到场率、时长、接单和验单',
    input: FiguresInputSchema, output: FiguresOutputSchema, write: false, permission: 'volunteer_stats',
  }),
})

export type VolunteerContract = typeof volunteerContract
