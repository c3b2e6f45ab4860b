import { describe, expect, it } from 'vitest';
import { basePath, cleanPath, dirPath, extPath } from '../../src/funcs/paths.ts';
import { formatValue } from '../../src/template/fmt.ts';
import { fromJS, type GoMap, goInt, nilSlice } from '../../src/template/value.ts';
import { allNames, call, callError, F } from './helpers.ts';

// Expected values are helm 4.1.4's output (test/golden/cases/sprig-{defaults,reflect,encoding,paths,urls}.yaml).
describe('defaults and reflection', () => {
  it('treats zero values as empty', () => {
    for (const v of ['', 0, new F(0), null, [], new Map(), false, nilSlice()]) expect(call('empty', v)).toBe(true);
    expect(call('default', 'd', [goInt(0)])).toEqual([goInt(0)]);
    expect(call('default', 'd')).toBe('d');
    expect(call('coalesce', 0, '', null)).toBeNull();
    expect([call('all'), call('any')]).toEqual([true, false]);
    expect(callError('fail', 'boom')).toBe('boom');
  });
  it('names types and kinds, and compares deeply', () => {
    expect([call('typeOf', 1), call('typeOf', new F(1)), call('typeOf', null), call('kindOf', null)]).toEqual([
      'int',
      'float64',
      '<nil>',
      'invalid',
    ]);
    expect(call('typeIsLike', '[]interface {}', [])).toBe(true);
    expect(call('deepEqual', 1, new F(1))).toBe(false);
    expect(call('deepEqual', [], nilSlice())).toBe(false);
    expect(call('deepEqual', fromJS({ x: [1, 2] }), fromJS({ x: [1, 2] }))).toBe(true);
  });
});

describe('encodings and hashes', () => {
  it('decodes with Go errors as the result text', () => {
    const b64 = ['abc', 'a', 'aGVsbG8', 'aGVs!G8=', 'aGVsbG8=x', 'aG=a', '=', 'YQ==YQ==', 'YQ=', 'aGVsbG8-'];
    expect(b64.map((s) => (call('b64dec', s) as string).replace('illegal base64 data at input byte ', '@'))).toEqual([
      '@0',
      '@0',
      '@4',
      '@4',
      '@8',
      '@2',
      '@0',
      '@4',
      '@3',
      '@7',
    ]);
    expect(call('b64dec', 'aGVs\nbG8=')).toBe('hello');
    const b32 = ['nbswy3dp', 'NBSWY3D', 'M=======', 'ME=====', 'ME==x===', 'NBSW1111'];
    expect(b32.map((s) => (call('b32dec', s) as string).replace('illegal base32 data at input byte ', '@'))).toEqual([
      '@0',
      '@0',
      '@1',
      '@7',
      '@3',
      '@4',
    ]);
    expect([call('b32enc', 'héllo'), call('b32dec', 'ME======'), call('b64enc', 'héllo wörld')]).toEqual([
      'NDB2S3DMN4======',
      'a',
      'aMOpbGxvIHfDtnJsZA==',
    ]);
    expect([call('adler32sum', 'hello'), call('adler32sum', ''), call('adler32sum', 'héllo wörld')]).toEqual([
      '103547413',
      '1',
      '773523054',
    ]);
    expect(call('sha1sum', 'ü')).toBe('94a759fd37735430753c7b6b80684306d80ea16e');
  });
});

describe('paths and URLs', () => {
  it('follows Go path', () => {
    expect(['/a/b/c.txt', '/a/b/', '', '/', '///'].map(basePath)).toEqual(['c.txt', 'b', '.', '/', '/']);
    expect(['/a/b/c.txt', 'a/b', 'abc', '', '/', '/a/b/'].map(dirPath)).toEqual(['/a/b', 'a', '.', '.', '/', '/a/b']);
    expect(['a.tar.gz', 'a/b', '.bashrc', 'a.b/c'].map(extPath)).toEqual(['.gz', '', '.bashrc', '']);
    expect(['', 'a//b/./c/..', '/../a', '../../a/../b', 'a/../..', './', '/a/b/../../..'].map(cleanPath)).toEqual([
      '.',
      'a/b',
      '/a',
      '../../b',
      '..',
      '.',
      '/',
    ]);
  });
  it('parses and joins URLs as net/url does', () => {
    const u = call('urlParse', 'https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=2#frag%20x') as GoMap;
    expect(formatValue(u)).toBe(
      'map[fragment:frag x host:example.com:8443 hostname:example.com opaque: path:/a b/c query:x=1&y=2 scheme:https userinfo:user:p%40ss]',
    );
    expect((call('urlParse', 'HTTP://[::1]:80/x') as GoMap).get('hostname')).toBe('::1');
    expect(callError('urlParse', '1a:b')).toBe(
      'unable to parse url: parse "1a:b": first path segment in URL cannot contain colon',
    );
    expect(callError('urlParse', 'http://h/%zz')).toBe(
      'unable to parse url: parse "http://h/%zz": invalid URL escape "%zz"',
    );
    expect(callError('urlParse', 'http://h:port/')).toBe(
      'unable to parse url: parse "http://h:port/": invalid port ":port" after host',
    );
    const join = (o: object) => call('urlJoin', fromJS(o));
    expect(
      join({ scheme: 'https', host: 'example.com:8080', path: '/a b', query: 'x=1', fragment: 'f g', userinfo: 'u:p' }),
    ).toBe('https://u:p@example.com:8080/a%20b?x=1#f%20g');
    expect([join({ path: 'a:b' }), join({ host: 'h', path: 'rel' }), join({ host: 'h', userinfo: 'a@b' })]).toEqual([
      './a:b',
      '//h/rel',
      '//a%40b@h',
    ]);
    expect(callError('urlJoin', fromJS({ host: 1 }))).toBe(
      'unable to parse host key, must be of type string, but float64 found',
    );
  });
});

describe('the function map', () => {
  it('has every core function of Sprig that helm keeps, and nothing helm removes', () => {
    const names = new Set(allNames());
    for (const n of [
      'trim',
      'regexSplit',
      'mustChunk',
      'mergeOverwrite',
      'toDecimal',
      'ternary',
      'kindIs',
      'urlJoin',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
    for (const n of ['env', 'expandenv', 'toJson', 'semver', 'now', 'randAlpha']) expect(names.has(n), n).toBe(false);
    expect(allNames().length).toBe(names.size);
  });
});
