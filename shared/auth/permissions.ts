/**
 * Every permission in the system, `<noun>_<verb>`. What each lets a person do is said, in both languages, by
 * `account.permission.<name>` in shared/account/account.messages.ts. Code checks permissions; role names appear
 * only in the role table (roles.ts).
 */
export const PERMISSION_NAMES = [
  // accounts
  'invite_create',
  'console_login',
  'push_view',
  'member_list',
  'household_approve',
  'unit_manage',
  'roster_import',
  'audit_view',
  // grid reports (incident)
  'incident_create',
  'incident_view',
  'incident_accept',
  'incident_resolve',
  'incident_escalate',
  'incident_reject',
  'incident_dispatch',
  'incident_feedback',
  'incident_close',
  'incident_rate_dept',
  'incident_figures',
  'ledger_export',
  'incident_configure',
  'safe_report_create',
  'safe_report_view',
  'round_create',
  'report_reward',
  // patrol
  'patrol_manage',
  'checkin_create',
  'checkin_review',
  'patrol_figures',
  // points
  'points_rule_manage',
  'points_propose',
  'points_approve',
  'points_object',
  'points_figures',
  'points_export',
  'goods_manage',
  'redemption_create',
  'redemption_fulfil',
  // volunteer
  'org_register',
  'org_approve',
  'org_manage',
  'task_publish',
  'task_signup',
  'attendance_confirm',
  'need_create',
  'need_take',
  'need_verify',
  'volunteer_figures',
] as const

export type Permission = (typeof PERMISSION_NAMES)[number]
