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

  // ---- patrol ----

  // ---- points ----

  // ---- volunteer ----
  volunteer_orgs: { indexes: [['villageId', 'status', 'registeredAt'], ['townshipId', 'status', 'registeredAt'], ['countyId', 'status', 'registeredAt']] },
  volunteer_org_admins: { indexes: [['userId'], ['orgId']] },
  volunteer_tasks: { indexes: [['villageId', 'status', 'startAt'], ['townshipId', 'status', 'startAt'], ['orgId', 'startAt']] },
  /** one counter per task (_id = task id): slots, confirmed, waitlisted, next sequence number */
  volunteer_task_counters: { indexes: [] },
  volunteer_signups: { indexes: [['taskId', 'status', 'seq'], ['userId', 'signedUpAt']] },
  volunteer_adjustments: { indexes: [['signupId']] },
  /** hours record entries (_id from sourceKey + user) and per-user totals (_id from user) */
  volunteer_hours: { indexes: [['userId', 'at']] },
  volunteer_totals: { indexes: [] },
  volunteer_inbox: { indexes: [['userId', 'showAt']] },
  volunteer_requests: { indexes: [['posterId', 'createdAt'], ['villageId', 'status', 'createdAt'], ['townshipId', 'status', 'createdAt'], ['countyId', 'status', 'createdAt']] },
  /** figures per village / organisation, kept in the same transactions */
  volunteer_stats: { indexes: [] },
} satisfies Record<string, CollectionSpec>

export type CollectionName = keyof typeof COLLECTIONS
