// Expected texts were printed by helm 4.1.4 and 3.17.2 (`fromToml | toToml`, `fromToml | toJson`), not by bosun.
import { describe, expect, it } from 'vitest';
import { marshalJSON } from '../../src/goyaml/json-encode.ts';
import { parseTOML } from '../../src/goyaml/toml-decode.ts';
import { marshalTOML } from '../../src/goyaml/toml-encode.ts';
import { GoInt, typeOf } from '../../src/template/value.ts';

const roundTrip = (s: string, version?: '1.6' | '1.4') => marshalTOML(parseTOML(s), { version });

describe('toToml / fromToml', () => {
  it('writes plain keys, then tables indented by level', () => {
    const src =
      'title = "T"\n[owner]\nname = "Tom"\ndob = 1979-05-27T07:32:00-08:00\n[database]\nports = [ 8000, 8001 ]\nenabled = true\n[servers.alpha]\nip = "10.0.0.1"\n[servers.beta]\nip = "10.0.0.2"\n';
    expect(roundTrip(src)).toBe(
      'title = "T"\n\n[database]\n  enabled = true\n  ports = [8000, 8001]\n\n[owner]\n  dob = 1979-05-27T07:32:00-08:00\n  name = "Tom"\n\n[servers]\n  [servers.alpha]\n    ip = "10.0.0.1"\n  [servers.beta]\n    ip = "10.0.0.2"\n',
    );
    expect(marshalJSON(parseTOML(src))).toBe(
      '{"database":{"enabled":true,"ports":[8000,8001]},"owner":{"dob":"1979-05-27T07:32:00-08:00","name":"Tom"},"servers":{"alpha":{"ip":"10.0.0.1"},"beta":{"ip":"10.0.0.2"}},"title":"T"}',
    );
  });

  it('writes arrays of tables', () => {
    const src =
      '[[products]]\nname = "Hammer"\nsku = 738594937\n[[products]]\n[[products]]\nname = "Nail"\ncolor = "gray"\n';
    expect(roundTrip(src)).toBe(
      '[[products]]\n  name = "Hammer"\n  sku = 738594937\n\n[[products]]\n\n[[products]]\n  color = "gray"\n  name = "Nail"\n',
    );
    expect(typeOf(parseTOML(src).get('products'))).toBe('[]map[string]interface {}');
    expect(roundTrip('[t]\n[t.u]\nv = 1\n[t.u.w]\n[[t.arr]]\nq = 1\n')).toBe(
      '[t]\n\n  [[t.arr]]\n    q = 1\n  [t.u]\n    v = 1\n    [t.u.w]\n',
    );
  });

  it('prints numbers as each BurntSushi version does', () => {
    const src =
      'f1 = 1000000.0\nf2 = 3.0\nf3 = 1e21\nf4 = 1e-7\nf5 = 0.1\nf6 = inf\nf7 = -inf\nf8 = nan\ni = 9223372036854775807\nn = -17\nh = 0xDEAD\no = 0o755\nb = 0b101\nu = 1_000\n';
    expect(roundTrip(src)).toBe(
      'b = 5\nf1 = 1e+06\nf2 = 3.0\nf3 = 1e+21\nf4 = 1e-07\nf5 = 0.1\nf6 = inf\nf7 = -inf\nf8 = nan\nh = 57005\ni = 9223372036854775807\nn = -17\no = 493\nu = 1000\n',
    );
    expect(roundTrip(src, '1.4')).toBe(
      'b = 5\nf1 = 1000000.0\nf2 = 3.0\nf3 = 1000000000000000000000.0\nf4 = 0.0000001\nf5 = 0.1\nf6 = inf\nf7 = -inf\nf8 = nan\nh = 57005\ni = 9223372036854775807\nn = -17\no = 493\nu = 1000\n',
    );
    expect(parseTOML('i = 1').get('i')).toBeInstanceOf(GoInt);
  });

  it('keeps datetime kinds', () => {
    const src =
      'ld = 1979-05-27\nlt = 07:32:00\nldt = 1979-05-27T07:32:00\nodt = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00.999999-07:00\nodt3 = 1979-05-27 07:32:00+00:00\n';
    expect(roundTrip(src)).toBe(
      'ld = 1979-05-27\nldt = 1979-05-27T07:32:00\nlt = 07:32:00\nodt = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00.999999-07:00\nodt3 = 1979-05-27T07:32:00Z\n',
    );
    expect(marshalJSON(parseTOML(src))).toBe(
      '{"ld":"1979-05-27T00:00:00Z","ldt":"1979-05-27T07:32:00Z","lt":"0000-01-01T07:32:00Z","odt":"1979-05-27T07:32:00Z","odt2":"1979-05-27T00:32:00.999999-07:00","odt3":"1979-05-27T07:32:00Z"}',
    );
  });

  it('quotes strings and keys, and writes maps in arrays inline', () => {
    expect(
      roundTrip(
        's1 = "quote \\" back \\\\ tab \\t nl \\n"\ns2 = \'literal\'\ns3 = """\nmulti\nline"""\ns4 = "é😀\\u0001"\n"key with space" = 1\n"" = 2\n"a.b" = 3\nk-_9 = 4\n',
      ),
    ).toBe(
      '"" = 2\n"a.b" = 3\nk-_9 = 4\n"key with space" = 1\ns1 = "quote \\" back \\\\ tab \\t nl \\n"\ns2 = "literal"\ns3 = "multi\\nline"\ns4 = "é😀\\u0001"\n',
    );
    expect(roundTrip('arr = [1, "a", 2.5, [1, 2], {x = 1}]\nempty = []\ninline = {a = 1, b = {c = 2}}\n')).toBe(
      'arr = [1, "a", 2.5, [1, 2], {x = 1}]\nempty = []\n\n[inline]\n  a = 1\n  [inline.b]\n    c = 2\n',
    );
    expect(roundTrip('a.b.c = 1\na.d = 2\n')).toBe('[a]\n  d = 2\n  [a.b]\n    c = 1\n');
    expect(roundTrip('x = "a"\ny = { }\n')).toBe('x = "a"\n\n[y]\n');
  });

  it('fails on arrays holding nil', () => {
    expect(() => marshalTOML(new Map([['a', [1, null]]]))).toThrow('toml: cannot encode array with nil element');
  });
});
