import { describe, expect, it } from 'vitest';
import { ValuesError } from '../../src/values/errors.ts';
import * as layers from '../../src/values/layers.ts';
import { applySetFlag, mergeValueLayers } from '../../src/values/layers.ts';
import { mergeMaps, readValues } from '../../src/values/read.ts';
import { i64, m } from './helpers.ts';

const files: Record<string, string> = {
  'v1.yaml': 'a: 1\nm:\n  p: 1\n  q: 1\nl: [1, 2]\n',
  'v2.yaml': 'a: 2\nm:\n  q: 2\n  r: 2\nl: [3]\n',
  'multi.yaml': 'a: 1\nm:\n  p: 1\n---\nb: 2\nm:\n  q: 2\n',
  'list.yaml': '- a\n- b\n',
  'f.txt': 'fromfile',
};
const readFile = (p: string) => {
  if (!(p in files)) throw new Error(`open ${p}: no such file or directory`);
  return files[p];
};
const fail = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValuesError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('mergeValueLayers', () => {
  it('merges -f files in order: maps deeply, lists replaced', () => {
    expect(mergeValueLayers({ valueFiles: ['v1.yaml', 'v2.yaml'] }, { readFile })).toEqual(
      m({ a: 2, m: { p: 1, q: 2, r: 2 }, l: [3] }),
    );
  });
  it('merges the documents of a multi-document file in helm 4, reads only the first in helm 3', () => {
    expect(mergeValueLayers({ valueFiles: ['multi.yaml'] }, { readFile })).toEqual(
      m({ a: 1, b: 2, m: { p: 1, q: 2 } }),
    );
    expect(mergeValueLayers({ valueFiles: ['multi.yaml'] }, { readFile, dialect: 'helm3' })).toEqual(
      m({ a: 1, m: { p: 1 } }),
    );
  });
  it('applies layers in helm order: files, json, set, string, file, literal', () => {
    const base = mergeValueLayers(
      {
        valueFiles: ['v1.yaml'],
        literalValues: ['f=literal'],
        fileValues: ['e=f.txt,f=f.txt'],
        stringValues: ['d=string,e=string,f=string'],
        values: ['c=set,d=set,e=set,f=set'],
        jsonValues: ['b="json",c="json",d="json",e="json",f="json"'],
      },
      { readFile },
    );
    expect([...'abcdef'].map((k) => base.get(k))).toEqual([1, 'json', 'set', 'string', 'fromfile', 'literal']);
  });
  it('names the flag in errors', () => {
    expect(fail(() => mergeValueLayers({ values: ['a'] }))).toBe('failed parsing --set data: key "a" has no value');
    expect(fail(() => mergeValueLayers({ stringValues: ['a'] }))).toBe(
      'failed parsing --set-string data: key "a" has no value',
    );
    expect(fail(() => mergeValueLayers({ literalValues: ['a'] }))).toBe(
      'failed parsing --set-literal data: key "a" has no value',
    );
    expect(fail(() => mergeValueLayers({ jsonValues: ['a={x}'] }))).toBe('failed parsing --set-json data a={x}');
    expect(fail(() => mergeValueLayers({ fileValues: ['a=nope'] }, { readFile }))).toBe(
      'failed parsing --set-file data: open nope: no such file or directory',
    );
  });
  it('names the file in errors', () => {
    expect(fail(() => mergeValueLayers({ valueFiles: ['nope.yaml'] }, { readFile }))).toBe(
      'open nope.yaml: no such file or directory',
    );
    expect(fail(() => mergeValueLayers({ valueFiles: ['list.yaml'] }, { readFile }))).toBe(
      'failed to parse list.yaml: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
    expect(fail(() => mergeValueLayers({ valueFiles: ['list.yaml'] }, { readFile, dialect: 'helm3' }))).toBe(
      'failed to parse list.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
  });
  it('lets --set change values from files in place', () => {
    files['deep.yaml'] = 'm:\n  x: 1\n  l: [1, 2]\n';
    expect(mergeValueLayers({ valueFiles: ['deep.yaml'], values: ['m.l[3]=4,m.y=2'] }, { readFile })).toEqual(
      m({ m: { x: 1, l: [1, 2, null, i64(4)], y: i64(2) } }),
    );
    expect(fail(() => mergeValueLayers({ valueFiles: ['v1.yaml'], values: ['a.b=2'] }, { readFile }))).toBe(
      'failed parsing --set data: unable to parse key: interface conversion: interface {} is float64, not map[string]interface {}',
    );
  });
});

describe('--set-json with a whole JSON object', () => {
  it('merges it into the values in helm 4', () => {
    const base = applySetFlag(m({ a: { x: 1 } }), 'set-json', ' {"a":{"b":1},"c":[1]}');
    expect(base).toEqual(m({ a: { x: 1, b: 1 }, c: [1] }));
  });
  it('fails with helm 4 wording when the object does not parse', () => {
    expect(fail(() => applySetFlag(new Map(), 'set-json', '{"a":'))).toBe('failed parsing --set-json data JSON: {"a":');
  });
  it('is a key without value in helm 3', () => {
    expect(fail(() => applySetFlag(new Map(), 'set-json', '{"a":1}', { dialect: 'helm3' }))).toBe(
      'failed parsing --set-json data {"a":1}',
    );
  });
});

describe('reading values files', () => {
  it('reads an empty or comment-only file as an empty map', () => {
    expect(readValues('# nothing\n')).toEqual(new Map());
    expect(readValues('')).toEqual(new Map());
    expect(readValues('~\n')).toEqual(new Map());
  });
  it('refuses documents that are not maps', () => {
    expect(() => readValues('hello\n')).toThrow(
      'cannot unmarshal string into Go value of type map[string]interface {}',
    );
    expect(() => readValues('1\n')).toThrow('cannot unmarshal number into');
    expect(() => readValues('true\n')).toThrow('cannot unmarshal bool into');
  });
  it('mergeMaps builds new maps and replaces non-maps', () => {
    const a = m({ x: { y: 1, z: 1 }, l: [1] });
    const b = m({ x: { y: 2 }, l: [2], n: null });
    const out = mergeMaps(a, b);
    expect(out).toEqual(m({ x: { y: 2, z: 1 }, l: [2], n: null }));
    expect(a).toEqual(m({ x: { y: 1, z: 1 }, l: [1] }));
  });
});

describe('parseSetFlags', () => {
  it('applies each occurrence in order onto a base', () => {
    const { parseSetFlags } = layers;
    expect(parseSetFlags('set', ['a=1,b=2', 'a=3'])).toEqual(m({ a: i64(3), b: i64(2) }));
    expect(parseSetFlags('set-string', ['a=1'], {}, m({ b: 1 }))).toEqual(m({ a: '1', b: 1 }));
  });
});
