import { describe, expect, it } from 'vitest';
import { N, type Node, nodeString, type Tree } from '../../src/template/ast.ts';
import { TemplateParseError } from '../../src/template/errors.ts';
import { parseTemplates } from '../../src/template/parser.ts';

const FUNCS = new Set(['print', 'len', 'eq', 'and', 'index', 'printf']);
const has = (n: string) => FUNCS.has(n);

function parse(text: string, name = 't'): Map<string, Tree> {
  return parseTemplates(name, text, has);
}

function parseError(text: string): TemplateParseError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof TemplateParseError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

function root(text: string): Node[] {
  return parse(text).get('t')!.root.nodes;
}

describe('parser', () => {
  it('prints nodes back as Go does', () => {
    const src = [
      '{{.a.b}}',
      '{{$x := 1}}',
      '{{$x = 2}}',
      '{{print "s" `r` 1.5 true nil . $}}',
      '{{(print 1).x.y}}',
      '{{print (len .l) | printf "%d"}}',
      '{{if .a}}A{{else if .b}}B{{else}}C{{end}}',
      '{{range $i, $v := .l}}{{break}}{{continue}}{{end}}',
      '{{with .x}}{{.}}{{end}}',
      '{{template "n" .}}',
    ].join('');
    const out = root(src).map(nodeString).join('');
    expect(out).toBe(
      '{{.a.b}}{{$x := 1}}{{$x := 2}}{{print "s" `r` 1.5 true nil . $}}{{(print 1).x.y}}' +
        '{{print (len .l) | printf "%d"}}{{if .a}}A{{else}}{{if .b}}B{{else}}C{{end}}{{end}}' +
        '{{range $i, $v := .l}}{{break}}{{continue}}{{end}}{{with .x}}{{.}}{{end}}{{template "n" .}}',
    );
  });

  it('positions a field chain at its second field, as Go does', () => {
    const [action] = root('{{ .Values.a.b }}');
    if (action.type !== N.Action) throw new Error('not an action');
    const field = action.pipe.cmds[0].args[0];
    expect(field.type).toBe(N.Field);
    expect(field.pos).toBe(10);
    expect(action.pos).toBe(3);
  });

  it('precomputes literal values', () => {
    const [a] = root("{{print 1 1.5 0x10 'a' 1e3 -0}}");
    if (a.type !== N.Action) throw new Error('not an action');
    const nums = a.pipe.cmds[0].args.slice(1);
    const ideal = nums.map((n) => (n.type === N.Number ? String(n.ideal) : '?'));
    expect(ideal).toEqual(['1', '1.5', '16', '97', '1000', '0']);
  });

  it('collects defines and blocks into the tree set', () => {
    const set = parse('{{define "a"}}A{{end}}x{{block "b" .}}B{{end}}');
    expect([...set.keys()].sort()).toEqual(['a', 'b', 't']);
    expect(nodeString(set.get('a')!.root)).toBe('A');
    expect(set.get('a')!.parseName).toBe('t');
  });

  it('lets an empty definition give way, but not two bodies', () => {
    expect(nodeString(parse('{{define "a"}}A{{end}}{{define "a"}} {{end}}').get('a')!.root)).toBe('A');
    expect(nodeString(parse('{{define "a"}} {{end}}{{define "a"}}B{{end}}').get('a')!.root)).toBe('B');
    const e = parseError('{{define "a"}}A{{end}}\n{{define "a"}}B{{end}}');
    expect(e.message).toBe('template: t:2: template: multiple definition of template "a"');
  });

  it('reports errors with Go text, the file name and the line of the last token read', () => {
    const e = parseError('a\n\n{{ nope 1 }}');
    expect(e.message).toBe('template: t:3: function "nope" not defined');
    expect(e.templateName).toBe('t');
    expect(e.line).toBe(3);
    expect(e.detail).toBe('function "nope" not defined');
    expect(parseError('{{ if true }}\n{{ .x\n}}\n').message).toBe('template: t:4: unexpected EOF');
    expect(parseError('{{ .x\n\n').message).toBe('template: t:3: unclosed action started at t:1');
    expect(parseError('{{ $x }}').message).toBe('template: t:1: undefined variable "$x"');
    expect(parseError('{{ "a".b }}').message).toBe('template: t:1: unexpected . after term "\\"a\\""');
    expect(parseError('{{ 99999999999999999999 }}').message).toBe(
      'template: t:1: integer overflow: "99999999999999999999"',
    );
    expect(parseError("{{ 'ab' }}").message).toBe("template: t:1: malformed character constant: 'ab'");
    expect(parseError('{{ "\\q" }}').message).toBe('template: t:1: invalid syntax');
  });

  it('scopes variables to their control structure', () => {
    expect(() => parse('{{ if $x := 1 }}{{ $x }}{{ end }}')).not.toThrow();
    expect(parseError('{{ if $x := 1 }}{{ end }}{{ $x }}').detail).toBe('undefined variable "$x"');
    expect(parseError('{{ $x := 1 }}{{ define "d" }}{{ $x }}{{ end }}').detail).toBe('undefined variable "$x"');
  });

  it('accepts break and continue only inside range', () => {
    expect(() => parse('{{ range . }}{{ if . }}{{ break }}{{ end }}{{ end }}')).not.toThrow();
    expect(parseError('{{ break }}').detail).toBe('{{break}} outside {{range}}');
    expect(parseError('{{ range . }}{{ block "b" . }}{{ continue }}{{ end }}{{ end }}').detail).toBe(
      '{{continue}} outside {{range}}',
    );
  });

  it('parses else-if and else-with chains sharing one end', () => {
    const [n] = root('{{with .a}}1{{else with .b}}2{{else}}3{{end}}');
    expect(nodeString(n)).toBe('{{with .a}}1{{else}}{{with .b}}2{{else}}3{{end}}{{end}}');
  });
});
