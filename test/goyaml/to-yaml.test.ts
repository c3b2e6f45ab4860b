// Expected texts were printed by helm 4.1.4 (`fromYaml | toYaml` of the same input), not by bosun.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/goyaml/index.ts';
import { marshalYaml, sortYamlKeys } from '../../src/goyaml/to-yaml.ts';
import { marshalYamlPretty } from '../../src/goyaml/to-yaml-pretty.ts';
import { goInt, goInt64, type Value } from '../../src/template/value.ts';

function toYaml(v: Value): string {
  try {
    return marshalYaml(v).replace(/\n$/, '');
  } catch {
    return '';
  }
}

const fromYaml = (s: string) => parseYaml(s, { target: 'map' });

describe('marshalYaml (sigs.k8s.io/yaml.Marshal)', () => {
  it('prints values-file numbers as the JSON round trip leaves them', () => {
    expect(
      toYaml(
        fromYaml(
          'big: 12345678901234567890\nneg: -12345678901234567890\nm: 1000000\nsmall: 0.0000001\ne21: 1e21\nf: 3.0\nh: 0x7FFFFFFFFFFFFFFF\nu: 0xFFFFFFFFFFFFFFFF\n',
        ),
      ),
    ).toBe(
      'big: 12345678901234567000\ne21: 1e+21\nf: 3\nh: 9223372036854776000\nm: 1000000\nneg: -1.2345678901234567e+19\nsmall: 1e-07\nu: 1.8446744073709552e+19',
    );
  });

  it('prints Go ints exactly', () => {
    expect(
      toYaml(
        new Map<string, Value>([
          ['a', goInt(1000000)],
          ['b', goInt64(-9007199254740993n)],
        ]),
      ),
    ).toBe('a: 1000000\nb: -9007199254740993');
  });

  it('quotes strings that would read back as something else, or cannot be plain', () => {
    expect(
      toYaml(
        fromYaml(
          'a: "yes"\nb: "123"\nc: "1e3"\nd: "null"\ne: ""\nf: " lead"\ng: "trail "\nh: "a: b"\ni: "# c"\nj: "a #b"\nk: "x\\ty"\nl: "\\u00e9t\\u00e9"\nm: "\\U0001F600"\no: "<<"\np: "2001-01-01"\nq: "1:20"\nr: "-"\ns: "- a"\nt: "@x"\nu: "`x"\nv: "%x"\nw: "!x"\nx: "&x"\nz: "|x"\n',
        ),
      ),
    ).toBe(
      "a: \"yes\"\nb: \"123\"\nc: \"1e3\"\nd: \"null\"\ne: \"\"\nf: ' lead'\ng: 'trail '\nh: 'a: b'\ni: '# c'\nj: 'a #b'\nk: \"x\\ty\"\nl: été\nm: \"\\U0001F600\"\no: <<\np: \"2001-01-01\"\nq: \"1:20\"\nr: '-'\ns: '- a'\nt: '@x'\nu: '`x'\nv: '%x'\nw: '!x'\nx: '&x'\nz: '|x'",
    );
  });

  it('writes multi-line strings as literal blocks with the right chomping', () => {
    expect(
      toYaml(
        fromYaml(
          'a: "line1\\nline2"\nb: "line1\\nline2\\n"\nc: "line1\\nline2\\n\\n"\nd: "\\n"\ne: " lead\\nx"\nf: "trail \\nx"\ng: "x\\n y"\nh: "a\\tb\\nc"\n',
        ),
      ),
    ).toBe(
      'a: |-\n  line1\n  line2\nb: |\n  line1\n  line2\nc: |+\n  line1\n  line2\n\nd: |2+\n\ne: |2-\n   lead\n  x\nf: "trail \\nx"\ng: |-\n  x\n   y\nh: "a\\tb\\nc"',
    );
  });

  it('folds long scalars at 80 columns', () => {
    const v = fromYaml(`long: "${'word '.repeat(30)}end"`);
    expect(toYaml(v)).toBe(
      'long: word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word end',
    );
  });

  it('lays out nested collections, empty ones in flow style', () => {
    expect(
      toYaml(
        fromYaml(
          'list:\n- a\n- b:\n  - c\n  - d\n- - e\n  - f\nempty: []\nemap: {}\nnested: {a: {b: {c: [1, {d: 2}]}}}\n',
        ),
      ),
    ).toBe(
      'emap: {}\nempty: []\nlist:\n- a\n- b:\n  - c\n  - d\n- - e\n  - f\nnested:\n  a:\n    b:\n      c:\n      - 1\n      - d: 2',
    );
    expect(toYaml(new Map())).toBe('{}');
    expect(toYaml([])).toBe('[]');
    expect(toYaml(null)).toBe('null');
  });

  it('writes long and multi-line keys as complex keys', () => {
    const k = 'k'.repeat(130);
    expect(toYaml(fromYaml(`? |\n  multi\n  key\n: v\n"${k}": v2\n`))).toBe(`? ${k}\n: v2\n? |\n  multi\n  key\n: v`);
  });

  it('escapes what go-yaml escapes, and fails where reading the JSON back fails', () => {
    expect(toYaml('\ufeffab')).toBe('"\\uFEFF\\x61\\x62"');
    expect(toYaml('a\x7fb')).toBe('');
    expect(toYaml(Number.NaN)).toBe('');
    expect(() => marshalYaml(Number.NaN)).toThrow('error marshaling into JSON: json: unsupported value: NaN');
  });

  it('sorts keys as go-yaml v2 does', () => {
    expect(sortYamlKeys(['k10', 'k9', 'k1', 'a', 'B', '_x', '1', '01', 'a2b', 'a10b'])).toEqual([
      '_x',
      '1',
      '01',
      'B',
      'a',
      'a2b',
      'a10b',
      'k1',
      'k9',
      'k10',
    ]);
  });
});

describe('marshalYamlPretty (go-yaml v3 Encoder, indent 2)', () => {
  const pretty = (v: Value) => marshalYamlPretty(v).replace(/\n$/, '');

  it('prints float64 with %g and indents sequences under keys', () => {
    expect(
      pretty(
        fromYaml(
          'big: 12345678901234567890\nneg: -12345678901234567890\nm: 1000000\nsmall: 0.0000001\ne21: 1e21\nf: 3.0\nh: 0x7FFFFFFFFFFFFFFF\nu: 0xFFFFFFFFFFFFFFFF\n',
        ),
      ),
    ).toBe(
      'big: 1.2345678901234567e+19\ne21: 1e+21\nf: 3\nh: 9.223372036854776e+18\nm: 1e+06\nneg: -1.2345678901234567e+19\nsmall: 1e-07\nu: 1.8446744073709552e+19',
    );
    expect(
      pretty(
        fromYaml(
          'list:\n- a\n- b:\n  - c\n  - d\n- - e\n  - f\nempty: []\nemap: {}\nnested: {a: {b: {c: [1, {d: 2}]}}}\n',
        ),
      ),
    ).toBe(
      'emap: {}\nempty: []\nlist:\n  - a\n  - b:\n      - c\n      - d\n  - - e\n    - f\nnested:\n  a:\n    b:\n      c:\n        - 1\n        - d: 2',
    );
  });

  it('keeps tabs in literal blocks', () => {
    expect(pretty(fromYaml('g: "x\\n y"\nh: "a\\tb\\nc"\n'))).toBe('g: |-\n  x\n   y\nh: |-\n  a\tb\n  c');
  });
});
