// The format checks that stand in for helm's validators' own (the golden cases in chart-schema.yaml pin their
// answers against helm): here, that they answer long hostile strings (a regex with nested repetition would
// backtrack for ages, and the test would run into vitest's timeout), and a few answers the goldens do not show.
import { describe, expect, it } from 'vitest';
import { HELM3_FORMATS, HELM4_FORMATS } from '../../src/chart/schema-formats.ts';

const hostile = [
  `${'a'.repeat(20000)}!`,
  `${'a '.repeat(20000)}<`,
  `"${'a'.repeat(20000)}`,
  `a@${'b.'.repeat(10000)}.`,
  '{'.repeat(20000),
  `${'0'.repeat(20000)}:`,
];

describe('schema formats', () => {
  it('turn down long hostile strings', () => {
    for (const s of hostile) {
      expect(HELM3_FORMATS.email(s)).toBe('invalid');
      expect(HELM3_FORMATS.hostname(s)).toBe('invalid');
      expect(HELM4_FORMATS.email(s)).toBeDefined();
      expect(HELM4_FORMATS['date-time'](s)).toBeDefined();
    }
    expect(HELM3_FORMATS['uri-template']('{'.repeat(20000))).toBe('invalid');
  });

  it('helm 3: net/mail addresses, with display names and IP literals', () => {
    expect(HELM3_FORMATS.email('Name <a@b>')).toBeUndefined();
    expect(HELM3_FORMATS.email('"quoted local"@b')).toBeUndefined();
    expect(HELM3_FORMATS.email('a@[1.2.3.4]')).toBeUndefined();
    expect(HELM3_FORMATS.email('a@[x]')).toBe('invalid');
    expect(HELM3_FORMATS.email('.a@b')).toBe('invalid');
  });

  it('helm 4: why a date-time fails, element by element', () => {
    expect(HELM4_FORMATS['date-time']('2020-01-01T25:00:00Z')).toBe('invalid time element: hour/min/sec out of range');
    expect(HELM4_FORMATS['date-time']('2020-01-01T23:59:60+01:00')).toBe('invalid time element: invalid leap second');
    expect(HELM4_FORMATS['date-time']('2020-01-01T22:59:60-01:00')).toBeUndefined();
    expect(HELM4_FORMATS.ipv4('1.2.3.99999999999999999999')).toBe(
      'strconv.Atoi: parsing "99999999999999999999": value out of range',
    );
  });
});
