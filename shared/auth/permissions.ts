/**
 * Every permission in the system, `<noun>_<verb>`, with what it lets a person do.
 * Code checks permissions; role names appear only in the role table (roles.ts).
 */
export const PERMISSIONS = {
  // accounts
  invite_create: '发放邀请码（授予角色）',
  member_list: '查看本单位人员名单',
  // grid reports (incident)
  incident_create: '上报网格事件（随手拍）',
  incident_view: '查看辖区事件详情（含精确位置）',
  incident_accept: '受理事件',
  incident_resolve: '在网格内办结事件',
  incident_escalate: '上报（吹哨）事件',
  incident_reject: '退回事件',
  incident_dispatch: '定责派单',
  incident_feedback: '职能部门反馈处置结果',
  incident_close: '依责销号（结案）',
  incident_rate_dept: '一哨一考核：评价部门响应',
  incident_figures: '查看事件统计与排名',
  ledger_export: '导出台账',
  incident_configure: '设置本县（区）的网格事件类别',
  safe_report_create: '报平安（每日网格巡查）',
  safe_report_view: '查看各网格报平安情况',
  // patrol
  patrol_manage: '管理巡逻队、路线、点位和班次',
  checkin_create: '巡逻打卡',
  checkin_review: '审核存疑打卡',
  patrol_figures: '查看巡逻统计',
  // points
  points_rule_manage: '管理积分规则（村规民约）',
  points_propose: '提出积分评定',
  points_approve: '审核积分评定',
  points_object: '对公示积分提出异议',
  points_figures: '查看积分统计',
  points_export: '导出积分与兑换台账',
  goods_manage: '管理积分超市商品',
  redemption_create: '兑换商品',
  redemption_fulfil: '核销兑换（发放商品）',
  // volunteer
  org_register: '登记社会组织 / 志愿服务队',
  org_approve: '审核社会组织',
  org_manage: '管理本组织',
  task_publish: '发布志愿服务任务',
  task_signup: '报名志愿服务',
  attendance_confirm: '确认志愿服务时长',
  need_create: '发布群众需求（点单）',
  need_take: '接单',
  need_verify: '验单',
  volunteer_figures: '查看志愿服务统计',
} as const

export type Permission = keyof typeof PERMISSIONS
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[]
