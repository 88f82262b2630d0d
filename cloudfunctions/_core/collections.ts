/**
 * Every collection, snake_case plural, with the indexes its queries need. The SQLite adapter creates
 * these indexes; for CloudBase the same list is the index plan to create in the console
 * (`npm run build:functions` writes it to dist/cloudfunctions/indexes.json).
 * An index is a list of top-level fields; queries filter on a prefix and may sort on the next one.
 */
export interface CollectionSpec {
  indexes: string[][]
  unique?: string[][]
}

export const COLLECTIONS = {
  // ---- platform ----
  /** idempotency records: one per (function, action, caller, requestId), holding the first result */
  requests: { indexes: [] },

  // ---- account ----
  units: { indexes: [['parentId', 'name']] },
  users: { indexes: [['openid']], unique: [['openid']] },
  role_assignments: { indexes: [['userId', 'revokedAt'], ['unitId', 'revokedAt', 'role']] },
  households: { indexes: [['gridId', 'headName'], ['villageId']] },
  invites: { indexes: [['createdBy', 'createdAt']] },

  // ---- incident ----
  /** grid reports, with denormalized ancestry (countyId … gridId, departmentId) for indexed unit queries */
  incidents: {
    indexes: [
      ['reporterId', 'reportedAt'],
      ['handlerUnitId', 'open', 'dueAt'],
      ['gridId', 'reportedAt'], ['villageId', 'reportedAt'], ['townshipId', 'reportedAt'], ['countyId', 'reportedAt'],
      ['departmentId', 'reportedAt'],
      ['cell', 'category', 'open', 'reportedAt'],
      ['sweepAt'],
    ],
  },
  /** append-only timeline, id = stableId('ie', incidentId, seq) */
  incident_events: { indexes: [['incidentId', 'seq']] },
  /** "我也遇到", id = stableId('ij', incidentId, userId) */
  incident_joins: { indexes: [] },
  incident_inbox: { indexes: [['userId', 'at'], ['userId', 'readAt']] },
  /** counters per unit per Beijing month, id = stableId('ist', unitId, month) */
  incident_stats: { indexes: [['unitId', 'month']] },
  /** per-county category list override, id = county id */
  incident_configs: { indexes: [] },
  /** 报平安: one per grid per Beijing day, id = stableId('sr', gridId, day) */
  safe_reports: { indexes: [['gridId', 'day']] },

  // ---- patrol ----
  patrol_teams: { indexes: [['villageId', 'name']] },
  /** one per (team, user), inactive when removed: "my teams" by user */
  patrol_members: { indexes: [['userId', 'active'], ['teamId', 'active']] },
  patrol_routes: { indexes: [['villageId', 'name']] },
  patrol_checkpoints: { indexes: [['routeId', 'createdAt']] },
  patrol_shifts: { indexes: [['villageId', 'startMinute'], ['teamId', 'active']] },
  /** one per shift window: stableId('pt', shiftId, day) */
  patrols: { indexes: [['villageId', 'day']] },
  /** one per (patrol, checkpoint): stableId('ci', patrolId, checkpointId); positions live only here */
  patrol_checkins: { indexes: [['patrolId', 'at'], ['villageId', 'status', 'at']] },
  /** append-only review decisions, one per flagged check-in */
  patrol_reviews: { indexes: [['checkinId'], ['villageId', 'at']] },
  patrol_hours: { indexes: [['userId', 'at'], ['patrolId']] },
  patrol_hazards: { indexes: [['patrolId', 'at']] },
  /** monthly counters per village and per team, with ancestors for township/county figures */
  patrol_stats: { indexes: [['kind', 'villageId', 'month'], ['kind', 'townshipId', 'month'], ['kind', 'countyId', 'month']] },

  // ---- points ----
  /** current version of each rule; _id = stableId('pr', villageId, code) */
  points_rules: { indexes: [['villageId', 'category', 'code']] },
  /** every version of every rule, kept (entries cite rule id + version) */
  points_rule_versions: { indexes: [['ruleId', 'version']] },
  /** per-village settings (publicity days, pickup days); _id = villageId */
  points_settings: { indexes: [] },
  /** one per household; _id = householdId; balance = sum of the household's ledger */
  points_accounts: { indexes: [['villageId', 'balance']] },
  /** append-only ledger */
  points_ledger: { indexes: [['householdId', 'seq'], ['villageId', 'month', 'at']] },
  points_batches: { indexes: [['villageId', 'status', 'proposedAt']] },
  points_awards: { indexes: [['villageId', 'status', 'publicUntil'], ['villageId', 'month', 'proposedAt'], ['householdId', 'proposedAt'], ['status', 'publicUntil']] },
  points_objections: { indexes: [['villageId', 'status', 'createdAt'], ['awardId', 'createdAt']] },
  /** points counted per household, rule and month against the rule's cap */
  points_caps: { indexes: [] },
  points_goods: { indexes: [['villageId', 'sort']] },
  points_redemptions: { indexes: [['householdId', 'createdAt'], ['villageId', 'status', 'expiresAt'], ['villageId', 'month', 'createdAt'], ['status', 'expiresAt']] },
  /** units of one goods taken per household and month (the per-household limit) */
  points_redeem_limits: { indexes: [] },
  /** live 6-digit pickup codes per village → order */
  points_pickup_codes: { indexes: [] },
  points_village_months: { indexes: [] },
  points_household_months: { indexes: [['villageId', 'month', 'earned']] },

  // ---- volunteer ----
  volunteer_orgs: { indexes: [['villageId', 'status', 'registeredAt'], ['townshipId', 'status', 'registeredAt'], ['countyId', 'status', 'registeredAt']] },
  volunteer_org_admins: { indexes: [['userId'], ['orgId']] },
  volunteer_tasks: { indexes: [['unitId', 'status', 'startAt'], ['orgId', 'startAt']] },
  /** one counter per task (_id = task id): slots, confirmed, waitlisted, next sequence number */
  volunteer_task_counters: { indexes: [] },
  volunteer_signups: { indexes: [['taskId', 'status', 'seq'], ['userId', 'signedUpAt']] },
  volunteer_adjustments: { indexes: [['signupId']] },
  /** hours record entries (_id from sourceKey + user) and per-user totals (_id from user) */
  volunteer_hours: { indexes: [['userId', 'at']] },
  volunteer_totals: { indexes: [] },
  volunteer_inbox: { indexes: [['userId', 'showAt'], ['kind', 'pushedAt', 'showAt']] },
  volunteer_requests: { indexes: [['posterId', 'createdAt'], ['villageId', 'status', 'createdAt'], ['townshipId', 'status', 'createdAt'], ['countyId', 'status', 'createdAt']] },
  /** figures per village / organisation, kept in the same transactions */
  volunteer_stats: { indexes: [] },
} satisfies Record<string, CollectionSpec>

export type CollectionName = keyof typeof COLLECTIONS
