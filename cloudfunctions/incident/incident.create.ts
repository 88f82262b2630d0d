import { IncidentErrors } from '@shared/incident/incident.errors'
import {
  acceptDue,
  countyDeadlineRule,
  geohash,
  incidentCode,
  resolveDue,
  warnTime,
  type DeadlineRule,
} from '@shared/incident/incident.rules'
import { categoryParam, incidentRef, levelParam } from '@shared/incident/incident.labels'
import { type Incident, type IncidentEvent, type Party, type ReportInput } from '@shared/incident/incident.schema'
import { bjDay, bjMonth } from '@shared/time/beijing'
import { C } from '../_core/collections'
import type { PushMessage } from '../_core/notifier'
import type { TxStore } from '../_core/port'
import type { Runtime } from '../_core/runtime'
import { countyConfig } from './incident.county-config'
import { noticeFor, type HolderNotice } from './incident.holders'
import {
  bump,
  countedUnits,
  placeOfGrid,
  reportEvent,
  safeReportId,
  unitForLevel,
  inboxMessages,
  noticeMessages,
  writeMessages,
  type GridPlace,
} from './incident.repo'

/**
 * Creating an incident in two halves, so other domains can create one inside their own transaction (a
 * hazard found on patrol): `prepareIncident` does the reads and checks (grid, category, the first handler's
 * holders) in an action's `load`, before any transaction; `createIncidentInTx` does the writes (incident, first
 * timeline event, counters, the inbox messages, the grid's daily report) in its `run`, with the caller's `tx`,
 * and returns the messages (their WeChat pushes wait in the inbox for the `sendPushes` timer).
 *
 * The draft's photos must already be adopted and its text checked: an action's `photos` and `texts` do both.
 */
export interface IncidentDraft {
  id: string
  now: number
  reporter: { id: string; name: string; phone: string | null }
  source: Incident['source']
  category: string
  severity: Incident['severity']
  description: string
  photos: string[]
  /** of `photos`, those whose media check had passed when adopted (`WriteRunArgs.passed`) */
  photosPassed?: string[]
  location: Incident['location']
  address: string
  gridId: string
  anonymous: boolean
  /** "可以联系我" (absent: yes for a named report, no for an anonymous one) */
  contactable?: boolean
  parties: Party[]
  /** grid workers' reports also count as the grid's daily report ("有事报信息") */
  countsAsDailyReport: boolean
  /** the daily round it was filed from */
  roundId?: string | null
}

export interface PreparedIncident {
  draft: IncidentDraft
  place: GridPlace
  categoryLabel: string
  /** the deadlines the county set for the category and severity (else the rules in code) */
  rule: DeadlineRule
  /** the holders at the first handler unit, told of the new report */
  notice: HolderNotice | null
}

export async function prepareIncident(rt: Runtime, draft: IncidentDraft): Promise<PreparedIncident> {
  const place = await placeOfGrid(rt, draft.gridId)
  // the county's categories and its deadline settings (read together, kept by a warm instance for a minute), then
  // the first handlers
  const { categories, settings } = await countyConfig(rt, place.countyId)
  const category = categories.find((c) => c.key === draft.category)
  if (!category) throw IncidentErrors.UNKNOWN_CATEGORY()
  const rule = countyDeadlineRule(settings?.deadlines, draft.category, draft.severity)
  const level = rule.firstLevel
  const notice = noticeFor(unitForLevel({ ...place, departmentId: null }, level), 'submitted', level, draft.reporter.id)
  return { draft, place, categoryLabel: category.label, rule, notice }
}

export async function createIncidentInTx(
  tx: TxStore,
  { draft, place, categoryLabel, rule, notice }: PreparedIncident,
): Promise<{ incident: Incident; event: IncidentEvent; messages: PushMessage[] }> {
  const now = draft.now
  const dueAt = acceptDue(rule, now)
  const base = { ...place, departmentId: null }
  const incident: Incident = {
    _id: draft.id,
    code: incidentCode(bjDay(now), draft.id),
    category: draft.category,
    categoryLabel,
    severity: draft.severity,
    description: draft.description,
    photos: draft.photos,
    ...(draft.photos.length ? { photosPassed: draft.photosPassed ?? [] } : {}),
    location: draft.location,
    cell: draft.location ? geohash(draft.location.lat, draft.location.lng) : null,
    address: draft.address,
    ...place,
    reporterId: draft.reporter.id,
    reporterName: draft.reporter.name,
    reporterPhone: draft.reporter.phone,
    anonymous: draft.anonymous,
    contactable: draft.contactable ?? !draft.anonymous,
    source: draft.source,
    status: 'submitted',
    open: true,
    level: rule.firstLevel,
    handlerUnitId: unitForLevel(base, rule.firstLevel),
    reportLevel: rule.firstLevel,
    reportUnitId: unitForLevel(base, rule.firstLevel),
    dueAt,
    sweepAt: dueAt,
    warnAt: warnTime(now, dueAt),
    acceptHours: rule.acceptHours,
    ...(draft.roundId ? { roundId: draft.roundId } : {}),
    resolveBy: resolveDue(rule, now),
    overdue: false,
    reportedAt: now,
    month: bjMonth(now),
    acceptedAt: null,
    resolvedAt: null,
    resolvedLevel: null,
    resolvedUnitId: null,
    resolution: null,
    firstClosedAt: null,
    confirmedAt: null,
    departmentId: null,
    dispatchUnitId: null,
    dispatchDeadline: null,
    reportedBackAt: null,
    escalatedBy: null,
    deptScore: null,
    rating: null,
    ratingComment: null,
    rejectReason: null,
    dispute: draft.category === 'dispute' ? { parties: draft.parties, mediations: [], outcome: null } : null,
    followerIds: [],
    joinCount: 0,
    seq: 1,
    updatedAt: now,
  }
  await tx.insert(C.incidents, incident)
  // its first timeline entry is the case's own fields, made when read (`timelineOf`): nothing to insert
  const event = reportEvent(incident)
  const month = bjMonth(now)
  // found, and the grid's day when this is its first report of the day: one write
  let safeDays = 0
  if (draft.countsAsDailyReport) {
    const day = bjDay(now)
    const id = safeReportId(place.gridId, day)
    if (!(await tx.get(C.safe_reports, id))) {
      await tx.insert(C.safe_reports, {
        _id: id,
        gridId: place.gridId,
        villageId: place.villageId,
        townshipId: place.townshipId,
        day,
        kind: 'incident',
        byUserId: draft.reporter.id,
        byName: draft.reporter.name,
        note: incident.code,
        at: now,
      })
      safeDays = 1
    }
  }
  await bump(tx, month, [[countedUnits(place), { found: 1, safeDays }]])
  const inbox = inboxMessages(
    [draft.reporter.id],
    incident._id,
    1,
    {
      title: incidentRef('incident.tell.reported.title'),
      body: incidentRef('incident.tell.reported.body', {
        category: categoryParam(incident.category, categoryLabel),
        code: incident.code,
        level: levelParam(incident.level),
      }),
    },
    now,
  )
  // the holders told in the same insert as the reporter (a holder who reported it is told both)
  if (notice?.when(incident)) inbox.push(...noticeMessages(notice, incident._id, 1, notice.tell(incident), now))
  const messages = await writeMessages(tx, inbox, notice?.profiles)
  return { incident, event, messages }
}

/** The report action's input as a draft (for the resident's own report). */
export function draftFromInput(
  input: ReportInput,
  args: Pick<IncidentDraft, 'id' | 'now' | 'reporter' | 'source' | 'photos' | 'gridId' | 'countsAsDailyReport'>,
): IncidentDraft {
  return {
    ...args,
    category: input.category,
    severity: input.severity,
    description: input.description,
    location: input.location,
    address: input.address,
    anonymous: input.anonymous,
    contactable: input.contactable,
    parties: input.parties,
  }
}
