// The line-by-line composer must build exactly the careful composer's node tree (lines included) wherever it
// answers, and decline what it cannot read, so that the scanner and parser report their own errors.
import { describe, expect, it } from 'vitest';
import { composeCarefully, composeFirstDocument } from '../../src/goyaml/compose.ts';
import { composeFast } from '../../src/goyaml/compose-fast.ts';
import { parseValues } from '../../src/goyaml/index.ts';

const READ = [
  '',
  '# only a comment\n\n',
  '{}',
  '{ }',
  'null',
  "[a, \"b\", 'c''d', 1]",
  'a: 1\nb:\n  c: "x" # comment\n  d: [ ]\ne: {}\n',
  'k:\n- a\n- b: 1\n  c: 2\n-   d: 3\n    e:\n    - f\nz: ~\n',
  'a: |\n  x\n\n  y\n# after\nb: >-\n  folded\n  text\n\nc: |+\n  kept\n\n',
  '- |\n  x\n- y\n',
  'description: A long\n  description over\n\n  several lines # comment\nnext: 1\n',
  '- first\n  continued\n- k: v\n    more\n',
  'a: b\n  - c\n',
  '"quoted key": 1\n\'single\': 2\n1: int key\ntrue: bool key\n',
  'a: 1\na: 2\n',
  'a:\n\n  b: 1\n',
  'a: |\n',
  'resources:\n  {}\nnext:\n  value\n   continued\n',
  // A lone dash: the item is on the lines below, or empty.
  '-\n  a: 1\n  b: 2\n- c\n-\n-\n',
  'k:\n  -\n    name: x\n  -\n    - nested\nz:\n-\n  plain\n  more\n',
  'a:\n  -\n',
  // Double-quoted scalars with escapes, decoded by the scanner.
  'a: "x\\ty"\n',
  'host: "(chi-{chi}-[^.]+\\\\d+)\\\\.svc$"\nq: "say \\"hi\\""\n',
  '"we\\tird key": 1\nu: "\\u00e9\\x41\\U0001F600\\N\\_ \\\\"\n',
  'a:\n  - "x\\\\"  # comment\n  - "\\\\"\n',
];

const DECLINED = [
  '---\na: 1\n',
  '--- x\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  '? a\n: b\n',
  'a: {b: c}\n',
  'a: b\n  c: d\n',
  'a:\n  - x\n  b: 1\n',
  'a:\n    b: 1\n  c: 2\n',
  'a: b\n  # comment\n  c\n',
  'a: b\tc\n',
  'a: b\r\n',
  '\ufeffa: b\n',
  'a: |2\n   x\n',
  'a:\n  {}\n  b: 1\n',
  'a:\nvalue\n',
  `${'k'.repeat(1030)}: v\n`,
  'a: "\\q"\n', // escapes go-yaml v2 rejects: the careful path reports them
  'a: "\\/"\n',
  'a: ["x\\\\y"]\n', // escapes inside a flow sequence
  'a: "x\\\ny"\n', // an escaped line break
];

describe('composeFast', () => {
  it.each(READ)('reads %j as the careful composer does', (text) => {
    const fast = composeFast(text);
    expect(fast).not.toBeUndefined();
    expect(fast).toEqual(composeCarefully(text));
  });

  it.each(DECLINED)('declines %j', (text) => {
    expect(composeFast(text)).toBeUndefined();
  });

  it('leaves errors to the careful composer', () => {
    expect(() => composeFirstDocument('a: b\n  c: d\n')).toThrow(
      'yaml: line 2: mapping values are not allowed in this context',
    );
    expect(() => composeFirstDocument('a:\n  - x\n  b: 1\n')).toThrow("did not find expected '-' indicator");
  });

  it('gives the values of a values file', () => {
    const v = parseValues('# c\nimage:\n  tag: "1.0"\n  pullPolicy: IfNotPresent\nports: [80, 443]\nhelp: |\n  text\n');
    expect(v).toEqual(
      new Map<string, unknown>([
        [
          'image',
          new Map([
            ['tag', '1.0'],
            ['pullPolicy', 'IfNotPresent'],
          ]),
        ],
        ['ports', [80, 443]],
        ['help', 'text\n'],
      ]),
    );
  });
});
