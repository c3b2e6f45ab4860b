import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/funcs/time-format.ts';
import { parseTime, TimeParseError } from '../../src/funcs/time-parse.ts';
import { dateTime, GoTime } from '../../src/funcs/time-value.ts';
import { fixedZone, loadLocation, localLocation, UTC } from '../../src/funcs/time-zone.ts';

const local = localLocation('UTC');
const parse = (layout: string, value: string) => parseTime(layout, value, local, local);
// Expected strings below were printed by helm 4.1.4 (see test/golden/cases/sprig-dates.yaml).

describe('formatTime', () => {
  const t = dateTime(2024, 7, 4, 9, 5, 3, 120450000, UTC);
  it('prints every layout element', () => {
    expect(formatTime(t, 'Mon Monday Jan January 1 01 2 _2 02 __2 002 15 3 03 4 04 5 05 2006 06 PM pm MST')).toBe(
      'Thu Thursday Jul July 7 07 4  4 04 186 186 09 9 09 5 05 3 03 2024 24 AM am UTC',
    );
    expect(formatTime(t, '.0 .000 .000000 .000000000 .9 .999 .999999999 ,000 ,999')).toBe(
      '.1 .120 .120450 .120450000 .1 .12 .12045 ,120 ,12',
    );
    expect(formatTime(t, 'Jann Monk Month 2006x 1504 _2006 12')).toBe('Jann Monk Month 2024x 0905 _2024 74');
  });
  it('prints zone offsets', () => {
    const z = t.withLoc(fixedZone('', -(3 * 3600 + 30 * 60)));
    expect(formatTime(z, 'Z07:00 Z0700 Z07 -07:00:00 -070000 MST')).toBe('-03:30 -0330 -03 -03:30:00 -033000 -0330');
    expect(formatTime(t, 'Z07:00 Z0700 -07:00 -0700 MST')).toBe('Z Z +00:00 +0000 UTC');
  });
  it('prints 12-hour clocks', () => {
    expect(formatTime(dateTime(0, 1, 1, 0, 30, 0, 0, UTC), '3:04PM 03pm')).toBe('12:30AM 12am');
    expect(formatTime(dateTime(0, 1, 1, 12, 30, 0, 0, UTC), '3:04PM')).toBe('12:30PM');
  });
  it('prints String() with the zone name and any monotonic reading', () => {
    expect(GoTime.zero().goString()).toBe('0001-01-01 00:00:00 +0000 UTC');
    const now = new GoTime(1700000000, 5, local, 53923185n);
    expect(now.goString()).toBe('2023-11-14 22:13:20.000000005 +0000 UTC m=+0.053923185');
  });
});

describe('zones', () => {
  const at = (zone: string, sec: number, layout: string) => {
    const loc = loadLocation(zone, local);
    return loc === undefined ? undefined : formatTime(new GoTime(sec, 0, loc), layout);
  };
  it('uses tz abbreviations and offsets', () => {
    expect(at('America/New_York', 1719792000, '2006-01-02 15:04:05 MST -0700')).toBe('2024-06-30 20:00:00 EDT -0400');
    expect(at('America/New_York', 1704067200, '15:04 MST')).toBe('19:00 EST');
    expect(at('Europe/Dublin', 1733011200, '15:04 MST')).toBe('00:00 GMT');
    expect(at('Europe/Dublin', 1719792000, '15:04 MST')).toBe('01:00 IST');
    expect(at('Asia/Dubai', 1700000000, '15:04 MST')).toBe('02:13 +04');
    expect(at('Asia/Kathmandu', 1700000000, '15:04 MST')).toBe('03:58 +0545');
    expect(at('Etc/GMT+5', 0, '15:04 MST')).toBe('19:00 -05');
  });
  it('uses local mean time before standard time', () => {
    expect(at('America/New_York', -5364662400, '2006-01-02 15:04:05 -07:00:00')).toBe('1799-12-31 19:03:58 -04:56:02');
  });
  it('finds transitions exactly, also those off the quarter hour', () => {
    const ny = loadLocation('America/New_York', local)!;
    const dst = 1710054000; // 2024-03-10T07:00:00Z
    expect([ny.lookup(dst - 1), ny.lookup(dst), ny.lookup(dst - 2)].map((z) => z.abbr)).toEqual(['EST', 'EDT', 'EST']);
    const railroad = -2717650800; // 1883-11-18T17:00:00Z: local mean time to EST
    const ny2 = loadLocation('America/New_York', fixedZone('x', 0))!;
    expect([ny2.lookup(railroad), ny2.lookup(railroad - 1), ny2.lookup(railroad + 1)].map((z) => z.offset)).toEqual([
      -18000, -17762, -18000,
    ]);
  });
  it('knows the special names and refuses unknown ones', () => {
    expect(loadLocation('', local)).toBe(UTC);
    expect(loadLocation('UTC', local)).toBe(UTC);
    expect(loadLocation('Local', local)).toBe(local);
    expect(loadLocation('Mars/Olympus', local)).toBeUndefined();
    expect(loadLocation('america/new_york', local)).toBeUndefined();
    expect(loadLocation('../etc/passwd', local)).toBeUndefined();
  });
});

describe('parseTime', () => {
  it.each([
    ['2006-01-02', '2024-07-01', '2024-07-01 00:00:00 +0000 UTC'],
    ['2006-01-02T15:04:05Z07:00', '2024-03-10T08:30:00+05:30', '2024-03-10 08:30:00 +0530 +0530'],
    [
      '2006-01-02T15:04:05.999999999Z07:00',
      '2024-03-10T08:30:00.123456789-07:00',
      '2024-03-10 08:30:00.123456789 -0700 -0700',
    ],
    ['2006-01-02 15:04:05', '2024-03-10 08:30:00.5', '2024-03-10 08:30:00.5 +0000 UTC'],
    ['2006-01-02 15:04 MST', '2024-01-02 10:00 PST', '2024-01-02 10:00:00 +0000 PST'],
    ['2006-01-02 15:04 MST', '2024-01-02 10:00 GMT+3', '2024-01-02 13:00:00 +0300 GMT+3'],
    ['3:04PM', '5:30PM', '0000-01-01 17:30:00 +0000 UTC'],
    ['02-Jan-06', '15-Mar-68', '2068-03-15 00:00:00 +0000 UTC'],
    ['02-Jan-06', '15-mar-69', '1969-03-15 00:00:00 +0000 UTC'],
    ['2006-002', '2024-060', '2024-02-29 00:00:00 +0000 UTC'],
    ['2006 __2', '2023  32', '2023-02-01 00:00:00 +0000 UTC'],
    ['Mon Jan 2 2006', 'SAT JUN 1 2024', '2024-06-01 00:00:00 +0000 UTC'],
  ])('%s %s', (layout, value, want) => {
    expect(parse(layout, value).goString()).toBe(want);
  });
  it.each([
    ['2006-01-02', '2020/02/29', 'parsing time "2020/02/29" as "2006-01-02": cannot parse "/02/29" as "-"'],
    ['2006-01-02', '2021-02-29', 'parsing time "2021-02-29": day out of range'],
    ['2006-01-02', '2021-13-01', 'parsing time "2021-13-01": month out of range'],
    ['2006-01-02', '2021-01-01T00:00', 'parsing time "2021-01-01T00:00": extra text: "T00:00"'],
    ['15:04', '24:00', 'parsing time "24:00": hour out of range'],
    ['2006', 'é"x', 'parsing time "\\xc3\\xa9\\"x" as "2006": cannot parse "\\xc3\\xa9\\"x" as "2006"'],
    ['-07:00', '+2x:00', 'parsing time "+2x:00" as "-07:00": cannot parse "+2x:00" as "-07:00"'],
  ])('rejects %s %s', (layout, value, msg) => {
    expect(() => parse(layout, value)).toThrow(TimeParseError);
    expect(() => parse(layout, value)).toThrow(msg);
  });
});

describe('dateTime', () => {
  it('normalises overflowing fields as time.Date does', () => {
    expect(dateTime(2024, 1, 31, 0, 0, 0, 0, UTC).goString()).toBe('2024-01-31 00:00:00 +0000 UTC');
    expect(dateTime(2024, 2, 31, 0, 0, 0, 0, UTC).goString()).toBe('2024-03-02 00:00:00 +0000 UTC');
    expect(dateTime(2024, 13, 1, 24, 60, 60, 1e9, UTC).goString()).toBe('2025-01-02 01:01:01 +0000 UTC');
    expect(dateTime(2024, 1, 1, 0, 0, -1, 0, UTC).goString()).toBe('2023-12-31 23:59:59 +0000 UTC');
  });
  it('resolves wall times across a DST gap as Go does', () => {
    const ny = loadLocation('America/New_York', UTC)!;
    // 02:30 does not exist on 2024-03-10 in New York; Go reads it with the EDT offset: 01:30 EST
    // (Go's own time tests: "2:30:00 PDT ≡ 1:30 PST").
    expect(dateTime(2024, 3, 10, 2, 30, 0, 0, ny).goString()).toBe('2024-03-10 01:30:00 -0500 EST');
    // 01:30 happens twice on 2024-11-03; Go picks the first (EDT).
    expect(dateTime(2024, 11, 3, 1, 30, 0, 0, ny).goString()).toBe('2024-11-03 01:30:00 -0400 EDT');
  });
});
