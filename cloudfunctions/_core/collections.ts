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
} satisfies Record<string, CollectionSpec>

export type CollectionName = keyof typeof COLLECTIONS
