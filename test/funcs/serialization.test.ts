// Expected results were printed by helm 4.1.4 and 3.17.2 templates calling these functions, not by bosun.
import { describe, expect, it } from 'vitest';
import { serializationFuncs } from '../../src/funcs/serialization.ts';
import { GoError, type GoFunc, goInt, kindOf, type Value } from '../../src/template/value.ts';

const byName = (helm?: 3 | 4) => new Map(serializationFuncs({ helm }).map((f) => [f.name, f] as [string, GoFunc]));
const funcs = byName();
const call = (name: string, ...args: Value[]) => funcs.get(name)!.fn(...args);
const dict = (...kv: Value[]) => {
  const m = new Map<string, Value>();
  for (let i = 0; i < kv.length; i += 2) m.set(kv[i] as string, kv[i + 1]);
  return m;
};

describe('serializationFuncs', () => {
  it('has helm 4 and helm 3 function sets', () => {
    expect(funcs.has('mustToYaml')).toBe(true);
    expect(byName(3).has('mustToYaml')).toBe(false);
    for (const f of funcs.values()) expect(f.params.length).toBe(1);
  });

  it('toToml: values, layouts and its error texts as results', () => {
    expect(call('toToml', 's')).toBe('"s"');
    expect(call('toToml', [goInt(1), goInt(2)])).toBe('[1, 2]');
    expect(call('toToml', [dict('a', goInt(1))])).toBe('toml: top-level values must be Go maps or structs');
    expect(call('toToml', dict('a', [goInt(1), null]))).toBe('toml: cannot encode array with nil element');
    expect(call('toToml', dict('a', goInt(1), 'b', null))).toBe('a = 1\n');
    expect(call('toToml', 1.5)).toBe('1.5');
    expect(call('toToml', dict('m', [dict('a', goInt(1), 'b', null), dict()]))).toBe('[[m]]\n  a = 1\n\n[[m]]\n');
    expect(call('toToml', dict('x', [[dict('a', goInt(1), 'b', null)]]))).toBe('x = [[{a = 1, }]]\n');
    expect(call('toToml', dict('t', dict('a', null)))).toBe('[t]\n');
    expect(() => call('toToml', null)).toThrow('reflect: call of reflect.Value.Type on zero Value');
  });

  it('JSON functions: escaping, indentation, errors', () => {
    expect(call('toRawJson', dict('a', '<&>'))).toBe('{"a":"<&>"}');
    expect(call('toJson', dict('a', '<&>'))).toBe('{"a":"\\u003c\\u0026\\u003e"}');
    expect(call('toPrettyJson', dict('a', [goInt(1), goInt(2)], 'b', dict()))).toBe(
      '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {}\n}',
    );
    expect(call('mustToRawJson', ['<'])).toBe('["<"]');
    expect(call('mustToPrettyJson', goInt(3))).toBe('3');
    expect(call('toJson', Number.NaN)).toBe('');
    expect(() => call('mustToJson', Number.NaN)).toThrow(GoError);
    expect(() => call('mustToJson', Number.NaN)).toThrow('json: unsupported value: NaN');
    expect(() => call('toRawJson', Number.NaN)).toThrow('json: unsupported value: NaN');
  });

  it('fromJson keeps what it decoded around an out-of-range number', () => {
    expect(call('toJson', call('fromJson', '{"a":1,"b":1e400,"c":[1,1e400]}'))).toBe(
      '{"Error":"json: cannot unmarshal number 1e400 into Go value of type float64","a":1,"b":null,"c":[1,null]}',
    );
    expect(call('toJson', call('fromJsonArray', '[1,1e400]'))).toBe(
      '["json: cannot unmarshal number 1e400 into Go value of type float64"]',
    );
  });

  it('fromJson "null" is a nil map: empty to templates, null to toJson', () => {
    const m = call('fromJson', 'null');
    expect(kindOf(m)).toBe('map');
    expect((m as Map<string, Value>).size).toBe(0);
    expect(call('toJson', m)).toBe('null');
    expect(call('toJson', call('fromJsonArray', 'null'))).toBe('null');
  });

  it('mustFromJson decodes into interface{} and fails the template', () => {
    expect(call('toJson', call('mustFromJson', '[1,2]'))).toBe('[1,2]');
    expect(kindOf(call('mustFromJson', '1'))).toBe('float64');
    expect(() => call('mustFromJson', '[1,')).toThrow('unexpected end of JSON input');
  });

  it('fromYaml/fromYamlArray report errors in the result', () => {
    expect(call('toJson', call('fromYaml', ''))).toBe('{}');
    expect(call('toJson', call('fromYamlArray', ''))).toBe('[]');
    expect(call('toJson', call('fromYaml', '- a'))).toBe(
      '{"Error":"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"}',
    );
    expect(call('toJson', call('fromYamlArray', 'a: 1'))).toBe(
      '["error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}"]',
    );
  });

  it('toYaml, mustToYaml and toYamlPretty trim the final newline', () => {
    expect(call('mustToYaml', dict('a', goInt(1)))).toBe('a: 1');
    expect(call('toYamlPretty', dict('a', goInt(1), 'b', [goInt(1), goInt(2)], 'c', 'x'))).toBe(
      'a: 1\nb:\n  - 1\n  - 2\nc: x',
    );
    expect(call('toYaml', dict('b', [goInt(1)], 'a', 'x'))).toBe('a: x\nb:\n- 1');
  });
});
