import { describe, expect, it } from 'vitest';
import { InvalidSelectorError } from '../../src/backend/errors.ts';
import {
  EVERYTHING,
  labelKeyError,
  labelValueError,
  parseSelector,
  selectorFromSet,
  selectorFromSpec,
  toSelector,
} from '../../src/backend/selector.ts';

const labels = { app: 'web', tier: 'front', rev: '7', 'example.com/team': 'a' };

describe('label selectors', () => {
  it('matches equality requirements', () => {
    expect(parseSelector('app=web').matches(labels)).toBe(true);
    expect(parseSelector('app==web,tier=front').matches(labels)).toBe(true);
    expect(parseSelector('app=db').matches(labels)).toBe(false);
    expect(parseSelector('app!=db').matches(labels)).toBe(true);
    expect(parseSelector('missing!=x').matches(labels)).toBe(true);
    expect(parseSelector('example.com/team=a').matches(labels)).toBe(true);
  });

  it('matches set-based requirements', () => {
    expect(parseSelector('tier in (front, back)').matches(labels)).toBe(true);
    expect(parseSelector('tier notin (front)').matches(labels)).toBe(false);
    expect(parseSelector('missing notin (x)').matches(labels)).toBe(true);
    expect(parseSelector('missing in (x)').matches(labels)).toBe(false);
    expect(parseSelector('app').matches(labels)).toBe(true);
    expect(parseSelector('!app').matches(labels)).toBe(false);
    expect(parseSelector('!legacy').matches(labels)).toBe(true);
    expect(parseSelector('tier in ()').matches({ tier: '' })).toBe(true);
    expect(parseSelector('x in (in, notin)').matches({ x: 'notin' })).toBe(true);
  });

  it('compares integers with > and <', () => {
    expect(parseSelector('rev>3').matches(labels)).toBe(true);
    expect(parseSelector('rev<3').matches(labels)).toBe(false);
    expect(parseSelector('app>3').matches(labels)).toBe(false);
    expect(parseSelector('missing<3').matches(labels)).toBe(false);
  });

  it('matches missing labels as empty', () => {
    expect(parseSelector('a=b').matches(undefined)).toBe(false);
    expect(parseSelector('!a').matches(undefined)).toBe(true);
    expect(EVERYTHING.matches(undefined)).toBe(true);
    expect(parseSelector('  ').empty).toBe(true);
  });

  it('prints the canonical form, requirements by key', () => {
    expect(parseSelector('z=1, a in (c,b), !x, y').toString()).toBe('a in (b,c),!x,y,z=1');
    expect(parseSelector('r>5,s<2').toString()).toBe('r>5,s<2');
    expect(selectorFromSet({ owner: 'helm', name: 'web' }).toString()).toBe('name=web,owner=helm');
  });

  it('rejects malformed selectors with the API`s messages', () => {
    expect(() => parseSelector('a=b,')).toThrow(InvalidSelectorError);
    expect(() => parseSelector('a=b c')).toThrow("found 'c', expected: ',' or 'end of string'");
    expect(() => parseSelector('a in b')).toThrow("found 'b', expected: '('");
    expect(() => parseSelector('a (b)')).toThrow(/expected: in, notin, =, ==, !=, gt, lt$/);
    expect(() => parseSelector('rev>x')).toThrow(/must be an integer/);
    expect(() => parseSelector('-bad=x')).toThrow(/name part must consist/);
    expect(() => parseSelector('a=b$')).toThrow(/a valid label must be an empty string/);
    expect(() => parseSelector('!a=b')).toThrow(InvalidSelectorError);
  });

  it('reads the structured form of manifests', () => {
    const s = selectorFromSpec({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['front'] },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    });
    expect(s.matches(labels)).toBe(true);
    expect(s.toString()).toBe('app=web,!legacy,tier in (front)');
    expect(() => selectorFromSpec({ matchExpressions: [{ key: 'a', operator: 'In' }] })).toThrow(/can't be empty/);
  });

  it('takes any form', () => {
    expect(toSelector(undefined)).toBe(EVERYTHING);
    expect(toSelector({ app: 'web' }).matches(labels)).toBe(true);
    expect(toSelector('app=db').matches(labels)).toBe(false);
  });

  it('validates keys and values as Kubernetes does', () => {
    expect(labelKeyError('app.kubernetes.io/name')).toBeUndefined();
    expect(labelKeyError('Bad_Prefix/x')).toMatch(/prefix part/);
    expect(labelKeyError('a'.repeat(64))).toMatch(/63 characters/);
    expect(labelValueError('')).toBeUndefined();
    expect(labelValueError('v1.2-x_y')).toBeUndefined();
    expect(labelValueError('-x')).toMatch(/start and end/);
  });
});
