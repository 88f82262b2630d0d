import { action, defineContract } from '../contract'
import { defineErrors } from '../errors'
import { OkOutputSchema } from '../common.schema'
import {
  ConfigInputSchema, ConfigOutputSchema, DepartmentsInputSchema, DepartmentsOutputSchema, DispatchInputSchema,
  IncidentIdInputSchema, IncidentViewSchema, InboxInputSchema, InboxOutputSchema, InboxReadInputSchema, JoinInputSchema,
  LedgerInputSchema, LedgerOutputSchema, MediateInputSchema, MineInputSchema, NearbyInputSchema, NearbyOutputSchema,
  NoteInputSchema, QueueInputSchema, RateDeptInputSchema, RateInputSchema, ReportInputSchema, RequiredNoteInputSchema,
  SafeReportInputSchema, SafeReportOutputSchema, SafeStatusInputSchema, SafeStatusOutputSchema, StatsInputSchema,
  StatsOutputSchema, SummaryPageSchema, SweepOutputSchema, TransitionOutputSchema,
  CategoriesOutputSchema, CountyInputSchema, SaveCategoriesInputSchema,
} from './incident.schema'
import { EmptyInputSchema } from '../common.schema'

export const IncidentErrors = defineErrors('INCIDENT', {
  NOT_FOUND: '没有找到这件事',
  NO_GRID: '请先选择发生在哪个网格',
  NOT_A_GRID: '请选择到网格（村民小组）一级',
  UNKNOWN_CATEGORY: '没有这个类别，请重新选择',
  CONTENT_UNSAFE: '描述里有不适宜公开的内容，请修改后再提交',
  INVALID_TRANSITION: '这件事现在不能这样处理，请刷新后查看最新进度',
  NOT_REPORTER: '只有上报人可以评价',
  ALREADY_JOINED: '您已经说过"我也遇到"了',
  OWN_INCIDENT: '这是您自己上报的事',
  NOT_OPEN: '这件事已经办结，不能再补充',
  NOT_DISPUTE: '只有矛盾纠纷需要调解记录',
  NOT_A_DEPARTMENT: '请选择本县的职能部门',
  NOT_DISPATCHED: '这件事没有派给职能部门，不用考核',
  NOT_REPORTED_BACK: '部门还没有反馈，暂时不能考核',
  ALREADY_RATED: '已经评价过了',
  BAD_PERIOD: '时段不对',
  NOT_A_COUNTY: '类别按县（区）设置，请选择一个县（区）',
  UNKNOWN_CATEGORY_KEY: '有类别已经不存在了，请刷新后再改',
})

export const incidentContract = defineContract('incident', '网格事件', {
  config: action({
    summary: '上报用的类别（可按县配置）、紧急程度和默认网格',
    input: ConfigInputSchema, output: ConfigOutputSchema, write: false, permission: null,
  }),
  report: action({
    summary: '随手拍：上报网格事件（1–9 张照片、位置、类别、描述，可对其他居民匿名）',
    input: ReportInputSchema, output: IncidentViewSchema, write: true, permission: 'incident_create',
  }),
  nearbyOpen: action({
    summary: '附近 100 米内 7 天里同类未办结的事（避免重复上报）',
    input: NearbyInputSchema, output: NearbyOutputSchema, write: false, permission: 'incident_create',
  }),
  joinIncident: action({
    summary: '"我也遇到"：附议一件已上报的事，办理结果也会告诉我',
    input: JoinInputSchema, output: IncidentViewSchema, write: true, permission: 'incident_create',
  }),
  get: action({
    summary: '事件详情和处理经过（按身份：经办人看全部，上报人看自己的，其他人看公开摘要）',
    input: IncidentIdInputSchema, output: IncidentViewSchema, write: false, permission: null,
  }),
  mine: action({
    summary: '我上报的事（分页）',
    input: MineInputSchema, output: SummaryPageSchema, write: false, permission: null,
  }),
  queue: action({
    summary: '待我处理的事，或某单位的全部事件（分页）',
    input: QueueInputSchema, output: SummaryPageSchema, write: false, permission: 'incident_view',
  }),
  accept: action({
    summary: '受理', input: NoteInputSchema, output: TransitionOutputSchema, write: true, permission: 'incident_accept',
  }),
  resolve: action({
    summary: '在网格（村）内办结', input: RequiredNoteInputSchema, output: TransitionOutputSchema, write: true, permission: 'incident_resolve',
  }),
  escalate: action({
    summary: '上报上级（吹哨）', input: RequiredNoteInputSchema, output: TransitionOutputSchema, write: true, permission: 'incident_escalate',
  }),
  reject: action({
    summary: '退回（写明理由）', input: RequiredNoteInputSchema, output: TransitionOutputSchema, write: true, permission: 'incident_reject',
  }),
  dispatch: action({
    summary: '定责派单：派给职能部门并限定办理时限', input: DispatchInputSchema, output: TransitionOutputSchema, write: true, permission: 'incident_dispatch',
  }),
  feedback: action({
    summary: '职能部门反馈处置结果', input: RequiredNoteInputSchema, output: TransitionOutputSchema, write: true, permission: 'incident_feedback',
  }),
  close: action({
    summary: '依责销号（结案）', input: RequiredNoteInputSchema, output: TransitionOutputSchema, write: true, permission: 'incident_close',
  }),
  mediate: action({
    summary: '矛盾纠纷调解记录（调解成功即办结）', input: MediateInputSchema, output: TransitionOutputSchema, write: true, permission: 'incident_resolve',
  }),
  rate: action({
    summary: '上报人评价：满意 / 基本满意 / 不满意（不满意则重新处理）', input: RateInputSchema, output: TransitionOutputSchema, write: true, permission: null,
  }),
  rateDepartment: action({
    summary: '一哨一考核：派单单位评价部门的响应', input: RateDeptInputSchema, output: TransitionOutputSchema, write: true, permission: 'incident_rate_dept',
  }),
  departments: action({
    summary: '可派单的职能部门', input: DepartmentsInputSchema, output: DepartmentsOutputSchema, write: false, permission: 'incident_dispatch',
  }),
  sweepOverdue: action({
    summary: '检查超时：标记超时、自动上报上一级、超期未评价的自动结案（可重复执行）',
    input: EmptyInputSchema, output: SweepOutputSchema, write: false, permission: 'incident_dispatch',
  }),
  inbox: action({
    summary: '我的消息（事件进展通知）', input: InboxInputSchema, output: InboxOutputSchema, write: false, permission: null,
  }),
  inboxRead: action({
    summary: '消息标为已读', input: InboxReadInputSchema, output: OkOutputSchema, write: true, permission: null,
  }),
  safeReport: action({
    summary: '无事报平安：每个网格每天一次', input: SafeReportInputSchema, output: SafeReportOutputSchema, write: true, permission: 'safe_report_create',
  }),
  safeStatus: action({
    summary: '各网格今天报平安情况（哪些还没报）', input: SafeStatusInputSchema, output: SafeStatusOutputSchema, write: false, permission: 'safe_report_view',
  }),
  stats: action({
    summary: '单位的排查量、办结、化解率、按时率、满意度、报平安率，及下级单位排名',
    input: StatsInputSchema, output: StatsOutputSchema, write: false, permission: 'incident_stats',
  }),
  ledger: action({
    summary: '月度台账（CSV 或 Excel）', input: LedgerInputSchema, output: LedgerOutputSchema, write: false, permission: 'ledger_export',
  }),
  categories: action({
    summary: '县（区）的事件类别（未设置时为默认类别）', input: CountyInputSchema, output: CategoriesOutputSchema, write: false, permission: 'incident_configure',
  }),
  saveCategories: action({
    summary: '设置县（区）的事件类别：改名、排序、增删（"其他"保留；已上报的事件保留原类别名）',
    input: SaveCategoriesInputSchema, output: CategoriesOutputSchema, write: true, permission: 'incident_configure',
  }),
})

export type IncidentContract = typeof incidentContract
