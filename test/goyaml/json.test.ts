// Expected texts were printed by helm 4.1.4 (`fromJson | toJson`, `fromJsonArray | toPrettyJson`), not by bosun.
import { describe, expect, it } from 'vitest';
import { GoCodecError } from '../../src/goyaml/index.ts';
import { parseJSON } from '../../src/goyaml/json-decode.ts';
import { marshalJSON, quoteJSON } from '../../src/goyaml/json-encode.ts';
import { GoStruct, goInt, NO_FIELD, type Value } from '../../src/template/value.ts';

function fromJsonToJson(text: string): string {
  let v: Value;
  try {
    v = parseJSON(text, { target: 'map' });
  } catch (e) {
    if (!(e instanceof GoCodecError)) throw e;
    v = new Map([['Error', e.message]]);
  }
  return marshalJSON(v);
}

describe('parseJSON', () => {
  const syntax: [string, string][] = [
    ['[', 'unexpected end of JSON input'],
    ['', 'unexpected end of JSON input'],
    ['01\n', "invalid character '1' after top-level value"],
    [' {"a":[{"<":-0,,"k":1}]}', "invalid character ',' looking for beginning of object key string"],
    ['[[[]],  , 1]', "invalid character ',' looking for beginning of value"],
    ['{"": false, "a" "x"', "invalid character '\"' after object key"],
    ['\n{"k2": 1.', "invalid character ' ' after decimal point in numeric literal"],
    ['tru\n', "invalid character '\\n' in literal true (expecting 'e')"],
    ['tru', "invalid character ' ' in literal true (expecting 'e')"],
    ['"a\tb"', "invalid character '\\t' in string literal"],
    ['\n"\\x"\n', "invalid character 'x' in string escape code"],
    ['\n"\\u12G4" ', "invalid character 'G' in \\u hexadecimal character escape"],
    [" 's'x", "invalid character '\\'' looking for beginning of value"],
    ['1ex', "invalid character 'x' in exponent of numeric literal"],
    ['- ', "invalid character ' ' in numeric literal"],
    ['{"b":01,"c":{}}', "invalid character '1' after object key:value pair"],
    ['[{}x', "invalid character 'x' after array element"],
    ['[1, 2]]', "invalid character ']' after top-level value"],
  ];
  for (const [text, msg] of syntax) {
    it(`reports ${JSON.stringify(text)} as Go does`, () => {
      expect(() => parseJSON(text)).toThrow(msg);
      expect(fromJsonToJson(text)).toBe(marshalJSON(new Map([['Error', msg]])));
    });
  }

  it('decodes numbers as float64 and objects as maps', () => {
    expect(fromJsonToJson(' {"":1, "<":123456789012345678901234} ')).toBe('{"":1,"\\u003c":1.2345678901234569e+23}');
    expect(fromJsonToJson('{"<": [], "<":123456789012345678901234}')).toBe('{"\\u003c":1.2345678901234569e+23}');
    expect(fromJsonToJson('\n{"": ["a"]}\n')).toBe('{"":["a"]}');
    expect(parseJSON('"\\ud83d\\ude00\\ud83d"')).toBe('😀\ufffd');
    // Keys in document order, index-like ones included (JS objects would list those first).
    const m = parseJSON('{"b": 1, "10": {"z": [true, null], "2": "x"}, "a": -0.5e1, "b": 2}') as Map<string, Value>;
    expect([...m.keys()]).toEqual(['b', '10', 'a']);
    expect(m.get('b')).toBe(2);
    expect([...(m.get('10') as Map<string, Value>).keys()]).toEqual(['z', '2']);
    expect(m.get('a')).toBe(-5);
  });

  it('reports the target type when the document has another shape', () => {
    expect(fromJsonToJson('1e-7')).toBe(
      '{"Error":"json: cannot unmarshal number into Go value of type map[string]interface {}"}',
    );
    expect(fromJsonToJson('\ntrue')).toBe(
      '{"Error":"json: cannot unmarshal bool into Go value of type map[string]interface {}"}',
    );
    expect(() => parseJSON('{}', { target: 'slice' })).toThrow(
      'json: cannot unmarshal object into Go value of type []interface {}',
    );
    expect(parseJSON('null', { target: 'map' })).toEqual(new Map());
    expect(() => parseJSON('1e400')).toThrow('json: cannot unmarshal number 1e400 into Go value of type float64');
  });
});

describe('marshalJSON', () => {
  it('formats float64 and ints as encoding/json does', () => {
    const v = new Map<string, Value>([
      ['a', 1000000],
      ['b', 1e21],
      ['c', 1e-7],
      ['d', 12345678901234567000],
      ['e', -0],
      ['f', 0.000001],
      ['g', goInt(42)],
    ]);
    expect(marshalJSON(v)).toBe('{"a":1000000,"b":1e+21,"c":1e-7,"d":12345678901234567000,"e":-0,"f":0.000001,"g":42}');
  });

  it('escapes HTML characters unless told not to, and always U+2028/U+2029', () => {
    expect(quoteJSON('<a&b>\u2028\b\f\x01')).toBe('"\\u003ca\\u0026b\\u003e\\u2028\\b\\f\\u0001"');
    expect(quoteJSON('<a&b>\u2029', false)).toBe('"<a&b>\\u2029"');
  });

  it('indents like MarshalIndent', () => {
    expect(marshalJSON([new Map([['a', [1, 2]]]), [], new Map()], { indent: '  ' })).toBe(
      '[\n  {\n    "a": [\n      1,\n      2\n    ]\n  },\n  [],\n  {}\n]',
    );
  });

  it('encodes []byte as base64 and refuses NaN', () => {
    expect(marshalJSON(new Uint8Array([104, 105]))).toBe('"aGk="');
    expect(() => marshalJSON(Number.POSITIVE_INFINITY)).toThrow('json: unsupported value: +Inf');
  });
});

describe('marshalJSON of structs', () => {
  it('writes fields in declaration order (the order of jsonValue), maps sorted', () => {
    class Meta extends GoStruct {
      readonly goTypeName = '*chart.Metadata';
      fieldNames() {
        return ['Name', 'Version'];
      }
      field(n: string): Value | typeof NO_FIELD {
        return n === 'Name' ? 't' : n === 'Version' ? '0.1.0' : NO_FIELD;
      }
      override jsonValue() {
        return new Map<string, Value>([
          ['name', 't'],
          ['version', '0.1.0'],
          ['apiVersion', 'v2'],
          [
            'annotations',
            new Map([
              ['z', '1'],
              ['a', '2'],
            ]),
          ],
        ]);
      }
    }
    // helm 3.17.2 prints {"name":"t","version":"0.1.0","apiVersion":"v2",...} for toJson .Chart.
    expect(marshalJSON(new Meta())).toBe(
      '{"name":"t","version":"0.1.0","apiVersion":"v2","annotations":{"a":"2","z":"1"}}',
    );
  });
});
