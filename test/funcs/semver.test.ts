import { describe, expect, it } from 'vitest';
import {
  parseConstraint,
  parseVersion,
  SEMVER_V33,
  SemverConstraint,
  SemverError,
  type SemverVersion,
  satisfies,
  semverFuncs,
} from '../../src/funcs/semver.ts';
import { GoInt } from '../../src/template/value.ts';

function err(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SemverError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('parseVersion', () => {
  it('coerces short versions, v prefixes and leading zeros', () => {
    expect(parseVersion('1').goString()).toBe('1.0.0');
    expect(parseVersion('v1.2').goString()).toBe('1.2.0');
    expect(parseVersion('01.02.03').goString()).toBe('1.2.3');
    expect(parseVersion('1.2.3-beta.1+build.5').goString()).toBe('1.2.3-beta.1+build.5');
    expect(parseVersion('v1.2.3').original).toBe('v1.2.3');
    expect(parseVersion('18446744073709551615.0.0').major).toBe(18446744073709551615n);
  });
  it('reports the library errors', () => {
    expect(err(() => parseVersion(''))).toBe('invalid semantic version');
    expect(err(() => parseVersion('1.2.3.4'))).toBe('invalid semantic version');
    expect(err(() => parseVersion('V1.2.3'))).toBe('invalid semantic version');
    expect(err(() => parseVersion('1.2.3-01'))).toBe('version segment starts with 0');
    expect(err(() => parseVersion('18446744073709551616'))).toBe(
      'error parsing version segment: strconv.ParseUint: parsing "18446744073709551616": value out of range',
    );
    expect(err(() => parseVersion('x', SEMVER_V33))).toBe('Invalid Semantic Version');
  });
  it('orders prereleases as the semver spec says', () => {
    const order = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ].map((s) => parseVersion(s));
    for (let i = 0; i + 1 < order.length; i++) {
      expect(order[i].compare(order[i + 1])).toBe(-1);
      expect(order[i + 1].compare(order[i])).toBe(1);
    }
    expect(parseVersion('1.0.0+a').compare(parseVersion('1.0.0+b'))).toBe(0);
  });
  it('exposes the Version methods', () => {
    const v = parseVersion('v1.2.3-rc.1+b');
    expect(v.goTypeName).toBe('*semver.Version');
    const major = v.method('Major')!.fn();
    expect(major).toBeInstanceOf(GoInt);
    expect((major as GoInt).kind).toBe('uint64');
    expect(v.method('Prerelease')!.fn()).toBe('rc.1');
    expect(v.method('Metadata')!.fn()).toBe('b');
    expect(v.method('Original')!.fn()).toBe('v1.2.3-rc.1+b');
    const inc = v.method('IncPatch')!.fn() as SemverVersion;
    expect(inc.goString()).toBe('1.2.3');
    expect(inc.goTypeName).toBe('semver.Version');
    expect(inc.original).toBe('v1.2.3');
    expect(inc.method('Original')).toBeUndefined();
    expect((parseVersion('1.2.3').method('IncMinor')!.fn() as SemverVersion).goString()).toBe('1.3.0');
    expect(v.method('LessThan')!.fn(parseVersion('1.2.3'))).toBe(true);
  });
});

describe('constraints', () => {
  const table: [string, string, boolean][] = [
    ['>= 1.2, < 2', '1.5.0', true],
    ['>= 1.2, < 2', '2.0.0', false],
    ['>=1.2 <2', '1.1.9', false],
    ['^1.2.3', '1.9.9', true],
    ['^1.2.3', '2.0.0', false],
    ['^0.2.3', '0.2.9', true],
    ['^0.2.3', '0.3.0', false],
    ['^0.0.3', '0.0.4', false],
    ['^0', '0.9.0', true],
    ['~1.2.3', '1.2.9', true],
    ['~1.2.3', '1.3.0', false],
    ['~1', '1.9.0', true],
    ['~>1.2', '1.2.5', true],
    ['1.x', '1.4.0', true],
    ['1.x', '2.0.0', false],
    ['1.2.*', '1.2.7', true],
    ['*', '4.5.6', true],
    ['x', '0.0.1', true],
    ['1.2 - 1.4', '1.4.0', true],
    ['1.2 - 1.4', '1.4.1', true], // `<= 1.4` with a dirty patch accepts all of 1.4.x
    ['1.2 - 1.4.0', '1.4.1', false],
    ['<1 || >=3', '3.1.0', true],
    ['<1 || >=3', '2.0.0', false],
    ['!=1.2.3', '1.2.4', true],
    ['!=1.2.3', '1.2.3', false],
    ['!=1.x', '1.5.0', false],
    ['!=1.x', '2.0.0', true],
    ['>11', '11.1.0', false],
    ['>11', '12.0.0', true],
    ['>11.1', '11.1.5', false],
    ['>11.1', '11.2.0', true],
    ['<=1.2', '1.2.9', true],
    ['<=1.2', '1.3.0', false],
    ['=1.2.3', '1.2.3+meta', true],
    ['1.2.3', 'v1.2.3', true],
    ['v1.2.3', '1.2.3', true],
    // Prereleases match only constraints that name one in the same AND group.
    ['>=1.2.3', '1.2.4-beta', false],
    ['>=1.2.3-0', '1.2.4-beta', true],
    ['>=1.2.3-0, <2', '1.2.4-beta', true],
    ['>=1.2.3-0 || <2', '1.2.4-beta', true],
    ['>1.0.0 || >= 1.2.3-0', '1.2.4-beta', true],
    ['>=1.21.0-0', '1.21.0-gke.100', true],
    ['>=1.21.0', '1.21.0-gke.100', false],
  ];
  it.each(table)('%s with %s is %s', (c, v, want) => {
    expect(satisfies(c, v)).toBe(want);
  });
  it('differs in semver 3.3 for prereleases in AND groups', () => {
    expect(satisfies('>=1.2.3-0, <2', '1.2.4-beta')).toBe(true);
    expect(satisfies('>=1.2.3-0, <2', '1.2.4-beta', SEMVER_V33)).toBe(false);
    expect(satisfies('!=1.2.3', '1.2.4-beta')).toBe(false);
    expect(satisfies('!=1.2.3', '1.2.4-beta', SEMVER_V33)).toBe(true);
  });
  it('reports improper constraints', () => {
    expect(err(() => parseConstraint('foo'))).toBe('improper constraint: foo');
    expect(err(() => parseConstraint(''))).toBe('improper constraint: ');
    expect(err(() => parseConstraint('>1 || bar'))).toBe('improper constraint:  bar');
    expect(err(() => parseConstraint('>=1|2'))).toBe('constraint parser error');
    expect(err(() => parseConstraint('>=1|2', SEMVER_V33))).toBe('constraint Parser Error');
    expect(err(() => satisfies('>1', 'nope'))).toBe('invalid semantic version');
    expect(err(() => satisfies('nope', 'nope'))).toBe('improper constraint: nope');
  });
  it('prints and validates', () => {
    const c = SemverConstraint.parse('>= 1.2,  <2 || ~3.1');
    expect(c.toString()).toBe('>=1.2 <2 || ~3.1');
    expect(c.validate(parseVersion('2.5.0'))).toEqual({
      ok: false,
      reasons: ['2.5.0 is greater than or equal to 2', '2.5.0 is less than 3.1'],
    });
    expect(c.validate(parseVersion('2.0.0-rc.1')).reasons).toEqual([
      '2.0.0-rc.1 is a prerelease version and the constraint is only looking for release versions',
    ]);
    expect(c.validate(parseVersion('1.3.0'))).toEqual({ ok: true, reasons: [] });
  });
});

describe('template functions', () => {
  const [semver, semverCompare] = semverFuncs();
  it('are typed by their Go parameters', () => {
    expect(semver.params.map((p) => p.name)).toEqual(['string']);
    expect(semverCompare.params.map((p) => p.name)).toEqual(['string', 'string']);
  });
  it('compare and parse', () => {
    expect(semverCompare.fn('^1.2', '1.3.0')).toBe(true);
    expect((semver.fn('1.2') as SemverVersion).goString()).toBe('1.2.0');
  });
});
