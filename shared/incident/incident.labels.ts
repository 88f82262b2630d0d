import { render, textOf, type ArgsOf, type Lang, type MessageRef } from '../i18n/i18n'
import { INCIDENT, type IncidentKey } from './incident.messages'
import { DEFAULT_CATEGORY_KEYS } from './incident.keys'
import type {
  Category,
  DisputeKind,
  HandlerLevel,
  MediatorBody,
  RoundSlot,
  TaskStatus,
  TransferTarget,
  IncidentStatus,
  KeptText,
  MediationOutcome,
  Rating,
  Severity,
} from './incident.schema'
import type { TimelineAction } from './incident.states'

/**
 * The incident domain's labels in a reader's language, and the MessageRefs kept for later reading. Views render
 * every label in `ctx.lang` (the client shows what it is given); stored messages keep keys and parameters, with
 * `@<key>` for a parameter that is itself a label, so each reader sees it in their own language.
 */

/** A MessageRef of this domain's catalogue, its parameters checked against the Chinese text. */
export function incidentRef<K extends IncidentKey>(key: K, ...args: ArgsOf<(typeof INCIDENT)[K]['zh']>): MessageRef {
  const [params] = args as [Record<string, string | number>?]
  return params ? { key, params } : { key }
}

export const incidentText = (key: IncidentKey, lang: Lang): string => textOf(INCIDENT[key], lang)
export const statusLabel = (s: IncidentStatus, lang: Lang) => incidentText(`incident.status.${s}`, lang)
export const actionLabel = (a: TimelineAction, lang: Lang) => incidentText(`incident.action.${a}`, lang)
export const levelLabel = (l: HandlerLevel, lang: Lang) => incidentText(`incident.level.${l}`, lang)
export const severityLabel = (s: Severity, lang: Lang) => incidentText(`incident.severity.${s}`, lang)
export const ratingLabel = (r: Rating, lang: Lang) => incidentText(`incident.rating.${r}`, lang)
export const taskStatusLabel = (s: TaskStatus, lang: Lang) => incidentText(`incident.task.${s}`, lang)
export const disputeKindLabel = (k: DisputeKind, lang: Lang) => incidentText(`incident.dispute.${k}`, lang)
export const bodyLabel = (b: MediatorBody, lang: Lang) => incidentText(`incident.body.${b}`, lang)
export const transferLabel = (t: TransferTarget, lang: Lang) => incidentText(`incident.transfer.${t}`, lang)
export const slotLabel = (s: RoundSlot, lang: Lang) => incidentText(`incident.round.${s}`, lang)

/** A handler level as a parameter of a kept message (rendered in its reader's language). */
export const levelParam = (l: HandlerLevel): string => `@incident.level.${l}`
export const ratingParam = (r: Rating): string => `@incident.rating.${r}`
export const outcomeParam = (o: MediationOutcome): string => `@incident.mediation.${o}`
export const bodyParam = (b: MediatorBody): string => `@incident.body.${b}`

const isDefaultKey = (key: string): key is (typeof DEFAULT_CATEGORY_KEYS)[number] =>
  (DEFAULT_CATEGORY_KEYS as readonly string[]).includes(key)

/** The default list as it is kept (its Chinese names: what a county edits, what a case keeps when filed). */
export function defaultCategories(): Category[] {
  return DEFAULT_CATEGORY_KEYS.map((key) => ({ key, label: INCIDENT[`incident.category.${key}`].zh }))
}

/**
 * A default category under its default name is shown in the reader's language; a name a county gave is its own
 * words, shown as written.
 */
export function categoryLabel(key: string, stored: string, lang: Lang): string {
  return isDefaultKey(key) && INCIDENT[`incident.category.${key}`].zh === stored
    ? incidentText(`incident.category.${key}`, lang)
    : stored
}

/** A category as a parameter of a kept message: its key for a default name, else the county's words. */
export function categoryParam(key: string, stored: string): string {
  return isDefaultKey(key) && INCIDENT[`incident.category.${key}`].zh === stored ? `@incident.category.${key}` : stored
}

/** Text kept for later reading, in a reader's language (text written before issue #20 is shown as it is). */
export function keptText(t: KeptText, lang: Lang): string {
  return typeof t === 'string' ? t : render(t, lang)
}
