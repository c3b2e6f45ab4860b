// time.Parse and time.ParseInLocation with Go's layouts, results and error messages.

import { daysBefore, daysIn, isLeap, LONG_DAY_NAMES, LONG_MONTH_NAMES } from './time-calendar.ts';
import { timeQuote } from './time-duration.ts';
import { type Chunk, Std, splitLayout } from './time-layout.ts';
import { dateTime, type GoTime } from './time-value.ts';
import { fixedZone, type Location, UTC } from './time-zone.ts';

const SHORT_DAY_NAMES = LONG_DAY_NAMES.map((d) => d.slice(0, 3));
const SHORT_MONTH_NAMES = LONG_MONTH_NAMES.map((m) => m.slice(0, 3));

/** A time.Parse failure, with Go's *time.ParseError message. */
export class TimeParseError extends Error {
  override name = 'TimeParseError';
}

function parseError(layout: string, value: string, elem: string, valueElem: string, message: string): TimeParseError {
  if (message === '') {
    return new TimeParseError(
      `parsing time ${timeQuote(value)} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(elem)}`,
    );
  }
  return new TimeParseError(`parsing time ${timeQuote(value)}${message}`);
}

class Bad extends Error {}
const BAD = new Bad();

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Go's time-package atoi: optional sign, digits, nothing else. */
function atoi(s: string): number {
  let i = 0;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    i = 1;
  }
  if (i === s.length && i > 0) return 0; // a lone sign reads as 0, as leadingInt of "" does
  let x = 0;
  for (; i < s.length; i++) {
    if (!isDigit(s, i)) throw BAD;
    x = x * 10 + s.charCodeAt(i) - 48;
  }
  return neg ? -x : x;
}

/** One or two digits (exactly two when fixed); [number, rest]. */
function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigit(s, 0)) throw BAD;
  if (!isDigit(s, 1)) {
    if (fixed) throw BAD;
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48, s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigit(s, i); i++) n = n * 10 + s.charCodeAt(i) - 48;
  if (i === 0 || (fixed && i !== 3)) throw BAD;
  return [n, s.slice(i)];
}

/**
 * Removes `prefix` from `value`, any run of spaces matching any run. On a mismatch `ok` is false and `rest`
 * is what was left at that point, which Go's error message shows.
 */
function skip(value: string, prefix: string): { ok: boolean; rest: string } {
  let v = value;
  let p = prefix;
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') return { ok: false, rest: v };
      p = p.replace(/^ +/, '');
      v = v.replace(/^ +/, '');
      continue;
    }
    if (v.length === 0 || v[0] !== p[0]) return { ok: false, rest: v };
    p = p.slice(1);
    v = v.slice(1);
  }
  return { ok: true, rest: v };
}

function lookupName(tab: readonly string[], value: string): [number, string] {
  for (let i = 0; i < tab.length; i++) {
    const v = tab[i];
    if (value.length >= v.length && value.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
      // Go folds only ASCII letters; the names are ASCII, so a match needs ASCII input too.
      if (/^[\x20-\x7e]*$/.test(value.slice(0, v.length))) return [i, value.slice(v.length)];
    }
  }
  throw BAD;
}

/** Reads `.123` (or `,123`) of `n` characters as nanoseconds. */
function parseNanos(value: string, n: number): { ns: number; range: string } {
  if (value[0] !== '.' && value[0] !== ',') throw BAD;
  const nbytes = Math.min(n, 10);
  const ns = atoi(value.slice(1, nbytes));
  if (ns < 0) return { ns: 0, range: 'fractional second' };
  return { ns: ns * 10 ** (10 - nbytes), range: '' };
}

/** Length of a time zone abbreviation at the start of value (Go's parseTimeZone), or 0. */
function timeZoneLength(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return 3 + signedOffsetLength(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return signedOffsetLength(value);
  let upper = 0;
  while (upper < 6 && upper < value.length && value[upper] >= 'A' && value[upper] <= 'Z') upper++;
  switch (upper) {
    case 3:
      return 3;
    case 4:
      return value[3] === 'T' || value.startsWith('WITA') ? 4 : 0;
    case 5:
      return value[4] === 'T' ? 5 : 0;
    default:
      return 0;
  }
}

/** `+3`, `-11`: a sign and an hour in -23..23; the length, or 0. */
function signedOffsetLength(value: string): number {
  if (value.length === 0 || (value[0] !== '+' && value[0] !== '-')) return 0;
  let i = 1;
  let x = 0;
  while (i < value.length && isDigit(value, i)) {
    x = x * 10 + value.charCodeAt(i) - 48;
    if (x > 1e18) return 0;
    i++;
  }
  if (i === 1 || x > 23) return 0;
  return i;
}

/** time.Parse (defaultLoc = UTC, local = Local) and time.ParseInLocation (both = loc). */
export function parseTime(layout: string, value: string, defaultLoc: Location, local: Location): GoTime {
  const chunks = splitLayout(layout);
  let v = value;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let z: Location | undefined;
  let zoneOff = -1;
  let zoneName = '';
  let amSet = false;
  let pmSet = false;
  for (let ci = 0; ci <= chunks.length; ci++) {
    const c: Chunk | undefined = chunks[ci];
    const prefix = c?.prefix ?? '';
    const skipped = skip(v, prefix);
    if (!skipped.ok) throw parseError(layout, value, prefix, skipped.rest, '');
    v = skipped.rest;
    if (c === undefined || c.std === Std.None) {
      if (v.length !== 0) throw parseError(layout, value, '', v, `: extra text: ${timeQuote(v)}`);
      break;
    }
    const hold = v;
    let range = '';
    try {
      switch (c.std) {
        case Std.Year: {
          if (v.length < 2) throw BAD;
          const p = v.slice(0, 2);
          v = v.slice(2);
          year = atoi(p);
          year += year >= 69 ? 1900 : 2000;
          break;
        }
        case Std.LongYear:
          if (v.length < 4 || !isDigit(v, 0)) throw BAD;
          year = atoi(v.slice(0, 4));
          v = v.slice(4);
          break;
        case Std.Month:
          [month, v] = lookupName(SHORT_MONTH_NAMES, v);
          month++;
          break;
        case Std.LongMonth:
          [month, v] = lookupName(LONG_MONTH_NAMES, v);
          month++;
          break;
        case Std.NumMonth:
        case Std.ZeroMonth:
          [month, v] = getnum(v, c.std === Std.ZeroMonth);
          if (month <= 0 || month > 12) range = 'month';
          break;
        case Std.WeekDay:
          v = lookupName(SHORT_DAY_NAMES, v)[1];
          break;
        case Std.LongWeekDay:
          v = lookupName(LONG_DAY_NAMES, v)[1];
          break;
        case Std.Day:
        case Std.UnderDay:
        case Std.ZeroDay:
          if (c.std === Std.UnderDay && v[0] === ' ') v = v.slice(1);
          [day, v] = getnum(v, c.std === Std.ZeroDay);
          break;
        case Std.UnderYearDay:
        case Std.ZeroYearDay:
          for (let i = 0; i < 2; i++) if (c.std === Std.UnderYearDay && v[0] === ' ') v = v.slice(1);
          [yday, v] = getnum3(v, c.std === Std.ZeroYearDay);
          break;
        case Std.Hour:
          [hour, v] = getnum(v, false);
          if (hour >= 24) range = 'hour';
          break;
        case Std.Hour12:
        case Std.ZeroHour12:
          [hour, v] = getnum(v, c.std === Std.ZeroHour12);
          if (hour > 12) range = 'hour';
          break;
        case Std.Minute:
        case Std.ZeroMinute:
          [min, v] = getnum(v, c.std === Std.ZeroMinute);
          if (min >= 60) range = 'minute';
          break;
        case Std.Second:
        case Std.ZeroSecond: {
          [sec, v] = getnum(v, c.std === Std.ZeroSecond);
          if (sec >= 60) {
            range = 'second';
            break;
          }
          // A fractional second in the value that the layout does not name is accepted here.
          if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigit(v, 1)) {
            const next = chunks[ci + 1]?.std;
            if (next === Std.FracSecond0 || next === Std.FracSecond9) break;
            let n = 2;
            while (n < v.length && isDigit(v, n)) n++;
            const r = parseNanos(v, n);
            nsec = r.ns;
            range = r.range;
            v = v.slice(n);
          }
          break;
        }
        case Std.PM:
        case Std.pm: {
          if (v.length < 2) throw BAD;
          const p = v.slice(0, 2);
          v = v.slice(2);
          const [am, pm] = c.std === Std.PM ? ['AM', 'PM'] : ['am', 'pm'];
          if (p === pm) pmSet = true;
          else if (p === am) amSet = true;
          else throw BAD;
          break;
        }
        case Std.TZ: {
          if (v.startsWith('UTC')) {
            z = UTC;
            v = v.slice(3);
            break;
          }
          const n = timeZoneLength(v);
          if (n === 0) throw BAD;
          zoneName = v.slice(0, n);
          v = v.slice(n);
          break;
        }
        case Std.FracSecond0: {
          const n = 1 + c.digits;
          if (v.length < n) throw BAD;
          const r = parseNanos(v, n);
          nsec = r.ns;
          range = r.range;
          v = v.slice(n);
          break;
        }
        case Std.FracSecond9: {
          if (v.length < 2 || (v[0] !== '.' && v[0] !== ',') || !isDigit(v, 1)) break;
          let i = 0;
          while (i + 1 < v.length && isDigit(v, i + 1)) i++;
          const r = parseNanos(v, 1 + i);
          nsec = r.ns;
          range = r.range;
          v = v.slice(1 + i);
          break;
        }
        default: {
          const iso =
            c.std === Std.ISO8601TZ ||
            c.std === Std.ISO8601ShortTZ ||
            c.std === Std.ISO8601ColonTZ ||
            c.std === Std.ISO8601SecondsTZ ||
            c.std === Std.ISO8601ColonSecondsTZ;
          if (iso && v[0] === 'Z') {
            v = v.slice(1);
            z = UTC;
            break;
          }
          const r = parseOffset(v, c.std);
          v = r.rest;
          zoneOff = r.offset;
          range = r.range;
          if (r.bad) throw BAD;
        }
      }
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      if (range !== '') throw parseError(layout, value, c.text, v, `: ${range} out of range`);
      throw parseError(layout, value, c.text, hold, '');
    }
    if (range !== '') throw parseError(layout, value, c.text, v, `: ${range} out of range`);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) throw parseError(layout, value, '', v, ': day-of-year out of range');
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (daysBefore(m + 1) < yday) m++;
      d = yday - daysBefore(m);
    }
    if (month >= 0 && month !== m) throw parseError(layout, value, '', v, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) throw parseError(layout, value, '', v, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) throw parseError(layout, value, '', v, ': day out of range');

  if (z !== undefined) return dateTime(year, month, day, hour, min, sec, nsec, z);
  if (zoneOff !== -1) {
    const t = dateTime(year, month, day, hour, min, sec, nsec, UTC).addSeconds(-zoneOff);
    const zl = local.lookup(t.sec);
    if (zl.offset === zoneOff && (zoneName === '' || zl.abbr === zoneName)) return t.withLoc(local);
    return t.withLoc(fixedZone(zoneName, zoneOff));
  }
  if (zoneName !== '') {
    const t = dateTime(year, month, day, hour, min, sec, nsec, UTC);
    const off = local.lookupName(zoneName, t.sec);
    if (off !== undefined) return t.addSeconds(-off).withLoc(local);
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) offset = atoi(zoneName.slice(3)) * 3600;
    return t.withLoc(fixedZone(zoneName, offset));
  }
  return dateTime(year, month, day, hour, min, sec, nsec, defaultLoc);
}

/** Two digits, or -1. */
function twoDigits(s: string): number {
  return isDigit(s, 0) && isDigit(s, 1) ? (s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48 : -1;
}

/** A numeric zone offset. Go checks the ranges even when a part did not parse, and the range error wins. */
function parseOffset(v: string, std: Std): { offset: number; rest: string; range: string; bad: boolean } {
  let sign: string;
  let hh: string;
  let mm = '00';
  let ss = '00';
  let rest: string;
  if (std === Std.ISO8601ColonTZ || std === Std.NumColonTZ) {
    if (v.length < 6 || v[3] !== ':') throw BAD;
    [sign, hh, mm, rest] = [v[0], v.slice(1, 3), v.slice(4, 6), v.slice(6)];
  } else if (std === Std.NumShortTZ || std === Std.ISO8601ShortTZ) {
    if (v.length < 3) throw BAD;
    [sign, hh, rest] = [v[0], v.slice(1, 3), v.slice(3)];
  } else if (std === Std.ISO8601ColonSecondsTZ || std === Std.NumColonSecondsTZ) {
    if (v.length < 9 || v[3] !== ':' || v[6] !== ':') throw BAD;
    [sign, hh, mm, ss, rest] = [v[0], v.slice(1, 3), v.slice(4, 6), v.slice(7, 9), v.slice(9)];
  } else if (std === Std.ISO8601SecondsTZ || std === Std.NumSecondsTz) {
    if (v.length < 7) throw BAD;
    [sign, hh, mm, ss, rest] = [v[0], v.slice(1, 3), v.slice(3, 5), v.slice(5, 7), v.slice(7)];
  } else {
    if (v.length < 5) throw BAD;
    [sign, hh, mm, rest] = [v[0], v.slice(1, 3), v.slice(3, 5), v.slice(5)];
  }
  let bad = false;
  let h = twoDigits(hh);
  let m = 0;
  let s = 0;
  if (h < 0) {
    h = 0;
    bad = true;
  } else {
    m = twoDigits(mm);
    if (m < 0) {
      m = 0;
      bad = true;
    } else {
      s = twoDigits(ss);
      if (s < 0) {
        s = 0;
        bad = true;
      }
    }
  }
  let range = '';
  if (h > 24) range = 'time zone offset hour';
  if (m > 60) range = 'time zone offset minute';
  if (s > 60) range = 'time zone offset second';
  let offset = (h * 60 + m) * 60 + s;
  if (sign === '-') offset = -offset;
  else if (sign !== '+') bad = true;
  return { offset, rest, range, bad };
}
