import { describe, expect, it } from 'vitest';
import type { GoInt } from '../../src/template/value.ts';
import { parseStrvals, parseStrvalsInto, StrvalsError, typedVal } from '../../src/values/strvals.ts';
import { i64, m } from './helpers.ts';

const set = (s: string, dialect: 'helm4' | 'helm3' = 'helm4') => parseStrvals(s, { mode: 'typed', dialect });
const err = (s: string, dialect: 'helm4' | 'helm3' = 'helm4') => {
  try {
    set(s, dialect);
  } catch (e) {
    expect(e).toBeInstanceOf(StrvalsError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('typedVal', () => {
  it('types booleans, null and int64 as --set does', () => {
    expect(typedVal('true')).toBe(true);
    expect(typedVal('TRUE')).toBe(true);
    expect(typedVal('fAlSe')).toBe(false);
    expect(typedVal('falſe')).toBe(false);
    expect(typedVal('Null')).toBe(null);
    expect(typedVal('0')).toEqual(i64(0));
    expect(typedVal('-5')).toEqual(i64(-5));
    expect(typedVal('+5')).toEqual(i64(5));
    expect(typedVal('-0')).toEqual(i64(0));
    expect((typedVal('9223372036854775807') as GoInt).value).toBe(9223372036854775807n);
    expect((typedVal('9223372036854775807') as GoInt).kind).toBe('int64');
  });
  it('keeps everything else a string', () => {
    for (const s of ['007', '00', '1.50', '1e3', '0x10', '1_000', '9223372036854775808', '', 'yes', ' 1']) {
      expect(typedVal(s)).toBe(s);
    }
  });
});

describe('--set grammar', () => {
  it('parses comma-separated keys and nested names', () => {
    expect(set('a=1,b.c=x,b.d=true')).toEqual(m({ a: i64(1), b: { c: 'x', d: true } }));
  });
  it('takes escaped runes literally', () => {
    expect(set('a\\.b=1,c=x\\,y,d=\\{x\\},e\\=f=g,h=back\\\\slash')).toEqual(
      m({ 'a.b': i64(1), c: 'x,y', d: '{x}', 'e=f': 'g', h: 'back\\slash' }),
    );
  });
  it('reads {x,y} lists, typing each item', () => {
    expect(set('a={x,y,1,true},b={},c={ x , y },d=2')).toEqual(
      m({ a: ['x', 'y', i64(1), true], b: [''], c: [' x ', ' y '], d: i64(2) }),
    );
  });
  it('sets an empty string for k= and for k={ at the end', () => {
    expect(set('a=,b=x')).toEqual(m({ a: '', b: 'x' }));
    expect(set('a=')).toEqual(m({ a: '' }));
  });
  it('fills lists by index, padding with nil', () => {
    expect(set('a[0]=x,a[2]=y')).toEqual(m({ a: ['x', null, 'y'] }));
    expect(set('a[1].b=1,a[0].c=2')).toEqual(m({ a: [{ c: i64(2) }, { b: i64(1) }].map((o) => m(o)) }));
    expect(set('a[0][1]=x,a[1][0]=y')).toEqual(m({ a: [[null, 'x'], ['y']] }));
    expect(set('a[1]={x,y}')).toEqual(m({ a: [null, ['x', 'y']] }));
  });
  it('reports helm errors', () => {
    expect(err('a')).toBe('key "a" has no value');
    expect(err('a,b=1')).toBe('key "a" has no value (cannot end with ,)');
    expect(err('a=1,,b=2')).toBe('key "" has no value (cannot end with ,)');
    expect(err('a.=1')).toBe('key map "a" has no value');
    expect(err('a={x}y')).toBe('key "y" has no value');
    expect(err('a={x,y')).toBe("list must terminate with '}'");
    expect(err('a[x]=1')).toBe('error parsing index: strconv.Atoi: parsing "x": invalid syntax');
    expect(err('a[]=1')).toBe('error parsing index: strconv.Atoi: parsing "": invalid syntax');
    expect(err('a[-1]=1')).toBe('negative -1 index not allowed');
    expect(err('a[65537]=1')).toBe('index of 65537 is greater than maximum supported index of 65536');
    expect(err('a[99999999999999999999]=1')).toBe(
      'error parsing index: strconv.Atoi: parsing "99999999999999999999": value out of range',
    );
    expect(err('a[0]x=1')).toBe("unexpected data at end of array index: ['x']");
  });
  it('limits nesting to 30 levels', () => {
    const ok = `${Array.from({ length: 31 }, (_, i) => `k${i}`).join('.')}=1`;
    expect(() => set(ok)).not.toThrow();
    const deep = `${Array.from({ length: 32 }, (_, i) => `k${i}`).join('.')}=1`;
    expect(err(deep)).toBe('value name nested level is greater than maximum supported nested level of 30');
  });
  it('allows index 65536', () => {
    expect((set('a[65536]=1').get('a') as unknown[]).length).toBe(65537);
  });
  it('ends quietly at a dangling key, and at an unterminated index in helm 4 only', () => {
    expect(set('b=1,a.')).toEqual(m({ b: i64(1) }));
    expect(set('b=1,a[0]')).toEqual(m({ b: i64(1), a: [] }));
    expect(set('b=1,a[0')).toEqual(m({ b: i64(1) }));
    expect(set('b=1,a[0][1')).toEqual(m({ b: i64(1), a: [] }));
    expect(err('b=1,a[0', 'helm3')).toBe('error parsing index: EOF');
    expect(err('b=1,a[0][1', 'helm3')).toBe('error parsing index: EOF');
  });
  it('reports type clashes as Go interface conversion panics', () => {
    const into = (base: Record<string, unknown>, s: string) => {
      const dest = m(base);
      try {
        parseStrvalsInto(s, dest, { mode: 'typed' });
      } catch (e) {
        return (e as Error).message;
      }
      return dest;
    };
    expect(into({ a: i64(1) }, 'a.b=2')).toBe(
      'unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}',
    );
    expect(into({ a: 'x' }, 'a[0]=1')).toBe(
      'unable to parse key: interface conversion: interface {} is string, not []interface {}',
    );
    expect(into({ a: null }, 'a[0]=1')).toBe(
      'unable to parse key: interface conversion: interface {} is nil, not []interface {}',
    );
    expect(into({ a: 1 }, 'a.b=1')).toBe(
      'unable to parse key: interface conversion: interface {} is float64, not map[string]interface {}',
    );
    expect(into({ a: ['x'] }, 'a[0][0]=y')).toBe(
      'unable to parse key: interface conversion: interface {} is string, not []interface {}',
    );
    expect(into({ a: { b: 1 } }, 'a=2')).toEqual(m({ a: i64(2) }));
    expect(into({ a: { b: 1 } }, 'a.c=2')).toEqual(m({ a: { b: 1, c: i64(2) } }));
    expect(into({ l: ['x', 'y'] }, 'l[3]=z')).toEqual(m({ l: ['x', 'y', null, 'z'] }));
  });
});

describe('--set-string, --set-literal, --set-file, --set-json', () => {
  it('--set-string keeps strings', () => {
    expect(parseStrvals('a=1,b=true,c=null,d={x,1},e[0]=2', { mode: 'string' })).toEqual(
      m({ a: '1', b: 'true', c: 'null', d: ['x', '1'], e: ['2'] }),
    );
  });
  it('--set-literal takes the rest of the line verbatim and keys without escapes', () => {
    expect(parseStrvals('a=x,y=z\\,w {a}', { mode: 'literal' })).toEqual(m({ a: 'x,y=z\\,w {a}' }));
    expect(parseStrvals('a.b[1]=c,d', { mode: 'literal' })).toEqual(m({ a: { b: [null, 'c,d'] } }));
    expect(parseStrvals('e\\x=f', { mode: 'literal' })).toEqual(m({ 'e\\x': 'f' }));
    expect(() => parseStrvals('a', { mode: 'literal' })).toThrow('key "a" has no value');
  });
  it('--set-file reads each named file', () => {
    const files: Record<string, string> = { f1: 'one\n', f2: '3' };
    const readFile = (p: string) => {
      if (!(p in files)) throw new Error(`open ${p}: no such file or directory`);
      return files[p];
    };
    expect(parseStrvals('a=f1,b.c=f2,l={f1,f2}', { mode: 'file', readFile })).toEqual(
      m({ a: 'one\n', b: { c: '3' }, l: ['one\n', '3'] }),
    );
    expect(() => parseStrvals('a=nope', { mode: 'file', readFile })).toThrow('open nope: no such file or directory');
  });
  it('--set-json decodes one JSON value per key', () => {
    const j = (s: string) => parseStrvals(s, { mode: 'json' });
    expect(j('a=1,b="s",c=true,d=null,e=,f=1.5e3')).toEqual(m({ a: 1, b: 's', c: true, d: null, e: null, f: 1500 }));
    expect(j('a={"x":1,"y":[1,"two",null]},b=[1,2]')).toEqual(m({ a: { x: 1, y: [1, 'two', null] }, b: [1, 2] }));
    expect(j('c[0]={"d":1}')).toEqual(m({ c: [m({ d: 1 })] }));
    expect(j('a= 1 , b = 2')).toEqual(m({ a: 1, ' b ': 2 }));
    expect(j('a={"__proto__":1}')).toEqual(m({ a: new Map([['__proto__', 1]]) }));
    for (const bad of ['a={x}', 'a=1x', 'a=hello', 'a=1.', 'a=-', 'a=[1', 'a=tru', 'a=1e400']) {
      expect(() => j(bad), bad).toThrow(StrvalsError);
    }
  });
});
