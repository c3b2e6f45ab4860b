// The sorter's fast head reader must agree with the full parser wherever it answers, and decline the rest.
import { describe, expect, it } from 'vitest';
import { readManifestHead } from '../../src/goyaml/index.ts';
import { fastManifestSkeleton } from '../../src/goyaml/manifest-fast.ts';

// A tab in a trailing comment changes no value but makes the fast reader decline: the full parser's answer.
function full(doc: string, helm: 3 | 4): string {
  return outcome(`${doc}\n#\t`, helm);
}

function outcome(doc: string, helm: 3 | 4): string {
  try {
    const h = readManifestHead(doc, { helm });
    return JSON.stringify(h, (_k, x) => (x instanceof Map ? [...x] : x));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

const DEPLOYMENT = `# Source: c/templates/deploy.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: "rel-app"
  labels:
    app.kubernetes.io/name: app
  annotations:
    checksum/config: 3f2a
    helm.sh/hook-weight: "-5"
    'it''s': yes
spec:
  template:
    spec:
      containers:
      - name: app
        args:
          - --port=8080
        command: []
        resources: {}
        env:
          - name: X
            value: |
              line: one
              # not a comment
      volumes: []`;

// Each case is read both ways; the fast reader may decline any of them, but must not disagree.
const CASES = [
  DEPLOYMENT,
  'kind: A\nKind: B\nKIND: C',
  'apiVersion: 1.5\nkind: 0x10\nmetadata:\n  name: 2001-12-14\n  annotations:\n    a: 1e3\n    b: ~\n    c: on',
  'metadata: {}\nkind: x',
  'metadata: []',
  'metadata:\n  annotations: {}\n  name: n',
  'metadata:\n  annotations:\n  - a',
  'metadata:\nkind: k',
  'metadata: null\nmetadata:\n  name: a',
  'kind: a\nspec:\n  x: .inf',
  'kind: a\nspec:\n  x: 1e400',
  'kind: a\nspec:\n  1: x',
  'kind: a\nspec:\n  null: x',
  'kind: a\nspec:\n  18446744073709551615: x',
  'kind: a\nspec: b\n  c: d',
  'kind: a\nspec:\n  - a\n  b: c',
  'kind: a\nspec:\n- a\n - b',
  'kind: a\nspec: x: y',
  'kind: a\nspec: |\n\n      more\n    less',
  'kind: a\nspec: |\n    text\n  bad: key',
  'kind: a\nspec:\n  a: |\n  b: c',
  'kind: a\nlist:\n- x\n  y',
  'kind: a\nx: foo\n  bar',
  '- kind: a',
  'just text',
  '  kind: a\n  apiVersion: v1',
  '  kind: a\napiVersion: v1',
  'kind: "a" b',
  "kind: 'a\nb'",
  'kind: a #c\nmetadata: # c\n  name: b #c',
  'kind: a#b',
  'kind: [a]',
  'kind: &x a\nb: *x',
  'kind: a\n---\nkind: b',
];

describe('fastManifestSkeleton', () => {
  it('reads a typical rendered manifest without the full parser', () => {
    expect(fastManifestSkeleton(DEPLOYMENT)).toBeDefined();
    expect(readManifestHead(DEPLOYMENT)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'rel-app',
        namespace: '',
        annotations: new Map([
          ['checksum/config', '3f2a'],
          ['helm.sh/hook-weight', '-5'],
          ["it's", 'true'],
        ]),
      },
    });
  });

  it('declines documents it cannot read with certainty', () => {
    for (const d of ['kind: a\n\tb: c', 'kind: a\r\n', 'kind: a\nb: |2\n  x', 'kind: a\nb: !!str x', '- a']) {
      expect(fastManifestSkeleton(d)).toBeUndefined();
    }
  });

  it('agrees with the full parser on values, errors and nesting', () => {
    for (const d of CASES) {
      for (const helm of [3, 4] as const) expect(outcome(d, helm), d).toBe(full(d, helm));
    }
  });
});
