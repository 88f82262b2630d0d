import type { Permission } from './permissions'
import { PERMISSION_NAMES } from './permissions'
import type { UnitLevel } from '../account/account.schema'

/**
 * The role table: the only place role names map to permissions. A role is always held in a unit;
 * it grants its permissions in that unit and every unit below it. A role's name for people, in both languages,
 * is `account.role.<name>` (`roleLabel` in shared/account/account.messages.ts).
 */
export interface RoleSpec {
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
    levels: ['grid', 'village'],
    permissions: ['incident_create', 'points_object', 'redemption_create', 'task_signup', 'need_create'],
    grants: [],
  },
  grid_worker: {
    levels: ['grid'],
    permissions: [
      'incident_create',
      'incident_view',
      'incident_accept',
      'incident_resolve',
      'incident_escalate',
      'incident_reject',
      'safe_report_create',
      'round_create',
      'report_reward',
      'member_list',
      'household_approve',
      'invite_create',
    ],
    grants: ['info_collector'],
  },
  info_collector: {
    levels: ['grid', 'village'],
    permissions: ['incident_create'],
    grants: [],
  },
  patrol_volunteer: {
    levels: ['village', 'grid'],
    permissions: ['checkin_create', 'incident_create'],
    grants: [],
  },
  patrol_captain: {
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
    levels: ['village'],
    permissions: [
      'console_login',
      'invite_create',
      'member_list',
      'household_approve',
      'roster_import',
      'incident_create',
      'incident_view',
      'incident_accept',
      'incident_resolve',
      'incident_escalate',
      'incident_reject',
      'incident_figures',
      'ledger_export',
      'safe_report_view',
      'report_reward',
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
    levels: ['village'],
    permissions: ['redemption_fulfil', 'goods_manage'],
    grants: [],
  },
  org_admin: {
    levels: ['village', 'township'],
    permissions: ['org_register', 'org_manage', 'task_publish', 'attendance_confirm', 'need_take'],
    grants: [],
  },
  dispatcher: {
    levels: ['township', 'county'],
    permissions: [
      'console_login',
      'push_view',
      'invite_create',
      'member_list',
      'unit_manage',
      'roster_import',
      'audit_view',
      'incident_view',
      'incident_reject',
      'incident_dispatch',
      'incident_close',
      'incident_rate_dept',
      'incident_figures',
      'ledger_export',
      'safe_report_view',
      'report_reward',
      'incident_configure',
      'patrol_figures',
      'points_figures',
      'org_approve',
      'volunteer_figures',
    ],
    grants: ['dispatcher', 'dept_handler', 'village_official', 'grid_worker', 'info_collector'],
  },
  dept_handler: {
    levels: ['department'],
    permissions: ['console_login', 'incident_view', 'incident_feedback'],
    grants: [],
  },
  system_admin: {
    levels: ['prefecture', 'county'],
    permissions: PERMISSION_NAMES,
    grants: ROLE_NAMES,
  },
}

export function isRoleName(v: unknown): v is RoleName {
  return typeof v === 'string' && (ROLE_NAMES as readonly string[]).includes(v)
}
