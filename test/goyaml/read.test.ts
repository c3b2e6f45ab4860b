// Expectations here were printed by helm 4.1.4 (`fromYaml | toJson`, values files, manifests), not by bosun.
import { describe, expect, it } from 'vitest';
import { GoCodecError, parseValues, parseYaml, parseYamlInts, yamlReaderDocuments } from '../../src/goyaml/index.ts';
import { marshalJSON } from '../../src/goyaml/json-encode.ts';
import { GoInt } from '../../src/template/value.ts';

/** fromYaml | toJson, as the oracle printed it. */
function viaJson(text: string): string {
  try {
    return marshalJSON(parseYaml(text, { target: 'map' }));
  } catch (e) {
    if (e instanceof GoCodecError) return marshalJSON(new Map([['Error', e.message]]));
    throw e;
  }
}

function errorOf(text: string): string {
  try {
    parseYaml(text);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('parseYaml: YAML 1.1 resolution as go-yaml v2 does it', () => {
  it('reads booleans, ints in every base, floats, nulls, timestamps', () => {
    expect(viaJson('a: 1\nb: [x, y, n]\nn: 0755\nh: 0x1F\no: 0o17\nf: 1e3\nt: 2001-12-14\nz: ~\n')).toBe(
      '{"a":1,"b":["x",true,false],"f":1000,"false":493,"h":31,"o":15,"t":"2001-12-14","z":null}',
    );
    expect(viaJson('y: 1\nn: 2\nyes: 3\nNo: 4\non: 5\nOFF: 6\nTrue: 7\n')).toBe('{"false":6,"true":7}');
    expect(
      viaJson('a: 0b101\nb: -0x1F\nc: +12\nd: 1_000\ne: 0o\nf: 08\ng: .5\nh: -.5\ni: 1.\nj: 1e400\nk: 0.1\n'),
    ).toBe('{"a":5,"b":-31,"c":12,"d":1000,"e":"0o","f":8,"g":0.5,"h":-0.5,"i":1,"j":"1e400","k":0.1}');
  });

  it('turns every number into a float64', () => {
    expect(
      viaJson(
        'big: 12345678901234567890\nneg: -12345678901234567890\nm: 1000000\nsmall: 0.0000001\ne21: 1e21\nf: 3.0\nh: 0x7FFFFFFFFFFFFFFF\nu: 0xFFFFFFFFFFFFFFFF\n',
      ),
    ).toBe(
      '{"big":12345678901234567000,"e21":1e+21,"f":3,"h":9223372036854776000,"m":1000000,"neg":-12345678901234567000,"small":1e-7,"u":18446744073709552000}',
    );
    const v = parseYaml('a: 2') as Map<string, unknown>;
    expect(v.get('a')).toBe(2);
  });

  it('converts non-string keys as sigs.k8s.io/yaml does', () => {
    expect(viaJson('1.5: a\n1: b\ntrue: c\n1e3: d\n')).toBe('{"1":"b","1.5":"a","1000":"d","true":"c"}');
    expect(viaJson('~: x')).toBe(
      '{"Error":"error converting YAML to JSON: unsupported map key of type: %!s(\\u003cnil\\u003e), key: \\u003cnil\\u003e, value: \\"x\\""}',
    );
  });

  it('handles tags, merge keys, anchors and duplicates', () => {
    expect(
      viaJson('a: !!binary aGVsbG8=\nb: !!str 123\nc: !custom x\nd: ! 12\ne: !!float 1\nf: !!timestamp 2001-01-01\n'),
    ).toBe('{"a":"hello","b":"123","c":"x","d":"12","e":1,"f":"2001-01-01"}');
    expect(viaJson('x: &a {p: 1}\ny:\n  <<: *a\n  q: 2\n')).toBe('{"true":{"p":1,"q":2},"x":{"p":1}}');
    expect(viaJson('a: 1\na: 2')).toBe('{"a":2}');
    expect(viaJson('a: !!int "12"')).toBe('{"a":12}');
  });

  it('reads only the first document and treats empty input as an empty map', () => {
    expect(viaJson('---\na: 1\n---\nb: 2\n')).toBe('{"a":1}');
    expect(viaJson('')).toBe('{}');
    expect(viaJson('# only comment\n')).toBe('{}');
  });

  it('reads block scalars and quoted strings', () => {
    expect(viaJson('a: |\n  line1\n  line2\nb: >-\n  folded\n  text\n')).toBe(
      '{"a":"line1\\nline2\\n","b":"folded text"}',
    );
    expect(viaJson("a: \"x\\ty\"\nb: 'it''s'\n")).toBe('{"a":"x\\ty","b":"it\'s"}');
    expect(viaJson('a: "null"\nb: \'~\'\nc: ""\nd: ! null\ne: !!str null\n')).toBe(
      '{"a":"null","b":"~","c":"","d":"null","e":"null"}',
    );
  });
});

describe('parseYaml: errors as helm prints them', () => {
  const cases: [string, string][] = [
    ['a: 1\nb: 2\nc: d: e\n', 'yaml: line 3: mapping values are not allowed in this context'],
    ['b: c: d\n', 'yaml: mapping values are not allowed in this context'],
    ['a: [1, 2', "yaml: line 1: did not find expected ',' or ']'"],
    ['key: value\n  extra: x', 'yaml: line 2: mapping values are not allowed in this context'],
    ['a:\n  - b\n  c: d', "yaml: line 2: did not find expected '-' indicator"],
    ['"a": "b"\n"c"', "yaml: line 3: could not find expected ':'"],
    ['a: !!int "x"', 'yaml: cannot decode !!str `x` as a !!int'],
    ['a: *x', "yaml: unknown anchor 'x' referenced"],
    ['a: &x [*x]', "yaml: anchor 'x' value contains itself"],
    ['? [a]\n: b', 'yaml: invalid map key: []interface {}{"a"}'],
    ['%YAML 1.2\n---\na: 1', 'yaml: found incompatible YAML document'],
    ['\ta: 1', 'yaml: found character that cannot start any token'],
    ['a: b\n\tc: d', 'yaml: line 2: found a tab character that violates indentation'],
    ['a: "\x01"\n', 'yaml: control characters are not allowed'],
    ['a: .inf', 'json: unsupported value: +Inf'],
  ];
  for (const [text, msg] of cases) {
    it(JSON.stringify(text), () => {
      expect(errorOf(text)).toBe(`error converting YAML to JSON: ${msg}`);
    });
  }

  it('reports the JSON type error for a document of the wrong shape', () => {
    expect(viaJson('- a\n- b: 1\n')).toBe(
      '{"Error":"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"}',
    );
    expect(() => parseYaml('a: 1', { target: 'slice' })).toThrow(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}',
    );
  });
});

describe('parseYamlInts', () => {
  it('keeps integers as Go ints', () => {
    const v = parseYamlInts('a: 1000000\nb: 0xFFFFFFFFFFFFFFFF\nc: 1.5') as Map<string, unknown>;
    expect(v.get('a')).toBeInstanceOf(GoInt);
    expect((v.get('a') as GoInt).value).toBe(1000000n);
    expect((v.get('b') as GoInt).kind).toBe('uint64');
    expect(v.get('c')).toBe(1.5);
  });
});

describe('parseValues', () => {
  it('merges documents in helm 4 and reads only the first in helm 3', () => {
    const text = 'a: 1\n---\nb: 2\n---   \nc: {x: 1}\n';
    expect(marshalJSON(parseValues(text))).toBe('{"a":1,"b":2,"c":{"x":1}}');
    expect(marshalJSON(parseValues(text, { helm: 3 }))).toBe('{"a":1}');
  });

  it('rejects text after a document separator in helm 4', () => {
    expect(() => parseValues('a: 1\n--- foo\nb: 2\n')).toThrow(
      'error reading yaml document: invalid Yaml document separator: foo',
    );
    expect(marshalJSON(parseValues('a: 1\n--- foo\nb: 2\n', { helm: 3 }))).toBe('{"a":1}');
  });

  it('reads a stream without separators as one document, ended or not', () => {
    expect(yamlReaderDocuments('')).toEqual([]);
    expect(yamlReaderDocuments('a: 1\n# c\nb: 2')).toEqual(['a: 1\n# c\nb: 2\n']);
    expect(yamlReaderDocuments('a: 1\n')).toEqual(['a: 1\n']);
    expect(yamlReaderDocuments('a: 1\r\nb: 2\r\n')).toEqual(['a: 1\nb: 2\n']);
    expect(yamlReaderDocuments('a: |\n  x\n---\nb: 2')).toEqual(['a: |\n  x\n', 'b: 2\n']);
  });

  it('wraps document errors as LoadValues does', () => {
    expect(() => parseValues('a: 1\nb: 2\nc: d: e\n')).toThrow(
      'cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context',
    );
    expect(() => parseValues('- a\n')).toThrow(
      'cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
  });
});

describe('parseValues: comment runs, blank lines and plain scalars (the regex fast paths)', () => {
  const ok: [string, string][] = [
    [
      '# c1\n# c2\n\n  # c3\na: 1 # x\n# c4\n\r\n# c5\r\nb: [1,\n  # in flow\n\t# tab\n 2]\n# c6\nc: long  plain\n  value\n\n\n  after blanks\t# c\nd: "q"\n',
      '{"a":1,"b":[1,2],"c":"long  plain value\\n\\nafter blanks","d":"q"}',
    ],
    [
      'a:\n  # c\n  b: x:y\n  c: -1\n  d: ?x\n  e: a#b # c\n# c\n  f: [a:b, c#d]\n  g: {h: i}\n',
      '{"a":{"b":"x:y","c":-1,"d":"?x","e":"a#b","f":["a:b","c#d"],"g":{"h":"i"}}}',
    ],
  ];
  for (const [text, json] of ok) {
    it(`reads ${JSON.stringify(text).slice(0, 40)}... as helm does`, () => {
      expect(marshalJSON(parseValues(text))).toBe(json);
    });
  }
  const bad: [string, string][] = [
    [
      '# c1\n# c2\n\n  # c3\na: 1 # x\n# c4\n\r\n# c5\r\nb: [1,\n  # in flow\n\t# tab\n 2]\n# c6\n  c: x\n',
      'line 13: did not find expected key',
    ],
    ['# c1\n\n# c2\na:\n  b: x\n  # c\n  c: y\n   # c\n  d: z\n e: 1\n', 'line 9: did not find expected key'],
    ['a: b\n  # c\n\tc: d\n', 'line 3: found character that cannot start any token'],
    ['a: x\n\n  y\n # z\n  w\n\t q\nb: 1\n', 'line 6: found a tab character that violates indentation'],
    ['a:\n  - x\n    # c\n  - y\n  -\tz\n', 'line 5: found character that cannot start any token'],
    ['k: v\n# c\n# c\n\n\n\t# c\nk2: v\n', 'line 6: found character that cannot start any token'],
  ];
  for (const [text, msg] of bad) {
    it(`fails on ${JSON.stringify(text).slice(0, 40)}... at helm's line`, () => {
      expect(() => parseValues(text)).toThrow(`error converting YAML to JSON: yaml: ${msg}`);
    });
  }
});
