// Proleptic Gregorian calendar arithmetic on days since 1970-01-01, valid for any year (Go times reach year 0
// and below: `toDate "3:04pm" "5:00pm"` is in year 0).

/** Floor division and its non-negative remainder, as calendar math needs for negative days. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function floorMod(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + b : r;
}

/** Days from 1970-01-01 to year-month-day (month 1..12; a day outside the month counts on). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Count from March so that the leap day ends the year; eras are 400-year cycles of 146097 days.
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysIn(month: number, year: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS_IN[month - 1];
}

/** Days before the first of `month` in a non-leap year (month 1..13). */
export function daysBefore(month: number): number {
  let n = 0;
  for (let m = 1; m < month; m++) n += DAYS_IN[m - 1];
  return n;
}

/** Weekday of a day count, Sunday = 0 (1970-01-01 was a Thursday). */
export function weekdayOf(days: number): number {
  return floorMod(days + 4, 7);
}

/** Day of the year, 1..366. */
export function yearDay(days: number, year: number): number {
  return days - daysFromCivil(year, 1, 1) + 1;
}

export const LONG_DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const LONG_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
