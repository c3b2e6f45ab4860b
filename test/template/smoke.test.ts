import { describe, expect, it } from 'vitest';
import { errorOf, render } from './helpers.ts';

describe('smoke', () => {
  it('renders', () => {
    expect(render('a{{ .x }}b {{- " c" }}', { x: 1 })).toBe('a1b c');
    expect(render('{{ range $i, $v := .l }}{{ $i }}={{ $v }};{{ end }}', { l: ['a', 'b'] })).toBe('0=a;1=b;');
    expect(errorOf(() => render('a\n{{ end }}'))).toBe('template: t.yaml:2: unexpected {{end}}');
    expect(errorOf(() => render('a\n{{ eq .x 2 }}', { x: 2 }))).toBe(
      'template: t.yaml:2:3: executing "t.yaml" at <eq .x 2>: error calling eq: incompatible types for comparison: float64 and int',
    );
  });
});
