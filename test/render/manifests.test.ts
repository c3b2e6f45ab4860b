import { describe, expect, it } from 'vitest';
import { splitManifests } from '../../src/goyaml/index.ts';
import { INSTALL_ORDER, INSTALL_ORDER_HELM3, type ManifestHead, sortManifests } from '../../src/render/manifests.ts';

// A tiny head reader for these tests: `kind:`, `name:` and `helm.sh/...:` lines.
function head(doc: string): ManifestHead {
  if (doc.includes('BROKEN')) throw new Error('yaml: line 1: broken');
  const get = (k: string) => new RegExp(`^\\s*${k}: *"?([^"\\n]*)"?$`, 'm').exec(doc)?.[1];
  const annotations = new Map<string, string>();
  for (const k of ['helm.sh/hook', 'helm.sh/hook-weight', 'helm.sh/hook-delete-policy']) {
    const v = get(k.replace('/', '\\/'));
    if (v !== undefined) annotations.set(k, v);
  }
  return {
    apiVersion: 'v1',
    kind: get('kind') ?? '',
    metadata: { name: get('name') ?? '', namespace: '', annotations: annotations.size ? annotations : undefined },
  };
}

describe('splitManifests', () => {
  it('splits on --- lines and trims documents', () => {
    expect(splitManifests('\n---\na: 1\n---\nb: 2\n  \n')).toEqual(['a: 1', 'b: 2']);
    // The separator's trailing whitespace eats the newline a following `---` would need (helm prints the
    // second document as `---\nkind: B` too).
    expect(splitManifests('kind: A\n---\n\n---\nkind: B\n')).toEqual(['kind: A', '---\nkind: B']);
    expect(splitManifests('a: 1\n--- # c\nb: 2')).toEqual(['a: 1', '# c\nb: 2']);
    // Go's separator regexp also splits `---foo`, and a document starting with `---` on the first line.
    expect(splitManifests('---foo: 1')).toEqual(['foo: 1']);
    expect(splitManifests('a: "x---y"')).toEqual(['a: "x---y"']);
  });
});

describe('sortManifests', () => {
  it('orders by install order of kinds, unknown kinds last by name, stable within a kind', () => {
    const files = new Map([
      ['c/templates/b.yaml', 'kind: Deployment\nname: d1\n---\nkind: Zeta\nname: z\n---\nkind: Alpha\nname: a'],
      ['c/templates/a.yaml', 'kind: Service\nname: s\n---\nkind: Deployment\nname: d0'],
      ['c/templates/_h.tpl', 'kind: Secret\nname: ignored'],
      ['c/templates/empty.yaml', '  \n'],
    ]);
    const { manifests } = sortManifests(files, head, { order: INSTALL_ORDER });
    expect(manifests.map((m) => m.head.metadata?.name)).toEqual(['s', 'd0', 'd1', 'a', 'z']);
  });

  it('files webhook configurations among unknown kinds for helm 3', () => {
    const files = new Map([
      ['c/templates/a.yaml', 'kind: ValidatingWebhookConfiguration\nname: v\n---\nkind: Aaa\nname: a'],
    ]);
    expect(sortManifests(files, head, { order: INSTALL_ORDER }).manifests.map((m) => m.head.kind)).toEqual([
      'ValidatingWebhookConfiguration',
      'Aaa',
    ]);
    expect(sortManifests(files, head, { order: INSTALL_ORDER_HELM3 }).manifests.map((m) => m.head.kind)).toEqual([
      'Aaa',
      'ValidatingWebhookConfiguration',
    ]);
  });

  it('sets hooks apart with events, weight and policies; skips unknown hook events', () => {
    const files = new Map([
      [
        'c/templates/h.yaml',
        'kind: Job\nname: j\nhelm.sh/hook: "pre-install, Post-Upgrade"\nhelm.sh/hook-weight: "-5"\nhelm.sh/hook-delete-policy: "hook-succeeded,before-hook-creation"\n---\nkind: Pod\nname: t\nhelm.sh/hook: test-success\nhelm.sh/hook-weight: x\n---\nkind: Pod\nname: u\nhelm.sh/hook: nonsense',
      ],
    ]);
    const { hooks, manifests } = sortManifests(files, head, { order: INSTALL_ORDER });
    expect(manifests).toEqual([]);
    expect(hooks.map((h) => [h.name, h.events, h.weight, h.deletePolicies])).toEqual([
      ['t', ['test'], 0, []],
      ['j', ['pre-install', 'post-upgrade'], -5, ['hook-succeeded', 'before-hook-creation']],
    ]);
  });

  it('names the file in YAML errors', () => {
    const files = new Map([['c/templates/x.yaml', 'BROKEN']]);
    expect(() => sortManifests(files, head, { order: INSTALL_ORDER })).toThrow(
      'YAML parse error on c/templates/x.yaml: yaml: line 1: broken',
    );
  });
});
