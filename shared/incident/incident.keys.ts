/**
 * Lists of names the incident schema, rules and labels share, kept without zod so that code which needs only the
 * names (the labels, the counter arithmetic, another domain's function through `incident.api.ts`) does not bundle
 * the schemas (issue #21: a cold start loads less). `incident.schema.ts` re-exports them.
 */

/**
 * The default categories (网格事件类别), named in the catalogue (`incident.category.<key>`); a county may override
 * the list (IncidentConfig) with names of its own.
 */
export const DEFAULT_CATEGORY_KEYS = [
  'dispute',
  'hazard',
  'public_order',
  'sanitation',
  'facility',
  'service',
  'other',
] as const
export type DefaultCategoryKey = (typeof DEFAULT_CATEGORY_KEYS)[number]

export const COUNTER_FIELDS = [
  'found',
  'closed',
  'closedOnTime',
  'closeHoursSum',
  'rejected',
  'reopened',
  'rated',
  'satisfied',
  'basic',
  'unsatisfied',
  'resolvedSatisfied',
  'closedUnrated',
  'overdue',
  'dispatched',
  'reportedBack',
  'reportedBackOnTime',
  'deptRatingCount',
  'deptRatingSum',
  'safeDays',
  'mediated',
  'mediatedSuccess',
  /** 报到: parts a department accepted, and the hours from whistle to 报到 */
  'deptAccepted',
  'deptAcceptHoursSum',
  'deptReturned',
  'assistAsked',
  /** 进度预警 sent */
  'warned',
  /** escalated from a township to the county's 综治中心 */
  'countyEscalated',
  /** cases the county's 综治中心 whistled departments for (once a case), and cases closed at the county level */
  'countyDispatched',
  'countyClosed',
  /** daily rounds finished (一日两巡), counted in the grid and every unit above */
  'roundsDone',
  'roundVisits',
  /** reports marked useful (价值信息) and the points they earned */
  'validReports',
  'rewardPointsSum',
] as const
export type CounterField = (typeof COUNTER_FIELDS)[number]
