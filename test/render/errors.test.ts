import { describe, expect, it } from 'vitest';
import { execErrorMessage, parseErrorMessage, warnWrap } from '../../src/render/errors.ts';

// Expected texts are what helm 4.1.4 / 3.17.2 printed for the same failures (see the golden cases too).
describe('helm error wording', () => {
  it('rewrites parse errors', () => {
    expect(parseErrorMessage('t/templates/t.yaml', 'template: t/templates/t.yaml:2: unexpected {{end}}')).toBe(
      'parse error at (t/templates/t.yaml:2): unexpected {{end}}',
    );
  });

  it('turns required/fail messages into execution errors at the outer location', () => {
    const msg = `template: c/templates/t.yaml:2:6: executing "c/templates/t.yaml" at <required "need x" .Values.x>: error calling required: ${warnWrap('need x')}`;
    expect(execErrorMessage('c/templates/t.yaml', [msg], 'helm4')).toBe(
      'execution error at (c/templates/t.yaml:2:6): need x',
    );
  });

  it('prints helm 4 traces when every level is a template error', () => {
    const outer =
      'template: c/templates/t.yaml:1:48: executing "c/templates/t.yaml" at <include "q" .>: error calling include: template: c/templates/t.yaml:1:26: executing "q" at <.Values.x.y>: can\'t evaluate field y in type interface {}';
    const inner =
      'template: c/templates/t.yaml:1:26: executing "q" at <.Values.x.y>: can\'t evaluate field y in type interface {}';
    expect(execErrorMessage('c/templates/t.yaml', [outer, outer, inner, inner], 'helm4')).toBe(
      'c/templates/t.yaml:1:48\n  executing "c/templates/t.yaml" at <include "q" .>:\n    error calling include:\nc/templates/t.yaml:1:26\n  executing "q" at <.Values.x.y>:\n    can\'t evaluate field y in type interface {}',
    );
    expect(execErrorMessage('c/templates/t.yaml', [outer, outer, inner, inner], 'helm3')).toBe(outer);
  });

  it('prints the no-template form', () => {
    const outer =
      'template: c/templates/t.yaml:1:6: executing "c/templates/t.yaml" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl"';
    const inner = 'template: no template "nope" associated with template "gotpl"';
    expect(execErrorMessage('c/templates/t.yaml', [outer, inner], 'helm4')).toBe(
      'c/templates/t.yaml:1:6\n  executing "c/templates/t.yaml" at <include "nope" .>:\n    error calling include:\ntemplate: no template "nope" associated with template "gotpl"',
    );
  });

  it("keeps Go's text when a function's own error ends the chain", () => {
    const outer =
      'template: c/templates/t.yaml:1:6: executing "c/templates/t.yaml" at <len 3>: error calling len: len of type int';
    expect(execErrorMessage('c/templates/t.yaml', [outer, outer, 'len of type int'], 'helm4')).toBe(outer);
  });
});
