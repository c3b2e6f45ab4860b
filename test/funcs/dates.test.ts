import { describe, expect, it } from 'vitest';
import { dateFuncs } from '../../src/funcs/dates.ts';
import { fixedEnv } from '../../src/funcs/env.ts';
import { GoTime } from '../../src/funcs/time-value.ts';
import { formatValue } from '../../src/template/fmt.ts';
import { GoError, type GoFunc, GoInt, goInt, goInt64, type Value } from '../../src/template/value.ts';

// 2023-11-14 22:13:20 UTC
const NOW = 1_700_000_000_000_000_000n;
const funcs = new Map(dateFuncs(fixedEnv(1, NOW)).map((f) => [f.name, f]));
function call(name: string, ...args: Value[]): Value {
  const f = funcs.get(name) as GoFunc;
  expect(f.params.length).toBe(args.length);
  return f.fn(...args);
}
const toDate = (layout: string, s: string) => call('toDate', layout, s);
const show = (v: Value) => formatValue(v);

describe('sprig date functions', () => {
  // Expected strings were printed by helm 4.1.4 (test/golden/cases/sprig-dates.yaml).
  it('toDate parses in Local and gives the zero time on failure', () => {
    expect(show(toDate('2006-01-02', '2024-07-01'))).toBe('2024-07-01 00:00:00 +0000 UTC');
    expect(show(toDate('2006-01-02', 'not a date'))).toBe('0001-01-01 00:00:00 +0000 UTC');
  });
  it('mustToDate reports Go parse errors', () => {
    expect(() => call('mustToDate', '2006-01-02', '2021-02-29')).toThrow(GoError);
    expect(() => call('mustToDate', '2006-01-02', '2021-02-29')).toThrow('parsing time "2021-02-29": day out of range');
  });
  it('date and dateInZone take times and Unix seconds of kind int, int32 and int64', () => {
    const t = toDate('2006-01-02', '2024-07-01');
    expect(call('dateInZone', '2006-01-02 15:04:05 MST -0700', t, 'America/New_York')).toBe(
      '2024-06-30 20:00:00 EDT -0400',
    );
    expect(call('date', '2006-01-02 15:04:05', goInt(1700000000))).toBe('2023-11-14 22:13:20');
    expect(call('date', '2006', goInt64(0))).toBe('1970');
    expect(call('date', '2006', new GoInt(0n, 'int32'))).toBe('1970');
    // Anything else means now, even numbers of other kinds.
    expect(call('date', '2006-01-02', 1136214245)).toBe('2023-11-14');
    expect(call('date', '2006', new GoInt(0n, 'uint'))).toBe('2023');
    expect(call('dateInZone', '15:04 MST', goInt(1700000000), 'Mars/Olympus')).toBe('22:13 UTC');
    expect(call('htmlDateInZone', toDate('2006-01-02 15:04', '2024-02-29 23:30'), 'Asia/Tokyo')).toBe('2024-03-01');
    expect(call('htmlDate', goInt(86400))).toBe('1970-01-02');
  });
  it('dateModify adds durations and ignores bad ones; mustDateModify reports them', () => {
    const t = toDate('2006-01-02', '2024-01-01');
    expect(show(call('dateModify', '1h30m', t))).toBe('2024-01-01 01:30:00 +0000 UTC');
    expect(show(call('dateModify', 'tomorrow', t))).toBe('2024-01-01 00:00:00 +0000 UTC');
    expect(show(call('mustDateModify', '-1m', t))).toBe('2023-12-31 23:59:00 +0000 UTC');
    expect(() => call('mustDateModify', '1d', t)).toThrow('time: unknown unit "d" in duration "1d"');
  });
  it('duration reads strings and int64 only', () => {
    const d = (v: Value) => call('duration', v);
    expect([d('0'), d('3661'), d('-90'), d('+5'), d('abc'), d('1.5')]).toEqual([
      '0s',
      '1h1m1s',
      '-1m30s',
      '5s',
      '0s',
      '0s',
    ]);
    expect([d(goInt64(95)), d(goInt(95)), d(95), d(null)]).toEqual(['1m35s', '0s', '0s', '0s']);
    expect([d('9223372036854775807'), d('99999999999999999999'), d('-9223372036854775808')]).toEqual([
      '-1s',
      '-1s',
      '0s',
    ]);
  });
  it('durationRound picks the largest unit strictly exceeded', () => {
    const r = (v: Value) => call('durationRound', v);
    expect(['2h10m5s', '1s', '1.5s', '61s', '400h', '721h', '8761h', '-3h', 'bogus'].map(r)).toEqual([
      '2h',
      '0s',
      '1s',
      '1m',
      '16d',
      '1mo',
      '1y',
      '3h',
      '0s',
    ]);
    expect(r(goInt64(7200000000001n))).toBe('2h');
    expect(r(goInt(3600000000000))).toBe('0s');
    expect(r(toDate('2006', '2000'))).toBe('23y');
  });
  it('ago rounds to seconds', () => {
    expect(call('ago', toDate('2006-01-02 15:04:05', '2023-11-14 20:13:19'))).toBe('2h0m1s');
    expect(call('ago', 'x')).toBe('0s');
  });
  it('now carries the clock and a monotonic reading', () => {
    const now = call('now') as GoTime;
    expect(now).toBeInstanceOf(GoTime);
    expect(show(now)).toBe('2023-11-14 22:13:20 +0000 UTC m=+0.000000000');
    expect(show(call('dateModify', '1h', now))).toBe('2023-11-14 23:13:20 +0000 UTC m=+3600.000000000');
    expect(call('unixEpoch', now)).toBe('1700000000');
  });
});

describe('time.Time methods', () => {
  const t = toDate('2006-01-02T15:04:05Z07:00', '2024-02-29T13:14:15+01:00') as GoTime;
  const m = (name: string, ...args: Value[]) => (t.method(name) as GoFunc).fn(...args);
  it('answer as Go does', () => {
    expect([m('Year'), m('Month'), m('Day'), m('YearDay'), m('Weekday')].map(show)).toEqual([
      '2024',
      'February',
      '29',
      '60',
      'Thursday',
    ]);
    expect(show(m('Unix'))).toBe('1709208855');
    expect(show(m('UTC'))).toBe('2024-02-29 12:14:15 +0000 UTC');
    expect(m('Format', 'Jan 2')).toBe('Feb 29');
    expect(show(m('AddDate', goInt(0), goInt(1), goInt(0)))).toBe('2024-03-29 13:14:15 +0100 +0100');
    const later = m('Add', goInt(90_000_000_000)) as GoTime;
    expect(show(later.method('Sub')!.fn(t))).toBe('1m30s');
    expect(m('Before', later)).toBe(true);
    expect(show(m('Location'))).toBe('');
    expect(show((m('Local') as GoTime).method('Location')!.fn())).toBe('Local');
  });
});
