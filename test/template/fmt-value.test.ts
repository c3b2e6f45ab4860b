// %v of every kind of value (formatValue, sprint, sprintln). Expected strings are Go's output, as helm prints it.
import { describe, expect, it } from 'vitest';
import { formatPrintable, formatValue, sprint, sprintf, sprintln } from '../../src/template/fmt.ts';
import { goFunc, goInt, intSlice, stringMap, stringSlice, type Value, withType } from '../../src/template/value.ts';
import { TestStruct } from './fmt-helpers.ts';
import { sprintCases, sprintlnCases, valueCases } from './fmt-value-cases.ts';

describe('formatValue', () => {
  it.each(valueCases)('%s', (_name, v, want) => {
    expect(formatValue(v)).toBe(want);
  });
  it('prints a pointer nested in a struct as an address, as Go does', () => {
    const inner = new TestStruct('*chart.Maintainer', [['Name', 'a']]);
    expect(formatValue(new TestStruct('x.T', [['M', inner]]))).toMatch(/^\{0xc[0-9a-f]+\}$/);
    expect(formatValue([inner])).toMatch(/^\[0xc[0-9a-f]+\]$/);
  });
  it('uses the Go type name of typed slices only for %#v', () => {
    expect(formatValue(withType(['a'], { name: 'chartutil.Files', elem: 'string' }))).toBe('[a]');
  });
});

describe('sprint', () => {
  it.each(sprintCases)('%s', (_name, args, want) => {
    expect(sprint(args)).toBe(want);
  });
});

describe('sprintln', () => {
  it.each(sprintlnCases)('%s', (_name, args, want) => {
    expect(sprintln(args)).toBe(want);
  });
});

describe('[]byte (.Files.GetBytes), as helm prints it', () => {
  const hi = new Uint8Array([104, 105]);
  const he = new TextEncoder().encode('hé');
  const ab = new Uint8Array([97, 98]);
  it('formats with every verb', () => {
    expect(sprintf('%s|%x|%X|% x|%q|%v|%T|%d', [hi, hi, hi, hi, hi, hi, hi, hi])).toBe(
      'hi|6869|6869|68 69|"hi"|[104 105]|[]uint8|[104 105]',
    );
    expect(sprintf('%#v|%o|%c|%t|%.1s|%5s|', [he, he, he, he, he, he])).toBe(
      '[]byte{0x68, 0xc3, 0xa9}|[150 303 251]|[h Ã ©]|[%!t(uint8=104) %!t(uint8=195) %!t(uint8=169)]|h|   hé|',
    );
  });
  it('prints every byte value in decimal, with and without flags', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const decimal = `[${Array.from(all, String).join(' ')}]`;
    expect(formatValue(all)).toBe(decimal);
    expect(sprintf('%d', [all])).toBe(decimal);
    expect(sprintf('%+d', [all.subarray(8, 11)])).toBe('[+8 +9 +10]');
    expect(sprintf('%3v|% d', [all.subarray(99, 101), all.subarray(0, 1)])).toBe('[ 99 100]|[ 0]');
  });
  it('formats bytes inside a list', () => {
    expect(formatValue([ab])).toBe('[[97 98]]');
    expect(sprintf('%s|%x|%#v', [[ab], [ab], [ab]])).toBe('[ab]|[6162]|[]interface {}{[]uint8{0x61, 0x62}}');
  });
  it('quotes bytes that are not UTF-8 with \\x escapes', () => {
    expect(sprintf('%q|%+q|%#q|%.2q', Array(4).fill(new Uint8Array([0x61, 0xff, 0xc3, 0xa9])))).toBe(
      '"a\\xffé"|"a\\xff\\u00e9"|"a\\xffé"|"a\\xff"',
    );
  });
});

describe('structs, as helm prints its own', () => {
  const kube = new TestStruct('common.KubeVersion', [
    ['Version', 'v1.35.0'],
    ['normalizedVersion', 'v1.35.0'],
    ['Major', '1'],
    ['Minor', '35'],
  ]);
  it('prints fields in order, with names for %+v', () => {
    expect(formatValue(kube)).toBe('{v1.35.0 v1.35.0 1 35}');
    expect(sprintf('%+v|%s|%T', [kube, kube, kube])).toBe(
      '{Version:v1.35.0 normalizedVersion:v1.35.0 Major:1 Minor:35}|{v1.35.0 v1.35.0 1 35}|common.KubeVersion',
    );
    expect(sprintf('%d', [kube])).toBe('{%!d(string=v1.35.0) %!d(string=v1.35.0) %!d(string=1) %!d(string=35)}');
  });
  it('prints Go syntax with %#v', () => {
    const p = new TestStruct('*chart.Maintainer', [
      ['Name', 'a'],
      ['Age', null],
    ]);
    expect(sprintf('%#v', [p])).toBe('&chart.Maintainer{Name:"a", Age:interface {}(nil)}');
    expect(sprintf('%#v', [kube])).toBe(
      'common.KubeVersion{Version:"v1.35.0", normalizedVersion:"v1.35.0", Major:"1", Minor:"35"}',
    );
  });
  it('uses String() for %v %s %q %x but not for other verbs or %#v', () => {
    const v = new TestStruct('*semver.Version', [['major', goInt(1)]], () => '1.2.3');
    expect(sprintf('%v|%s|%q|%x|%T|%10v|%-6s|', [v, v, v, v, v, v, v])).toBe(
      '1.2.3|1.2.3|"1.2.3"|312e322e33|*semver.Version|     1.2.3|1.2.3 |',
    );
    expect(sprintf('%d|%#v', [v, v])).toBe('&{1}|&semver.Version{major:1}');
    expect(sprintf('%s', [[v, v]])).toBe('[1.2.3 1.2.3]');
  });
});

describe('String() on the pointer type (Helm KubeVersion)', () => {
  class KubeVersion extends TestStruct {
    override get stringerOnPointer(): boolean {
      return true;
    }
  }
  const fields: ReadonlyArray<readonly [string, Value]> = [
    ['Version', 'v1.35.0'],
    ['normalizedVersion', 'v1.35.0'],
    ['Major', '1'],
    ['Minor', '35'],
  ];
  const kv = new KubeVersion('common.KubeVersion', fields, () => 'v1.35.0');
  const caps = new TestStruct('*common.Capabilities', [
    ['KubeVersion', kv],
    ['APIVersions', stringSlice(['v1'])],
  ]);
  it('is ignored by fmt for a struct value, as helm prints print .Capabilities.KubeVersion', () => {
    expect(formatValue(kv)).toBe('{v1.35.0 v1.35.0 1 35}');
    expect(sprint([kv])).toBe('{v1.35.0 v1.35.0 1 35}');
    expect(sprintf('%s|%v', [kv, [kv]])).toBe('{v1.35.0 v1.35.0 1 35}|[{v1.35.0 v1.35.0 1 35}]');
    expect(formatValue(caps)).toBe('&{{v1.35.0 v1.35.0 1 35} [v1]}');
  });
  it('is used by {{ }} printing, which also drops the & of a struct pointer', () => {
    expect(formatPrintable(kv)).toBe('v1.35.0');
    expect(formatPrintable(caps)).toBe('{{v1.35.0 v1.35.0 1 35} [v1]}');
    expect(formatPrintable(new TestStruct('*semver.Version', [], () => '1.2.3'))).toBe('1.2.3');
    expect(formatPrintable(new TestStruct('chart.Maintainer', [['Name', 'a']]))).toBe('{a}');
    expect(formatPrintable(1e6)).toBe('1e+06');
    expect(formatPrintable([kv])).toBe('[{v1.35.0 v1.35.0 1 35}]');
  });
});

describe('Go syntax of typed values (%#v), as helm prints Sprig results', () => {
  it('names typed slices and maps', () => {
    expect(sprintf('%#v|%#v|%T', [intSlice([goInt(0), goInt(1)]), stringSlice(['a', 'b']), intSlice([])])).toBe(
      '[]int{0, 1}|[]string{"a", "b"}|[]int',
    );
    expect(
      sprintf('%#v|%T', [
        stringMap(
          new Map([
            ['_1', 'b'],
            ['_0', 'a'],
          ]),
        ),
        stringMap(new Map()),
      ]),
    ).toBe('map[string]string{"_0":"a", "_1":"b"}|map[string]string');
  });
  it('prints functions as addresses and their type as func()', () => {
    const f = goFunc('f', [], () => null);
    expect(sprintf('%T', [f])).toBe('func()');
    expect(formatValue(f)).toMatch(/^0xc[0-9a-f]+$/);
    expect(sprintf('%p', [f])).toBe(formatValue(f));
    expect(sprintf('%p|%p', ['a', null])).toBe('%!p(string=a)|%!p(<nil>)');
  });
});
