/**
 * Pure patrol rules: distance, speed, shift windows, device-time plausibility and the checkpoint code
 * format. The HMAC that signs a code needs a secret and a crypto library, so it lives on the server
 * (cloudfunctions/patrol/patrol.codes.ts); this file only knows the code's shape.
 */
import { bjDay, bjDayStart } from '../time/beijing'

export const PATROL_LIMITS = {
  /** a checkpoint's default radius */
  defaultRadiusM: 50,
  /** reported GPS accuracy worse than this is flagged */
  maxAccuracyM: 50,
  /** faster than this between consecutive check-ins is not on foot (about 11 km/h, a run) */
  maxSpeedMps: 3,
  /** a device clock may run this far ahead of the server's before its time is distrusted */
  futureSkewMs: 2 * 60_000,
  /** an offline check-in older than this when it arrives is flagged */
  lateWindowMs: 24 * 3_600_000,
  /** a device time this far behind the server's marks the check-in as sent late (offline) */
  lateAfterMs: 2 * 60_000,
  /**
   * a start made with no signal is accepted until this long after its window's end: a day to reach a signal
   * (the same day an offline check-in has before it is flagged too late); later than that it is refused
   */
  startLateMs: 24 * 3_600_000,
  /** hours credited for a patrol: at most the shift's length plus this */
  hoursGraceMs: 60 * 60_000,
  /** the share of a route's checkpoints a patrol must count to earn anything, unless the village sets another */
  defaultCoveragePct: 80,
  /** the lowest and highest share a village may set */
  minCoveragePct: 50,
  maxCoveragePct: 100,
} as const

const EARTH_RADIUS_M = 6_371_008.8

export interface LatLng {
  lat: number
  lng: number
}

/**
 * Great-circle distance in metres (haversine). GCJ-02 offsets are locally smooth, so distances between
 * two GCJ-02 points within a few kilometres are accurate to well under a metre.
 */
export function distanceM(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Metres per second between two timed points; a jump with no time between them is infinitely fast. */
export function speedMps(a: LatLng & { at: number }, b: LatLng & { at: number }): number {
  const d = distanceM(a, b)
  const dt = Math.abs(b.at - a.at) / 1000
  if (dt === 0) return d < 1 ? 0 : Number.POSITIVE_INFINITY
  return d / dt
}

// ---- shifts ----

export interface ShiftTimes {
  /** minutes after Beijing midnight the shift starts */
  startMinute: number
  durationMinutes: number
  /** ISO weekdays (1 = Monday) the shift runs, by the day it starts */
  weekdays: readonly number[]
}

export interface ShiftWindow {
  /** Beijing day the window starts on */
  day: string
  start: number
  end: number
}

export function windowOn(shift: ShiftTimes, day: string): ShiftWindow {
  const start = bjDayStart(day) + shift.startMinute * 60_000
  return { day, start, end: start + shift.durationMinutes * 60_000 }
}

function isoWeekdayOfDay(day: string): number {
  const w = new Date(bjDayStart(day) + 8 * 3_600_000).getUTCDay()
  return w === 0 ? 7 : w
}

export function runsOn(shift: ShiftTimes, day: string): boolean {
  return shift.weekdays.includes(isoWeekdayOfDay(day))
}

/** The window of the shift that contains ts (a night shift may have started the day before), or null. */
export function windowAt(shift: ShiftTimes, ts: number): ShiftWindow | null {
  const today = bjDay(ts)
  for (const day of [today, bjDay(bjDayStart(today) - 1)]) {
    if (!runsOn(shift, day)) continue
    const w = windowOn(shift, day)
    if (ts >= w.start && ts < w.end) return w
  }
  return null
}

/** Every window of the shift that starts in [from, to), oldest first. */
export function windowsBetween(shift: ShiftTimes, from: number, to: number): ShiftWindow[] {
  const out: ShiftWindow[] = []
  if (to <= from) return out
  for (let dayStart = bjDayStart(bjDay(from)); dayStart < to; dayStart += 86_400_000) {
    const day = bjDay(dayStart)
    if (!runsOn(shift, day)) continue
    const w = windowOn(shift, day)
    if (w.start >= from && w.start < to) out.push(w)
  }
  return out
}

/**
 * Windows a shift was scheduled for that start in [from, to): those it could be walked in, i.e. not over when the
 * shift was made and begun before it was retired. A shift made at 09:00 plans that morning's 08:00–10:00 window (a
 * patrol can still start in it), so the figures never show a patrol done in a window nobody planned ("1/0 实巡/应巡").
 */
export function plannedWindows(
  shift: ShiftTimes & { createdAt: number; retiredAt: number | null },
  from: number,
  to: number,
): ShiftWindow[] {
  const lastDay = 86_400_000 // a window is shorter than a day: one that had not ended at creation began within it
  return windowsBetween(shift, Math.max(from, shift.createdAt - lastDay), Math.min(to, shift.retiredAt ?? to)).filter(
    (w) => w.start >= from && w.end > shift.createdAt,
  )
}

export function formatMinute(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

// ---- when a patrol starts ----

/** Why a start is refused: the phone's time ahead of the server's, outside every window, or sent too late. */
export type StartRefusal = 'future' | 'outside_shift' | 'too_old'

/**
 * The window a start counts in and the time it started at. The time is the phone's when the person tapped 开始
 * (`deviceAt`; a start made with no signal arrives later), else the server's. It is refused when the phone's
 * clock is ahead of the server's by more than the skew allowed, when it falls in no window of the shift, and when
 * it arrives more than `startLateMs` after its window's end. A phone time a little ahead counts as the server's
 * (a start never counts later than it arrived).
 */
export function startOf(
  shift: ShiftTimes,
  f: { now: number; deviceAt?: number | undefined },
  limits = PATROL_LIMITS,
): { window: ShiftWindow; at: number } | { refused: StartRefusal } {
  const claimed = f.deviceAt ?? f.now
  if (claimed > f.now + limits.futureSkewMs) return { refused: 'future' }
  const at = Math.min(claimed, f.now)
  const window = windowAt(shift, at)
  if (!window) return { refused: 'outside_shift' }
  if (f.now > window.end + limits.startLateMs) return { refused: 'too_old' }
  return { window, at }
}

/**
 * When a patrol ended and how long it took. The end is the phone's time when 结束 was tapped (`deviceAt`; a finish
 * made with no signal arrives later), else the server's; refused when the phone's clock is ahead of the server's
 * by more than the skew allowed. It is never before the start or the last check-in (a phone's clock set back
 * cannot shorten a patrol below what it recorded), never after the finish arrived, and its minutes are capped at
 * the shift's length plus the grace (what one window can honestly take).
 */
export function finishOf(
  p: { startedAt: number; lastDeviceAt: number | null; windowStart: number; windowEnd: number },
  f: { now: number; deviceAt?: number | undefined },
  limits = PATROL_LIMITS,
): { at: number; minutes: number } | { refused: 'future' } {
  const claimed = f.deviceAt ?? f.now
  if (claimed > f.now + limits.futureSkewMs) return { refused: 'future' }
  const at = Math.min(f.now, Math.max(claimed, p.startedAt, p.lastDeviceAt ?? p.startedAt))
  const cap = p.windowEnd - p.windowStart + limits.hoursGraceMs
  return { at, minutes: Math.round(Math.max(0, Math.min(at - p.startedAt, cap)) / 60_000) }
}

// ---- the checks a check-in passes or is flagged by ----

/** The soft checks a check-in can fail; each one's reason is `patrol.flag.<name>` in patrol.messages.ts. */
export const CHECKIN_FLAGS = [
  'out_of_range',
  'poor_accuracy',
  'too_fast',
  'outside_shift',
  'device_time_future',
  'too_late',
  'not_monotonic',
] as const
export type CheckinFlag = (typeof CHECKIN_FLAGS)[number]

export interface CheckinFacts {
  /** server time the check-in arrived */
  now: number
  /** the phone's time when the code was scanned */
  deviceAt: number
  position: LatLng
  accuracyM: number
  checkpoint: LatLng & { radiusM: number }
  window: { start: number; end: number }
  /** latest device time among check-ins already stored in this patrol */
  lastDeviceAt: number | null
  /** stored check-ins of this patrol with their times and positions (for the speed check) */
  others: ReadonlyArray<LatLng & { at: number }>
}

export interface CheckinVerdict {
  /** the time the check-in counts at: the device's when plausible, else the server's */
  at: number
  late: boolean
  distanceM: number
  /** highest speed to a neighbouring check-in, m/s (null with no neighbour) */
  speedMps: number | null
  flags: CheckinFlag[]
}

/**
 * The soft checks. None of them rejects: a failed one flags the check-in for review with its reason,
 * because on a mountain road a weak GPS fix is more often bad luck than cheating.
 */
export function judgeCheckin(f: CheckinFacts, limits = PATROL_LIMITS): CheckinVerdict {
  const flags: CheckinFlag[] = []
  let at = f.deviceAt
  if (f.deviceAt > f.now + limits.futureSkewMs) {
    flags.push('device_time_future')
    at = f.now
  } else if (f.now - f.deviceAt > limits.lateWindowMs) {
    flags.push('too_late')
  }
  if (f.lastDeviceAt !== null && f.deviceAt < f.lastDeviceAt) flags.push('not_monotonic')
  const late = f.now - f.deviceAt > limits.lateAfterMs
  if (at < f.window.start || at >= f.window.end) flags.push('outside_shift')
  const dist = distanceM(f.position, f.checkpoint)
  if (dist > f.checkpoint.radiusM) flags.push('out_of_range')
  if (f.accuracyM > limits.maxAccuracyM) flags.push('poor_accuracy')
  // Consecutive in time: the stored check-ins just before and just after this one.
  let before: (LatLng & { at: number }) | null = null
  let after: (LatLng & { at: number }) | null = null
  for (const o of f.others) {
    if (o.at <= at && (!before || o.at > before.at)) before = o
    if (o.at > at && (!after || o.at < after.at)) after = o
  }
  const here = { ...f.position, at }
  const speeds = [before, after].filter((o): o is LatLng & { at: number } => o !== null).map((o) => speedMps(o, here))
  const top = speeds.length ? Math.max(...speeds) : null
  if (top !== null && top > limits.maxSpeedMps) flags.push('too_fast')
  return { at, late, distanceM: Math.round(dist * 10) / 10, speedMps: roundSpeed(top), flags }
}

/** Speeds are kept to the cm/s; a teleport (no time between two places) is stored as 9999 m/s. */
function roundSpeed(v: number | null): number | null {
  if (v === null) return null
  return Number.isFinite(v) ? Math.round(v * 100) / 100 : 9999
}

// ---- what a finished patrol earns (volunteer hours and the village's PATROL_DUTY points) ----

/** Why a finished patrol earned nothing (none) or not yet (pending); labels `patrol.credit_why.<reason>`. */
export const CREDIT_REASONS = ['coverage_low', 'too_short', 'flagged_pending'] as const
export type CreditReason = (typeof CREDIT_REASONS)[number]
export const CREDIT_STATUSES = ['credited', 'pending', 'none'] as const
export type CreditStatus = (typeof CREDIT_STATUSES)[number]

/**
 * The shortest time a patrol through these checkpoints can take: the walk between them in the route's order at
 * the speed above which consecutive check-ins are flagged (a run). The server's clock times the patrol (start to
 * finish), so made-up phone times cannot shorten it; the checkpoints' own positions measure the walk, so made-up
 * phone positions cannot either. Adding a checkpoint to the walk never shortens it (triangle inequality).
 */
export function minPatrolMs(walk: readonly LatLng[], limits = PATROL_LIMITS): number {
  let metres = 0
  for (let i = 1; i < walk.length; i++) metres += distanceM(walk[i - 1]!, walk[i]!)
  return Math.ceil((metres / limits.maxSpeedMps) * 1000)
}

export interface CreditFacts {
  /** checkpoints of the patrol's route */
  total: number
  /** checkpoints checked in ok or accepted on review */
  counted: number
  /** checkpoints checked in and still flagged, waiting for a review */
  open: number
  /** the share of the route the village asks for, in per cent */
  thresholdPct: number
  /** start to finish, by the server's clock */
  durationMs: number
  /** minPatrolMs over the counted checkpoints */
  minMs: number
}

export interface CreditVerdict {
  status: CreditStatus
  reasons: CreditReason[]
}

/**
 * Whether a finished patrol earns its hours and points. It earns them when it counts the village's share of the
 * route's checkpoints and took at least the walk's time, and only once every flagged check-in has been reviewed
 * (accepted ones count, rejected ones do not). A patrol that cannot earn them whatever the reviews decide (too
 * short already, or short of the share even if every flagged check-in were accepted) earns nothing at once;
 * otherwise a flagged check-in leaves it pending and the last review decides.
 */
export function creditVerdict(f: CreditFacts): CreditVerdict {
  const covers = (n: number) => n * 100 >= f.thresholdPct * f.total
  const reasons: CreditReason[] = []
  if (!covers(f.counted + f.open)) reasons.push('coverage_low')
  if (f.durationMs < f.minMs) reasons.push('too_short')
  if (reasons.length) return { status: 'none', reasons }
  if (f.open > 0) return { status: 'pending', reasons: ['flagged_pending'] }
  return { status: 'credited', reasons: [] }
}

// ---- checkpoint codes ----

/**
 * What a checkpoint's QR code holds: `p1-<10-char checkpoint key>-<12-char signature>`, 26 characters,
 * inside the 32 a WeChat mini-program code's scene allows. The key is the checkpoint id without its
 * `cp-` prefix; the signature is a truncated HMAC over the checkpoint and its village, made on the server.
 */
export const CODE_VERSION = 'p1'
export const CHECKPOINT_KEY_LENGTH = 10
export const SIGNATURE_LENGTH = 12
const CODE_RE = /p1-([0-9A-Za-z]{10})-([0-9A-Za-z]{12})/

export function checkpointIdOfKey(key: string): string {
  return `cp-${key}`
}

export function formatCode(checkpointId: string, signature: string): string {
  return `${CODE_VERSION}-${checkpointId.replace(/^cp-/, '')}-${signature}`
}

/**
 * Finds a code in what a scanner returned or a person typed (a bare code, a URL or page path with
 * `scene=`, with spaces). Returns null when there is none.
 */
export function parseCode(raw: string): { checkpointId: string; signature: string; code: string } | null {
  const cleaned = decodeURIComponent(raw.replace(/\s+/g, ''))
  const m = CODE_RE.exec(cleaned)
  if (!m) return null
  return { checkpointId: checkpointIdOfKey(m[1] as string), signature: m[2] as string, code: m[0] }
}
