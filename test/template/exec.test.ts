import { describe, expect, it } from 'vitest';
import { TemplateExecError, TemplateSet } from '../../src/template/index.ts';
import {
  type FuncMap,
  GoError,
  type GoFunc,
  GoInt,
  GoStruct,
  goFunc,
  goInt,
  goInt64,
  NO_FIELD,
  stringMap,
  stringSlice,
  T,
  type Value,
  withType,
} from '../../src/template/value.ts';
import { errorOf, render } from './helpers.ts';

function funcs(...fs: GoFunc[]): FuncMap {
  return new Map(fs.map((f) => [f.name, f]));
}

function execError(fn: () => unknown): TemplateExecError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateExecError) return e;
    throw e;
  }
  throw new Error('expected an execution error');
}

class Meta extends GoStruct {
  readonly goTypeName = '*chart.Metadata';
  constructor(
    readonly name: string,
    readonly version: string,
  ) {
    super();
  }
  fieldNames(): readonly string[] {
    return ['Name', 'Version'];
  }
  field(n: string): Value | typeof NO_FIELD {
    if (n === 'Name') return this.name;
    if (n === 'Version') return this.version;
    return NO_FIELD;
  }
  override method(n: string): GoFunc | undefined {
    if (n === 'Greet') return goFunc('Greet', [T.string], (who) => `${this.name} greets ${who}`);
    return undefined;
  }
}

describe('argument conversion', () => {
  const show = goFunc('show', [T.any], (v) => `${v instanceof GoInt ? `int:${v.kind}` : typeof v}:${String(v)}`);
  const half = goFunc('half', [T.float64], (f) => (f as number) / 2);
  const i8 = goFunc('i8', [{ kind: 'int', name: 'int8' }], (v) => (v as GoInt).value.toString());
  const u8 = goFunc('u8', [{ kind: 'int', name: 'uint8' }], (v) => (v as GoInt).value.toString());
  const join = goFunc('join', [T.string], (sep, ...xs) => xs.map(String).join(sep as string), T.int);
  const fs = funcs(show, half, i8, u8, join);

  it('gives untyped constants the parameter type', () => {
    expect(render('{{ half 1 }} {{ half 3.0 }}', {}, fs)).toBe('0.5 1.5');
    expect(render('{{ show 1 }} {{ show 1.5 }} {{ show 1e2 }} {{ show 0x10 }}', {}, fs)).toBe(
      'int:int:1 number:1.5 number:100 int:int:16',
    );
    expect(render("{{ show 'a' }}", {}, fs)).toBe('int:int:97');
    expect(render('{{ i8 200 }} {{ u8 300 }} {{ i8 2.0 }}', {}, fs)).toBe('-56 44 2');
  });

  it('checks literal kinds', () => {
    expect(errorOf(() => render('{{ i8 1.5 }}', {}, fs))).toContain('expected integer; found 1.5');
    expect(errorOf(() => render('{{ u8 -1 }}', {}, fs))).toContain('expected unsigned integer; found -1');
    expect(errorOf(() => render('{{ half "x" }}', {}, fs))).toContain('expected float; found "x"');
    expect(errorOf(() => render('{{ half nil }}', {}, fs))).toContain('cannot assign nil to float64');
  });

  it('checks value types', () => {
    expect(errorOf(() => render('{{ half .x }}', { x: 'a' }, fs))).toContain(
      'wrong type for value; expected float64; got string',
    );
    expect(errorOf(() => render('{{ half .x }}', { x: null }, fs))).toContain(
      'wrong type for value; expected float64; got interface {}',
    );
    expect(errorOf(() => render('{{ half .nope }}', {}, fs))).toContain('invalid value; expected float64');
    expect(errorOf(() => render('{{ .nope | half }}', {}, fs))).toContain('invalid value; expected float64');
    expect(errorOf(() => render('{{ i8 .x }}', new Map([['x', goInt(1)]]), fs))).toContain(
      'wrong type for value; expected int8; got int',
    );
  });

  it('passes variadic arguments and counts arguments', () => {
    expect(render('{{ join "-" 1 2 3 }}|{{ join "," }}|{{ 4 | join "+" 3 }}', {}, fs)).toBe('1-2-3||3+4');
    expect(errorOf(() => render('{{ join }}', {}, fs))).toContain(
      'wrong number of args for join: want at least 1 got 0',
    );
    expect(errorOf(() => render('{{ half 1 2 }}', {}, fs))).toContain('wrong number of args for half: want 1 got 2');
  });
});

describe('errors raised by functions', () => {
  it('reports a GoError as error calling NAME', () => {
    const fail = goFunc('fail', [T.string], (m) => {
      throw new GoError(m as string);
    });
    const e = execError(() => render('x\n  {{ fail "boom" }}', {}, funcs(fail)));
    expect(e.message).toBe('template: t.yaml:2:5: executing "t.yaml" at <fail "boom">: error calling fail: boom');
    expect(e.templateName).toBe('t.yaml');
    expect(e.parseName).toBe('t.yaml');
    expect(e.line).toBe(2);
    expect(e.column).toBe(5);
    expect(e.source).toBe('fail "boom"');
    expect(e.detail).toBe('error calling fail: boom');
    expect(e.cause).toBeInstanceOf(GoError);
  });

  it('wraps any other exception the same way, keeping it as the cause', () => {
    const bug = goFunc('bug', [], () => {
      throw new TypeError('x is undefined');
    });
    const e = execError(() => render('{{ bug }}', {}, funcs(bug)));
    expect(e.detail).toBe('error calling bug: x is undefined');
    expect(e.cause).toBeInstanceOf(TypeError);
  });

  it('nests the errors of templates executed by functions, as Helm include does', () => {
    let set: TemplateSet | undefined;
    const include = goFunc('include', [T.string, T.any], (n, d) => (set as TemplateSet).execute(n as string, d));
    set = new TemplateSet(funcs(include));
    set.parse('a.yaml', '{{ define "inner" }}\n{{ .x.y }}{{ end }}');
    set.parse('b.yaml', '{{ include "inner" .v }}');
    const e = execError(() => set.execute('b.yaml', new Map([['v', new Map([['x', null]])]])));
    expect(e.message).toBe(
      'template: b.yaml:1:3: executing "b.yaml" at <include "inner" .v>: error calling include: ' +
        'template: a.yaml:2:5: executing "inner" at <.x.y>: nil pointer evaluating interface {}.y',
    );
    const inner = e.cause as TemplateExecError;
    expect(inner).toBeInstanceOf(TemplateExecError);
    expect(inner.templateName).toBe('inner');
    expect(inner.parseName).toBe('a.yaml');
    expect(inner.line).toBe(2);
  });

  it('counts error columns in bytes', () => {
    const e = execError(() => render('é日{{ .a.b }}', { a: null }));
    expect(e.column).toBe(10);
  });
});

describe('field access', () => {
  const dot = new Map<string, Value>([['chart', new Meta('web', '1.0')]]);

  it('reads struct fields and calls methods', () => {
    expect(render('{{ .chart.Name }}-{{ .chart.Version }} {{ .chart.Greet "you" }}', dot)).toBe(
      'web-1.0 web greets you',
    );
    // A map element is an interface {} to Go; the struct itself names its type.
    expect(errorOf(() => render('{{ .chart.Nope }}', dot))).toContain("can't evaluate field Nope in type interface {}");
    expect(errorOf(() => render('{{ .Nope }}', dot.get('chart')))).toContain(
      "can't evaluate field Nope in type *chart.Metadata",
    );
    expect(errorOf(() => render('{{ .chart.Name 1 }}', dot))).toContain(
      'Name has arguments but cannot be invoked as function',
    );
  });

  it('prints a struct pointer as its struct, as Go does', () => {
    expect(render('{{ .chart }} {{ printf "%v" .chart }} {{ print .chart }}', dot)).toBe(
      '{web 1.0} &{web 1.0} &{web 1.0}',
    );
    expect(render('{{ html .chart }}', dot)).toBe('{web 1.0}');
  });

  it('calls methods of typed maps and slices with their receiver first', () => {
    const has = goFunc('Has', [T.string], (recv, v) => (recv as Value[]).includes(v as string));
    const versions = withType(['v1', 'apps/v1'] as Value[], {
      name: 'chartutil.VersionSet',
      elem: 'string',
      methods: { Has: has },
    });
    expect(render('{{ .v.Has "v1" }} {{ .v.Has "x" }} {{ .v }}', new Map([['v', versions]]))).toBe(
      'true false [v1 apps/v1]',
    );
  });

  it('applies missingkey', () => {
    const d = new Map<string, Value>([
      ['m', stringMap(new Map([['a', 'A']]))],
      ['u', new Map()],
    ]);
    expect(render('[{{ .m.b }}][{{ .u.b }}]', d)).toBe('[<no value>][<no value>]');
    expect(render('[{{ .m.b }}][{{ .u.b }}]', d, undefined, { missingKey: 'zero' })).toBe('[][<no value>]');
    expect(errorOf(() => render('{{ .u.b }}', d, undefined, { missingKey: 'error' }))).toContain(
      'map has no entry for key "b"',
    );
    expect(errorOf(() => render('{{ $x := .nope }}{{ $x.y }}', d, undefined, { missingKey: 'error' }))).toContain(
      'map has no entry for key "nope"',
    );
  });

  it('tolerates fields of a missing value but not of nil', () => {
    expect(render('[{{ .a.b.c }}]', {})).toBe('[<no value>]');
    expect(errorOf(() => render('{{ .a.b.c }}', {}, undefined, { missingKey: 'zero' }))).toContain(
      'nil pointer evaluating interface {}.b',
    );
  });
});

describe('execution', () => {
  it('ranges over typed slices, bytes and integers keeping Go kinds', () => {
    const d = new Map<string, Value>([
      ['s', stringSlice(['a', 'b'])],
      ['b', new Uint8Array([104, 105])],
      ['n', goInt64(2)],
    ]);
    expect(render('{{ range .s }}{{ . }}{{ end }} {{ range .b }}{{ printf "%T" . }}{{ end }}', d)).toBe(
      'ab uint8uint8',
    );
    expect(render('{{ range .n }}{{ printf "%T%v" . . }}{{ end }}', d)).toBe('int640int641');
    expect(errorOf(() => render('{{ range .n }}{{ end }}', d, undefined, { dialect: 'helm3' }))).toContain(
      "range can't iterate over 2",
    );
  });

  it('calls function values with the call builtin', () => {
    const add = goFunc('add', [T.int, T.int], (a, b) => goInt((a as GoInt).value + (b as GoInt).value));
    const d = new Map<string, Value>([['f', add]]);
    expect(render('{{ call .f 1 2 }}', d)).toBe('3');
    expect(errorOf(() => render('{{ call .f 1 }}', d))).toContain(
      'error calling call: wrong number of args for .f: got 1 want 2',
    );
    expect(errorOf(() => render('{{ call .f 1 "x" }}', d))).toContain(
      'error calling call: arg 1: value has type string; should be int',
    );
    expect(errorOf(() => render('{{ .f }}', d))).toContain("can't print {{.f}} of type");
  });

  it('escapes with html, js and urlquery', () => {
    expect(render(`{{ html "<a href='x'>&\\"\\x00" }}`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&#34;\uFFFD');
    expect(render('{{ js "a\'b\\"c<>&=\\\\\\n\\u00e9\\u2028" }}')).toBe(
      'a\\\'b\\"c\\u003C\\u003E\\u0026\\u003D\\\\\\u000Aé\\u2028',
    );
    expect(render('{{ urlquery "a b&c=d/é~" }}')).toBe('a+b%26c%3Dd%2F%C3%A9~');
  });

  it('reports runaway template recursion as Go does', () => {
    const e = execError(() => render('{{ define "x" }}{{ template "x" . }}{{ end }}{{ template "x" . }}'));
    expect(e.detail).toBe('exceeded maximum template depth (100000)');
    expect(e.source).toBe('{{template "x" .}}');
  });

  it('rejects unknown templates as Go does', () => {
    const set = new TemplateSet(new Map());
    expect(errorOf(() => set.execute('nope', null))).toBe(
      'template: no template "nope" associated with template "gotpl"',
    );
    const e = execError(() => render('{{ template "nope" }}'));
    expect(e.detail).toBe('template "nope" not defined');
  });

  it('keeps variables per template and dot per block', () => {
    expect(render('{{ $x := 1 }}{{ range $i, $v := .l }}{{ $x = $v }}{{ end }}{{ $x }}', { l: ['a', 'b'] })).toBe('b');
    expect(render('{{ with .a }}{{ . }}{{ end }}{{ .a }}', { a: 'x' })).toBe('xx');
  });
});

describe('TemplateSet', () => {
  it('replaces an earlier definition with a later one, unless the later one is empty', () => {
    const set = new TemplateSet(new Map());
    set.parse('a', '{{ define "d" }}one{{ end }}');
    set.parse('b', '{{ define "d" }}two{{ end }}');
    set.parse('c', '{{ define "d" }} {{/* nothing */}} {{ end }}{{ template "d" }}');
    expect(set.execute('c', null)).toBe('two');
    expect(set.has('d') && set.has('a') && !set.has('z')).toBe(true);
  });

  it('defines nothing when a parse fails', () => {
    const set = new TemplateSet(new Map());
    expect(() => set.parse('a', '{{ define "d" }}x{{ end }}{{ end }}')).toThrow();
    expect(set.has('d') || set.has('a')).toBe(false);
  });

  it('clones independently in both directions', () => {
    const set = new TemplateSet(new Map());
    set.parse('a', 'A');
    const c = set.clone();
    c.parse('b', 'B{{ template "a" }}');
    set.parse('a', 'A2');
    set.parse('only-original', 'O');
    expect(c.execute('b', null)).toBe('BA');
    expect(set.execute('a', null)).toBe('A2');
    expect(set.has('b')).toBe(false);
    expect(c.has('only-original')).toBe(false);
  });

  it('lets a clone rebind functions that earlier templates call (Helm re-injects include and tpl)', () => {
    const f = (s: string) => goFunc('who', [], () => s);
    const set = new TemplateSet(funcs(f('original')));
    set.parse('a', '{{ who }}');
    const c = set.clone(funcs(f('clone')));
    expect(c.execute('a', null)).toBe('clone');
    expect(set.execute('a', null)).toBe('original');
  });

  it('stays usable through many clones of clones', () => {
    let set = new TemplateSet(new Map());
    set.parse('base', 'base');
    for (let i = 0; i < 50; i++) {
      const c = set.clone();
      c.parse(`t${i}`, `${i}{{ template "base" }}`);
      set = c;
    }
    expect(set.execute('t49', null)).toBe('49base');
    expect(set.execute('t0', null)).toBe('0base');
  });

  it('is re-entrant: functions may execute templates while one is running', () => {
    let set: TemplateSet | undefined;
    const inc = goFunc('inc', [T.string, T.any], (n, d) => `<${(set as TemplateSet).execute(n as string, d)}>`);
    set = new TemplateSet(funcs(inc));
    set.parse('leaf', '{{ . }}');
    set.parse('mid', 'm{{ inc "leaf" . }}m');
    set.parse('top', '{{ range .l }}{{ inc "mid" . }}{{ end }}');
    expect(set.execute('top', new Map([['l', ['1', '2']]]))).toBe('<m<1>m><m<2>m>');
  });

  it('follows the helm3 dialect for comparison errors', () => {
    const d = { x: 1 };
    expect(errorOf(() => render('{{ eq .x 1 }}', d))).toContain('incompatible types for comparison: float64 and int');
    expect(errorOf(() => render('{{ eq .x 1 }}', d, undefined, { dialect: 'helm3' }))).toMatch(
      /incompatible types for comparison$/,
    );
  });
});

describe('assignability of slices and maps', () => {
  const takeValues = goFunc('take', [{ kind: 'map', name: 'chartutil.Values' }], (m) => (m as Map<string, Value>).size);
  const takeAnyMap = goFunc('takeAny', [T.anyMap], (m) => (m as Map<string, Value>).size);
  const takeStrings = goFunc('takeStrings', [T.stringSlice], (l) => (l as Value[]).length);
  const fs = funcs(takeValues, takeAnyMap, takeStrings);

  it('accepts unnamed maps for named map types and named maps for their underlying type', () => {
    const named = withType(new Map<string, Value>([['a', 1]]), { name: 'chartutil.Values' });
    const d = new Map<string, Value>([
      ['plain', new Map([['a', 1]])],
      ['named', named],
    ]);
    expect(render('{{ take .plain }} {{ takeAny .named }} {{ take .named }}', d, fs)).toBe('1 1 1');
  });

  it('rejects slices of another element type', () => {
    const d = new Map<string, Value>([
      ['l', ['a']],
      ['s', stringSlice(['a', 'b'])],
    ]);
    expect(render('{{ takeStrings .s }}', d, fs)).toBe('2');
    expect(errorOf(() => render('{{ takeStrings .l }}', d, fs))).toContain(
      'wrong type for value; expected []string; got []interface {}',
    );
  });
});

describe('names that are special to JavaScript', () => {
  it('are ordinary keys and fields', () => {
    const has = goFunc('Has', [T.string], () => true);
    const typed = withType(new Map<string, Value>([['constructor', 'c']]), {
      name: 'chartutil.Values',
      methods: { Has: has },
    });
    const d = new Map<string, Value>([
      ['__proto__', 'p'],
      ['v', typed],
    ]);
    expect(render('{{ .__proto__ }} {{ .v.constructor }} {{ .v.toString }} {{ .v.Has "x" }}', d)).toBe(
      'p c <no value> true',
    );
  });
});

describe('complex constants', () => {
  it('parse, but fail clearly when evaluated', () => {
    expect(errorOf(() => render('{{ 1i }}'))).toContain('complex constant 1i is not supported');
    expect(errorOf(() => render('{{ print 1+2i }}'))).toContain('complex constant 1+2i is not supported');
  });
});
