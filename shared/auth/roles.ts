import type { Permission } from './permissions'
import { PERMISSION_NAMES } from './permissions'
import type { UnitLevel } from '../account/account.schema'

/**
 * The role table: the only place role names map to permissions. A role is always held in a unit;
 * it grants its permissions in that unit and every unit below it.
 */
export interface RoleSpec {
  label: string
  /** unit levels where this role can be held */
  levels: readonly UnitLevel[]
  permissions: readonly Permission[]
  /** roles a holder may hand out with an invite code, in their own unit or below */
  grants: readonly RoleName[]
}

export const ROLE_NAMES = [
  'resident',
  'grid_worker',
  'info_collector',
  'patrol_volunteer',
  'patrol_captain',
  'village_official',
  'store_keeper',
  'org_admin',
  'dispatcher',
  'dept_handler',
  'system_admin',
] as const
export type RoleName = (typeof ROLE_NAMES)[number]

const VILLAGE_STAFF: readonly RoleName[] = [
  'resident',
  'grid_worker',
  'info_collector',
  'patrol_volunteer',
  'patrol_captain',
  'village_official',
  'store_keeper',
  'org_admin',
]

export const ROLES: Record<RoleName, RoleSpec> = {
  resident: {
    label: '居民',
    levels: ['grid', 'village'],
    permissions: ['incident_create', 'points_object', 'redemption_create', 'task_signup', 'need_create'],
    grants: [],
  },
  grid_worker: {
    label: '网格员',
    levels: ['grid'],
    permissions: [
      'incident_create',
      'incident_view',
      'incident_accept',
      'incident_resolve',
      'incident_escalate',
      'incident_reject',
      'safe_report_create',
      'member_list',
      'invite_create',
    ],
    grants: ['info_collector'],
  },
  info_collector: {
    label: '信息员',
    levels: ['grid', 'village'],
    permissions: ['incident_create'],
    grants: [],
  },
  patrol_volunteer: {
    label: '巡逻队员',
    levels: ['village', 'grid'],
    permissions: ['checkin_create', 'incident_create'],
    grants: [],
  },
  patrol_captain: {
    label: '巡逻队长',
    levels: ['village'],
    permissions: [
      'checkin_create',
      'incident_create',
      'patrol_manage',
      'checkin_review',
      'patrol_figures',
      'invite_create',
    ],
    grants: ['patrol_volunteer'],
  },
  village_official: {
    label: '村（社区）干部',
    levels: ['village'],
    permissions: [
      'invite_create',
      'member_list',
      'incident_create',
      'incident_view',
      'incident_accept',
      'incident_resolve',
      'incident_escalate',
      'incident_reject',
      'incident_figures',
      'ledger_export',
      'safe_report_view',
      'patrol_manage',
      'checkin_review',
      'patrol_figures',
      'points_rule_manage',
      'points_propose',
      'points_approve',
      'points_figures',
      'points_export',
      'goods_manage',
      'org_approve',
      'need_verify',
      'volunteer_figures',
    ],
    grants: VILLAGE_STAFF,
  },
  store_keeper: {
    label: '积分超市管理员',
    levels: ['village'],
    permissions: ['redemption_fulfil', 'goods_manage'],
    grants: [],
  },
  org_admin: {
    label: '社会组织管理员',
    levels: ['village', 'township'],
    permissions: ['org_register', 'org_manage', 'task_publish', 'attendance_confirm', 'need_take'],
    grants: [],
  },
  dispatcher: {
    label: '综治中心调度员',
    levels: ['township', 'county'],
    permissions: [
      'invite_create',
      'member_list',
      'incident_view',
      'incident_reject',
      'incident_dispatch',
      'incident_close',
      'incident_rate_dept',
      'incident_figures',
      'ledger_export',
      'safe_report_view',
      'incident_configure',
      'patrol_figures',
      'points_figures',
      'org_approve',
      'volunteer_figures',
    ],
    grants: ['dispatcher', 'dept_handler', 'village_official'],
  },
  dept_handler: {
    label: '职能部门办理人',
    levels: ['department'],
    permissions: ['incident_view', 'incident_feedback'],
    grants: [],
  },
  system_admin: {
    label: '系统管理员',
    levels: ['prefecture', 'county'],
    permissions: PERMISSION_NAMES,
    grants: ROLE_NAMES,
  },
}

export function roleLabel(role: RoleName): string {
  return ROLES[role].label
}
