// time.Time.Format with Go's layouts.

import { civilFromDays, floorDiv, LONG_DAY_NAMES, LONG_MONTH_NAMES, weekdayOf, yearDay } from './time-calendar.ts';
import { type Chunk, Std, splitLayout } from './time-layout.ts';
import type { GoTime } from './time-value.ts';

const SHORT_DAY_NAMES = LONG_DAY_NAMES.map((d) => d.slice(0, 3));
const SHORT_MONTH_NAMES = LONG_MONTH_NAMES.map((m) => m.slice(0, 3));

/** Go's appendInt: optional minus, then at least `width` digits. */
export function pad(x: number, width: number): string {
  const s = Math.abs(x).toString();
  const body = s.length < width ? '0'.repeat(width - s.length) + s : s;
  return x < 0 ? `-${body}` : body;
}

function fracSecond(nsec: number, c: Chunk): string {
  const trim = c.std === Std.FracSecond9;
  if (trim && (c.digits === 0 || nsec === 0)) return '';
  let s = pad(nsec, 9);
  if (c.digits < 9) s = s.slice(0, c.digits);
  if (trim) s = s.replace(/0+$/, '');
  return trim && s === '' ? '' : c.sep + s;
}

function zoneOffset(offset: number, std: Std): string {
  const iso =
    std === Std.ISO8601TZ ||
    std === Std.ISO8601ColonTZ ||
    std === Std.ISO8601SecondsTZ ||
    std === Std.ISO8601ShortTZ ||
    std === Std.ISO8601ColonSecondsTZ;
  if (offset === 0 && iso) return 'Z';
  const minutes = Math.trunc(offset / 60);
  const sign = minutes < 0 ? '-' : '+';
  const zone = Math.abs(minutes);
  const abs = Math.abs(offset);
  const colon =
    std === Std.ISO8601ColonTZ ||
    std === Std.NumColonTZ ||
    std === Std.ISO8601ColonSecondsTZ ||
    std === Std.NumColonSecondsTZ;
  let out = sign + pad(Math.floor(zone / 60), 2);
  if (colon) out += ':';
  if (std !== Std.NumShortTZ && std !== Std.ISO8601ShortTZ) out += pad(zone % 60, 2);
  if (
    std === Std.ISO8601SecondsTZ ||
    std === Std.NumSecondsTz ||
    std === Std.NumColonSecondsTZ ||
    std === Std.ISO8601ColonSecondsTZ
  ) {
    if (std === Std.NumColonSecondsTZ || std === Std.ISO8601ColonSecondsTZ) out += ':';
    out += pad(abs % 60, 2);
  }
  return out;
}

/** Time.Format(layout). */
export function formatTime(t: GoTime, layout: string): string {
  const { abbr, offset } = t.zone();
  const local = t.sec + offset;
  const days = floorDiv(local, 86400);
  const secOfDay = local - days * 86400;
  const hour = Math.floor(secOfDay / 3600);
  const min = Math.floor((secOfDay % 3600) / 60);
  const sec = secOfDay % 60;
  const date = civilFromDays(days);
  let out = '';
  for (const c of splitLayout(layout)) {
    out += c.prefix;
    switch (c.std) {
      case Std.None:
        break;
      case Std.Year:
        out += pad(Math.abs(date.year) % 100, 2);
        break;
      case Std.LongYear:
        out += pad(date.year, 4);
        break;
      case Std.Month:
        out += SHORT_MONTH_NAMES[date.month - 1];
        break;
      case Std.LongMonth:
        out += LONG_MONTH_NAMES[date.month - 1];
        break;
      case Std.NumMonth:
        out += date.month;
        break;
      case Std.ZeroMonth:
        out += pad(date.month, 2);
        break;
      case Std.WeekDay:
        out += SHORT_DAY_NAMES[weekdayOf(days)];
        break;
      case Std.LongWeekDay:
        out += LONG_DAY_NAMES[weekdayOf(days)];
        break;
      case Std.Day:
        out += date.day;
        break;
      case Std.UnderDay:
        out += (date.day < 10 ? ' ' : '') + date.day;
        break;
      case Std.ZeroDay:
        out += pad(date.day, 2);
        break;
      case Std.UnderYearDay: {
        const yd = yearDay(days, date.year);
        out += (yd < 10 ? '  ' : yd < 100 ? ' ' : '') + yd;
        break;
      }
      case Std.ZeroYearDay:
        out += pad(yearDay(days, date.year), 3);
        break;
      case Std.Hour:
        out += pad(hour, 2);
        break;
      case Std.Hour12:
        out += hour % 12 === 0 ? 12 : hour % 12;
        break;
      case Std.ZeroHour12:
        out += pad(hour % 12 === 0 ? 12 : hour % 12, 2);
        break;
      case Std.Minute:
        out += min;
        break;
      case Std.ZeroMinute:
        out += pad(min, 2);
        break;
      case Std.Second:
        out += sec;
        break;
      case Std.ZeroSecond:
        out += pad(sec, 2);
        break;
      case Std.PM:
        out += hour >= 12 ? 'PM' : 'AM';
        break;
      case Std.pm:
        out += hour >= 12 ? 'pm' : 'am';
        break;
      case Std.TZ:
        if (abbr !== '') out += abbr;
        else {
          // No name known: Go prints the -0700 form.
          const minutes = Math.trunc(offset / 60);
          const zone = Math.abs(minutes);
          out += (minutes < 0 ? '-' : '+') + pad(Math.floor(zone / 60), 2) + pad(zone % 60, 2);
        }
        break;
      case Std.FracSecond0:
      case Std.FracSecond9:
        out += fracSecond(t.nsec, c);
        break;
      default:
        out += zoneOffset(offset, c.std);
    }
  }
  return out;
}
