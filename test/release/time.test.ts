import { describe, expect, it } from 'vitest';
import {
  fixedClock,
  formatTime,
  normalizeTime,
  now,
  parseTime,
  systemClock,
  TimeFormatError,
  timeToUnix,
} from '../../src/release/time.ts';

describe('Go RFC3339Nano timestamps', () => {
  it('formats as time.Time.MarshalJSON', () => {
    expect(formatTime({ seconds: 0, nanos: 0, offsetSeconds: 0 })).toBe('1970-01-01T00:00:00Z');
    expect(formatTime({ seconds: 1700000000, nanos: 123456789, offsetSeconds: 0 })).toBe(
      '2023-11-14T22:13:20.123456789Z',
    );
    expect(formatTime({ seconds: 1700000000, nanos: 500000000, offsetSeconds: 3600 })).toBe(
      '2023-11-14T23:13:20.5+01:00',
    );
    expect(formatTime({ seconds: 1700000000, nanos: 1000, offsetSeconds: -(5 * 3600 + 30 * 60) })).toBe(
      '2023-11-14T16:43:20.000001-05:30',
    );
    expect(formatTime({ seconds: -62135596800, nanos: 0, offsetSeconds: 0 })).toBe('0001-01-01T00:00:00Z');
    expect(formatTime({ seconds: 951782400, nanos: 0, offsetSeconds: 0 })).toBe('2000-02-29T00:00:00Z');
  });

  it('parses what it formats', () => {
    for (const s of [
      '2026-11-23T13:50:30.188792069Z',
      '2024-02-03T04:05:06.5+01:00',
      '1999-12-31T23:59:59-08:00',
      '0001-01-01T00:00:00Z',
      '2400-02-29T12:00:00.000000001Z',
    ]) {
      expect(formatTime(parseTime(s))).toBe(s);
    }
  });

  it('normalises as Go reads and writes back', () => {
    expect(normalizeTime('2024-01-01T00:00:00.100+00:00')).toBe('2024-01-01T00:00:00.1Z');
    expect(normalizeTime('2024-01-01t00:00:00z')).toBe('2024-01-01T00:00:00Z');
    expect(normalizeTime('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(normalizeTime('')).toBeUndefined();
    expect(normalizeTime(null)).toBeUndefined();
  });

  it('rejects what Go rejects', () => {
    expect(() => parseTime('2024-01-01')).toThrow(TimeFormatError);
    expect(() => parseTime('2023-02-29T00:00:00Z')).toThrow(/out of range/);
    expect(() => parseTime('2024-01-01T24:00:00Z')).toThrow(/out of range/);
  });

  it('gives Unix seconds', () => {
    expect(timeToUnix('2023-11-14T23:13:20.9+01:00')).toBe(1700000000);
  });

  it('reads clocks', () => {
    expect(now(fixedClock(1_700_000_000_000_000_001n))).toBe('2023-11-14T22:13:20.000000001Z');
    const a = systemClock();
    const b = systemClock();
    expect(b.seconds * 1e9 + b.nanos).toBeGreaterThanOrEqual(a.seconds * 1e9 + a.nanos);
    expect(Math.abs(a.seconds - Date.now() / 1000)).toBeLessThan(5);
  });
});
