// Go's text forms of scalars, as sops writes and reads them: a value's plaintext and its MAC bytes are these
// strings, so they must match Go's strconv and time packages byte for byte.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Whether v fits Go's int64. */
export function inInt64(v: bigint): boolean {
  return v >= INT64_MIN && v <= INT64_MAX;
}

const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return undefined;
}

/** A Go time.Time reduced to what its text forms need. */
export interface GoTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Fraction of a second in nanoseconds. */
  readonly nanos: number;
  /** Offset east of UTC in minutes. */
  readonly offset: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function makeTime(parts: (string | undefined)[], offset: number): GoTime | undefined {
  const [y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = parts;
  const t: GoTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    nanos: Number(frac.slice(0, 9).padEnd(9, '0')),
    offset,
  };
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > daysIn(t.year, t.month)) return undefined;
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return undefined;
  return t;
}

function zoneOffset(z: string): number | undefined {
  if (z === 'Z') return 0;
  const h = Number(z.slice(1, 3));
  const m = Number(z.slice(4, 6));
  if (h > 23 || m > 59) return undefined;
  return (z[0] === '-' ? -1 : 1) * (h * 60 + m);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** time.Parse(time.RFC3339, s) (fractional seconds accepted, as Go does). */
export function parseRfc3339(s: string): GoTime | undefined {
  const m = RFC3339.exec(s);
  if (!m) return undefined;
  const offset = zoneOffset(m[8]);
  return offset === undefined ? undefined : makeTime(m.slice(1, 8), offset);
}

const YAML_TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?))?$/;

/** The timestamps go-yaml v3 resolves plain scalars to (its allowedTimestampFormats; time.Parse also takes `,`). */
export function parseYamlTimestamp(s: string): GoTime | undefined {
  const m = YAML_TIMESTAMP.exec(s);
  if (!m) return undefined;
  if (m[4] !== undefined) {
    const offset = zoneOffset(m[8]);
    return offset === undefined ? undefined : makeTime([m[1], m[2], m[3], m[4], m[5], m[6], m[7]], offset);
  }
  return makeTime([m[1], m[2], m[3], m[9], m[10], m[11], m[12]], 0);
}

function formatZone(offset: number): string {
  if (offset === 0) return 'Z';
  const a = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
}

function formatClock(t: GoTime): string {
  return `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}`;
}

/** t.Format(time.RFC3339): seconds precision. */
export function formatRfc3339(t: GoTime): string {
  return formatClock(t) + formatZone(t.offset);
}

/** t.Format(time.RFC3339Nano) (what time.Time's MarshalText writes): trailing zeros of the fraction dropped. */
export function formatRfc3339Nano(t: GoTime): string {
  const frac = t.nanos ? `.${pad(t.nanos, 9).replace(/0+$/, '')}` : '';
  return formatClock(t) + frac + formatZone(t.offset);
}

/** A GoTime for a JS Date, in UTC. */
export function timeFromDate(d: Date): GoTime {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    nanos: d.getUTCMilliseconds() * 1_000_000,
    offset: 0,
  };
}
