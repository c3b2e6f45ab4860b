import { describe, expect, it } from 'vitest';
import {
  DurationError,
  formatDuration,
  GoDuration,
  HOUR,
  MAX_DURATION,
  MIN_DURATION,
  parseDuration,
  roundDuration,
  SECOND,
  timeQuote,
} from '../../src/funcs/time-duration.ts';

describe('parseDuration (time.ParseDuration)', () => {
  it.each([
    ['0', 0n],
    ['-0', 0n],
    ['5s', 5n * SECOND],
    ['1h30m', 5400n * SECOND],
    ['1.5h', 5400n * SECOND],
    ['-1.5h', -5400n * SECOND],
    ['+2m', 120n * SECOND],
    ['300ms', 300000000n],
    ['1us', 1000n],
    ['1µs', 1000n],
    ['1μs', 1000n],
    ['10ns', 10n],
    ['.5s', 500000000n],
    ['1.s', SECOND],
    ['1h1m1s1ms1us1ns', 3661001001001n],
    ['0.3333333333333333333h', 20n * 60n * SECOND],
    ['9223372036854775807ns', MAX_DURATION],
    ['-9223372036854775808ns', MIN_DURATION],
  ])('%s', (s, want) => {
    expect(parseDuration(s)).toBe(want);
  });
  it.each([
    ['', 'time: invalid duration ""'],
    ['h', 'time: invalid duration "h"'],
    ['.s', 'time: invalid duration ".s"'],
    ['10', 'time: missing unit in duration "10"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1h-2m', 'time: unknown unit "h-" in duration "1h-2m"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
  ])('rejects %j', (s, msg) => {
    expect(() => parseDuration(s)).toThrow(DurationError);
    expect(() => parseDuration(s)).toThrow(msg);
  });
});

describe('formatDuration (Duration.String)', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [1100n, '1.1µs'],
    [2200000n, '2.2ms'],
    [3300000000n, '3.3s'],
    [60n * SECOND, '1m0s'],
    [-90n * SECOND, '-1m30s'],
    [HOUR, '1h0m0s'],
    [4n * HOUR + 5n * 60n * SECOND + 6n * SECOND + 7000000n, '4h5m6.007s'],
    [MAX_DURATION, '2562047h47m16.854775807s'],
    [MIN_DURATION, '-2562047h47m16.854775808s'],
  ])('%s', (d, want) => {
    expect(formatDuration(d)).toBe(want);
  });
});

describe('roundDuration', () => {
  it('rounds halves away from zero and saturates', () => {
    expect(roundDuration(1500000000n, SECOND)).toBe(2n * SECOND);
    expect(roundDuration(1499999999n, SECOND)).toBe(SECOND);
    expect(roundDuration(-1500000000n, SECOND)).toBe(-2n * SECOND);
    expect(roundDuration(MAX_DURATION, HOUR)).toBe(MAX_DURATION);
    expect(roundDuration(5n, 0n)).toBe(5n);
  });
});

describe('GoDuration', () => {
  it('prints through String() and has Duration methods', () => {
    const d = new GoDuration(5400n * SECOND);
    expect(d.goTypeName).toBe('time.Duration');
    expect(d.goString()).toBe('1h30m0s');
    expect(d.method('Hours')!.fn()).toBe(1.5);
    expect(d.method('Minutes')!.fn()).toBe(90);
  });
  it('quotes as the time package does', () => {
    expect(timeQuote('é"x\\')).toBe('"\\xc3\\xa9\\"x\\\\"');
  });
});
