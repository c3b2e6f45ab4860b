// TemplateSet.parse reusing an earlier parse of the same text, under the same or another file name.
import { describe, expect, it } from 'vitest';
import { TemplateExecError } from '../../src/template/errors.ts';
import { TemplateSet } from '../../src/template/template-set.ts';
import { fromJS } from '../../src/template/value.ts';

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof TemplateExecError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('parse reuse', () => {
  const text = '{{define "d"}}{{.a.b}}{{end}}top {{template "d" .}}';
  it('takes the trees of the same text again, errors pointing at each file', () => {
    const first = new TemplateSet(new Map()).parse('a.yaml', text);
    const set = new TemplateSet(new Map());
    const again = set.parse('b.yaml', text, first);
    expect(again.trees.get('b.yaml')?.root).toBe(first.trees.get('a.yaml')?.root);
    expect([...again.trees.keys()].sort()).toEqual(['b.yaml', 'd']);
    expect(set.execute('b.yaml', fromJS({ a: { b: 'x' } }))).toBe('top x');
    // The same error as from a parse of its own, naming b.yaml.
    const fresh = new TemplateSet(new Map());
    fresh.parse('b.yaml', text);
    const want = errorOf(() => fresh.execute('b.yaml', fromJS({ a: 'y' })));
    expect(want).toMatch(/^template: b\.yaml:1:\d+: executing "d" at <\.a\.b>/);
    expect(errorOf(() => set.execute('b.yaml', fromJS({ a: 'y' })))).toBe(want);
  });
  it('parses again when a define is named after either file, or the functions differ', () => {
    const named = '{{define "b.yaml"}}d{{end}}';
    const first = new TemplateSet(new Map()).parse('a.yaml', named);
    expect(new TemplateSet(new Map()).parse('b.yaml', named, first)).not.toBe(first);
    const set = new TemplateSet(new Map());
    const again = set.parse('b.yaml', named, first);
    expect(again.trees.get('b.yaml')?.root).not.toBe(first.trees.get('b.yaml')?.root);
    expect(set.execute('b.yaml', null)).toBe('d');
    const withFn = '{{ up . }}';
    const p = new TemplateSet(new Map()).parse('a.yaml', '{{ .x }}');
    expect(() => new TemplateSet(new Map()).parse('a.yaml', withFn, p)).toThrow('function "up" not defined');
  });
});
