// Timestamps as Go's time.Time writes them in JSON (RFC 3339 with up to nine fractional digits, trailing zeros
// dropped, `Z` for a zero offset). Release records keep them as these strings, so that a record read from helm
// and written back keeps its instants and zones exactly; these helpers parse, normalise and produce them.

import { civilFromDays, daysFromCivil, daysIn } from '../funcs/time-calendar.ts';

/** An RFC 3339 timestamp as Go's `time.Time.MarshalJSON` prints it. `undefined` in the model is Go's zero time. */
export type Timestamp = string;

/** A wall-clock instant with the zone offset it is shown in. */
export interface Instant {
  /** Seconds since the Unix epoch (may be negative). */
  readonly seconds: number;
  /** Nanoseconds within the second, 0..999999999. */
  readonly nanos: number;
  /** Offset of the zone east of UTC, in seconds. */
  readonly offsetSeconds: number;
}

/** The current time, as an injectable source (tests pass a fixed clock). */
export type Clock = () => Instant;

/** Go's zero time.Time as it marshals (`0001-01-01T00:00:00Z`), written where helm has no omitempty. */
export const GO_ZERO_TIME: Timestamp = '0001-01-01T00:00:00Z';

const ZERO_SECONDS = -62135596800; // 0001-01-01T00:00:00Z

export class TimeFormatError extends Error {
  override name = 'TimeFormatError';
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats an instant as Go's RFC3339Nano layout (`2006-01-02T15:04:05.999999999Z07:00`). */
export function formatTime(t: Instant): Timestamp {
  const local = t.seconds + t.offsetSeconds;
  const days = Math.floor(local / 86400);
  const secOfDay = local - days * 86400;
  const { year, month, day } = civilFromDays(days);
  if (year < 0 || year > 9999) throw new TimeFormatError(`year ${year} is outside of range [0,9999]`);
  let s =
    `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` +
    `T${pad(Math.floor(secOfDay / 3600), 2)}:${pad(Math.floor(secOfDay / 60) % 60, 2)}:${pad(secOfDay % 60, 2)}`;
  if (t.nanos !== 0) s += `.${pad(t.nanos, 9).replace(TRAILING_ZEROS, '')}`;
  if (t.offsetSeconds === 0) return `${s}Z`;
  const off = Math.abs(t.offsetSeconds);
  return `${s}${t.offsetSeconds < 0 ? '-' : '+'}${pad(Math.floor(off / 3600), 2)}:${pad(Math.floor(off / 60) % 60, 2)}`;
}

const TRAILING_ZEROS = /0+$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Parses an RFC 3339 timestamp as Go's time.Time.UnmarshalJSON accepts it. */
export function parseTime(s: string): Instant {
  const m = RFC3339.exec(s);
  if (!m) throw new TimeFormatError(`parsing time "${s}" as RFC 3339: cannot parse`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || second > 59) {
    throw new TimeFormatError(`parsing time "${s}": value out of range`);
  }
  const nanos = m[7] ? Number(m[7].slice(0, 9).padEnd(9, '0')) : 0;
  let offsetSeconds = 0;
  if (m[9]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) throw new TimeFormatError(`parsing time "${s}": time zone offset out of range`);
    offsetSeconds = (m[9] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  const local = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return { seconds: local - offsetSeconds, nanos, offsetSeconds };
}

export function isZeroInstant(t: Instant): boolean {
  return t.seconds === ZERO_SECONDS && t.nanos === 0;
}

/**
 * A timestamp as Go reads and writes it back: `""`, `null` and the zero time become `undefined`, any other value
 * is reformatted (`.500` → `.5`, `+00:00` → `Z`). Throws TimeFormatError for a malformed string.
 */
export function normalizeTime(s: string | null | undefined): Timestamp | undefined {
  if (s === undefined || s === null || s === '') return undefined;
  const t = parseTime(s);
  return isZeroInstant(t) ? undefined : formatTime(t);
}

/** Milliseconds since the epoch of a timestamp (for sorting and display). */
export function timeToMillis(s: Timestamp): number {
  const t = parseTime(s);
  return t.seconds * 1000 + Math.floor(t.nanos / 1e6);
}

/** Unix seconds of a timestamp (Go's `t.Unix()`). */
export function timeToUnix(s: Timestamp): number {
  return parseTime(s).seconds;
}

let wallBase: bigint | undefined;
let hrBase = 0n;

/** The system clock with nanosecond resolution, in the local zone (as Go's time.Now()). */
export const systemClock: Clock = () => {
  // Anchor the monotonic high-resolution clock to the wall clock once, on first use.
  if (wallBase === undefined) {
    hrBase = process.hrtime.bigint();
    wallBase = BigInt(Date.now()) * 1_000_000n;
  }
  const ns = wallBase + (process.hrtime.bigint() - hrBase);
  const seconds = Number(ns / 1_000_000_000n);
  const offsetSeconds = -new Date(seconds * 1000).getTimezoneOffset() * 60;
  return { seconds, nanos: Number(ns % 1_000_000_000n), offsetSeconds };
};

/** A clock that always reads the given nanoseconds since the epoch, in UTC (or the given offset). */
export function fixedClock(epochNanos: bigint, offsetSeconds = 0): Clock {
  const seconds = Number(epochNanos / 1_000_000_000n);
  const nanos = Number(epochNanos % 1_000_000_000n);
  return () => ({ seconds, nanos, offsetSeconds });
}

/** `formatTime(clock())`. */
export function now(clock: Clock = systemClock): Timestamp {
  return formatTime(clock());
}
