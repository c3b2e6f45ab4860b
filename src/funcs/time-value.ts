// Go's time.Time as a template value: an instant (Unix seconds and nanoseconds), a location, and for `now`
// a monotonic clock reading, which String() prints as ` m=+0.001234567` the way Go does.

import { GoError, type GoFunc, GoInt, GoOpaque, goFunc, goInt, goInt64, T, type Value } from '../template/value.ts';
import {
  civilFromDays,
  daysFromCivil,
  floorDiv,
  LONG_DAY_NAMES,
  LONG_MONTH_NAMES,
  weekdayOf,
  yearDay,
} from './time-calendar.ts';
import { DURATION_PARAM, durationArg, GoDuration, SECOND, saturate } from './time-duration.ts';
import { formatTime } from './time-format.ts';
import type { Location, ZoneAt } from './time-zone.ts';
import { UTC } from './time-zone.ts';

/** Go's floor-normalisation of hi:lo in base (time.norm). */
function norm(hi: number, lo: number, base: number): [number, number] {
  const carry = floorDiv(lo, base);
  return [hi + carry, lo - carry * base];
}

/** time.Date: normalises out-of-range fields and resolves the wall time in `loc` as Go does across DST edges. */
export function dateTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  min: number,
  sec: number,
  nsec: number,
  loc: Location,
): GoTime {
  let m = month - 1;
  [year, m] = norm(year, m, 12);
  [sec, nsec] = norm(sec, nsec, 1e9);
  [min, sec] = norm(min, sec, 60);
  [hour, min] = norm(hour, min, 60);
  [day, hour] = norm(day, hour, 24);
  const wall = (daysFromCivil(year, m + 1, 1) + day - 1) * 86400 + hour * 3600 + min * 60 + sec;
  let offset = loc.lookup(wall).offset;
  if (offset !== 0) {
    const other = loc.lookup(wall - offset).offset;
    if (other !== offset) offset = other;
  }
  return new GoTime(wall - offset, nsec, loc);
}

const MONTH_TYPE = 'time.Month';
const WEEKDAY_TYPE = 'time.Weekday';

/**
 * A named integer with a String() method (time.Month, time.Weekday). A GoOpaque so that it prints as Go
 * prints it (`January`); `value` keeps the number.
 */
export class GoNamedInt extends GoOpaque {
  constructor(
    readonly goTypeName: string,
    readonly value: number,
    private readonly text: string,
  ) {
    super();
  }
  override goString(): string {
    return this.text;
  }
  override method(name: string): GoFunc | undefined {
    return name === 'String' ? goFunc(name, [], () => this.text) : undefined;
  }
}

/** *time.Location, printing as its name. */
export class GoLocation extends GoOpaque {
  readonly goTypeName = '*time.Location';
  constructor(readonly loc: Location) {
    super();
  }
  override goString(): string {
    return this.loc.name;
  }
  override method(name: string): GoFunc | undefined {
    return name === 'String' ? goFunc(name, [], () => this.loc.name) : undefined;
  }
}

export const TIME_PARAM = { kind: 'struct', name: 'time.Time' } as const;

const ZERO_SEC = -62135596800; // 0001-01-01T00:00:00Z, Go's zero Time

export class GoTime extends GoOpaque {
  // MarshalJSON: RFC 3339 with nanoseconds.
  override jsonValue(): Value {
    return this.rfc3339Nano();
  }
  readonly goTypeName = 'time.Time';

  constructor(
    /** Unix seconds (an integer). */
    readonly sec: number,
    /** 0..999999999 */
    readonly nsec: number,
    readonly loc: Location = UTC,
    /** Monotonic reading in nanoseconds, only on times from `now` (and times derived by Add). */
    readonly mono?: bigint,
    /** Local, to resolve `Local()`; set on times that know it. */
    readonly local?: Location,
  ) {
    super();
  }

  static zero(): GoTime {
    return new GoTime(ZERO_SEC, 0, UTC);
  }

  /** From Unix nanoseconds. */
  static fromUnixNanos(ns: bigint, loc: Location, mono?: bigint, local?: Location): GoTime {
    const sec = ns / SECOND - (ns % SECOND < 0n ? 1n : 0n);
    return new GoTime(Number(sec), Number(ns - sec * SECOND), loc, mono, local);
  }

  zone(): ZoneAt {
    return this.loc.lookup(this.sec);
  }

  /** In another location; like Go's In/UTC/Local this drops the monotonic reading. */
  withLoc(loc: Location): GoTime {
    return new GoTime(this.sec, this.nsec, loc, undefined, this.local);
  }

  /** The same time, knowing which location `Local()` means. */
  withLocal(local: Location): GoTime {
    return new GoTime(this.sec, this.nsec, this.loc, this.mono, local);
  }

  addSeconds(n: number): GoTime {
    return new GoTime(this.sec + n, this.nsec, this.loc, this.mono, this.local);
  }

  /** Time.Add(d). */
  add(d: bigint): GoTime {
    let sec = this.sec + Number(d / SECOND);
    let nsec = this.nsec + Number(d % SECOND);
    if (nsec >= 1e9) {
      sec++;
      nsec -= 1e9;
    } else if (nsec < 0) {
      sec--;
      nsec += 1e9;
    }
    const mono = this.mono === undefined ? undefined : this.mono + d;
    return new GoTime(sec, nsec, this.loc, mono, this.local);
  }

  /** Time.Sub(u), saturating at the int64 range. */
  sub(u: GoTime): bigint {
    if (this.mono !== undefined && u.mono !== undefined) return saturate(this.mono - u.mono);
    return saturate(BigInt(this.sec - u.sec) * SECOND + BigInt(this.nsec - u.nsec));
  }

  compare(u: GoTime): number {
    if (this.mono !== undefined && u.mono !== undefined) return this.mono < u.mono ? -1 : this.mono > u.mono ? 1 : 0;
    if (this.sec !== u.sec) return this.sec < u.sec ? -1 : 1;
    return this.nsec < u.nsec ? -1 : this.nsec > u.nsec ? 1 : 0;
  }

  unixNanos(): bigint {
    return BigInt(this.sec) * SECOND + BigInt(this.nsec);
  }

  /** Nanoseconds since Go's zero time, the base of Round and Truncate. */
  private sinceZero(): bigint {
    return BigInt(this.sec - ZERO_SEC) * SECOND + BigInt(this.nsec);
  }

  private stripped(): GoTime {
    return this.mono === undefined ? this : new GoTime(this.sec, this.nsec, this.loc, undefined, this.local);
  }

  truncate(d: bigint): GoTime {
    const t = this.stripped();
    if (d <= 0n) return t;
    const r = t.sinceZero() % d;
    return t.add(-r);
  }

  round(d: bigint): GoTime {
    const t = this.stripped();
    if (d <= 0n) return t;
    const r = t.sinceZero() % d;
    return r + r < d ? t.add(-r) : t.add(d - r);
  }

  private civil() {
    const local = this.sec + this.zone().offset;
    const days = floorDiv(local, 86400);
    return { days, secOfDay: local - days * 86400, ...civilFromDays(days) };
  }

  format(layout: string): string {
    return formatTime(this, layout);
  }

  override goString(): string {
    let s = formatTime(this, '2006-01-02 15:04:05.999999999 -0700 MST');
    if (this.mono !== undefined) {
      const neg = this.mono < 0n;
      const m = neg ? -this.mono : this.mono;
      s += ` m=${neg ? '-' : '+'}${m / SECOND}.${(m % SECOND).toString().padStart(9, '0')}`;
    }
    return s;
  }

  override method(name: string): GoFunc | undefined {
    switch (name) {
      case 'String':
        return goFunc(name, [], () => this.goString());
      case 'Format':
        return goFunc(name, [T.string], (layout) => formatTime(this, layout as string));
      case 'Unix':
        return goFunc(name, [], () => goInt64(this.sec));
      case 'UnixMilli':
        return goFunc(name, [], () => goInt64(BigInt(this.sec) * 1000n + BigInt(Math.floor(this.nsec / 1e6))));
      case 'UnixMicro':
        return goFunc(name, [], () => goInt64(BigInt(this.sec) * 1000000n + BigInt(Math.floor(this.nsec / 1e3))));
      case 'UnixNano':
        return goFunc(name, [], () => goInt64(this.unixNanos()));
      case 'UTC':
        return goFunc(name, [], () => this.withLoc(UTC));
      case 'Local':
        return goFunc(name, [], () => this.withLoc(this.local ?? UTC));
      case 'Location':
        return goFunc(name, [], () => new GoLocation(this.loc));
      case 'Year':
        return goFunc(name, [], () => goInt(this.civil().year));
      case 'Month':
        return goFunc(name, [], () => {
          const m = this.civil().month;
          return new GoNamedInt(MONTH_TYPE, m, LONG_MONTH_NAMES[m - 1]);
        });
      case 'Day':
        return goFunc(name, [], () => goInt(this.civil().day));
      case 'Weekday':
        return goFunc(name, [], () => {
          const w = weekdayOf(this.civil().days);
          return new GoNamedInt(WEEKDAY_TYPE, w, LONG_DAY_NAMES[w]);
        });
      case 'YearDay':
        return goFunc(name, [], () => {
          const c = this.civil();
          return goInt(yearDay(c.days, c.year));
        });
      case 'Hour':
        return goFunc(name, [], () => goInt(Math.floor(this.civil().secOfDay / 3600)));
      case 'Minute':
        return goFunc(name, [], () => goInt(Math.floor((this.civil().secOfDay % 3600) / 60)));
      case 'Second':
        return goFunc(name, [], () => goInt(this.civil().secOfDay % 60));
      case 'Nanosecond':
        return goFunc(name, [], () => goInt(this.nsec));
      case 'IsZero':
        return goFunc(name, [], () => this.sec === ZERO_SEC && this.nsec === 0);
      case 'Add':
        return goFunc(name, [DURATION_PARAM], (d) => this.add(durationArg(d)));
      case 'AddDate':
        return goFunc(name, [T.int, T.int, T.int], (y, m, d) => {
          const c = this.civil();
          const s = c.secOfDay;
          const t = dateTime(
            c.year + intArg(y),
            c.month + intArg(m),
            c.day + intArg(d),
            Math.floor(s / 3600),
            Math.floor((s % 3600) / 60),
            s % 60,
            this.nsec,
            this.loc,
          );
          return new GoTime(t.sec, t.nsec, t.loc, undefined, this.local);
        });
      case 'Sub':
        return goFunc(name, [TIME_PARAM], (u) => new GoDuration(this.sub(u as GoTime)));
      case 'Before':
        return goFunc(name, [TIME_PARAM], (u) => this.compare(u as GoTime) < 0);
      case 'After':
        return goFunc(name, [TIME_PARAM], (u) => this.compare(u as GoTime) > 0);
      case 'Equal':
        return goFunc(name, [TIME_PARAM], (u) => this.compare(u as GoTime) === 0);
      case 'Compare':
        return goFunc(name, [TIME_PARAM], (u) => goInt(this.compare(u as GoTime)));
      case 'Truncate':
        return goFunc(name, [DURATION_PARAM], (d) => this.truncate(durationArg(d)));
      case 'Round':
        return goFunc(name, [DURATION_PARAM], (d) => this.round(durationArg(d)));
      case 'MarshalJSON':
        return goFunc(name, [], () => new TextEncoder().encode(`"${this.rfc3339Nano()}"`));
      case 'MarshalText':
        return goFunc(name, [], () => new TextEncoder().encode(this.rfc3339Nano()));
    }
    return undefined;
  }

  /** The form encoding/json and YAML writers use for a time.Time. */
  rfc3339Nano(): string {
    return formatTime(this, '2006-01-02T15:04:05.999999999Z07:00');
  }
}

function intArg(v: Value): number {
  if (v instanceof GoInt) return Number(v.value);
  throw new GoError('expected int');
}
