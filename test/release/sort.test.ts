import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitManifests } from '../../src/goyaml/index.ts';
import { goTrimSpace } from '../../src/goyaml/read.ts';
import { decodeReleaseJSON } from '../../src/release/codec.ts';
import { applyDefaultDeletePolicy, hookHasDeletePolicy, hooksForEvent } from '../../src/release/hooks.ts';
import { manifestText, parseManifestText } from '../../src/release/manifest.ts';
import { type Hook, newHook } from '../../src/release/model.ts';
import { headReaderFor } from '../../src/render/head.ts';
import {
  INSTALL_ORDER,
  INSTALL_ORDER_HELM3,
  parseWeight,
  type Hook as RenderHook,
  sortByKind,
  sortManifests,
  UNINSTALL_ORDER,
  UNINSTALL_ORDER_HELM3,
} from '../../src/render/manifests.ts';

const fixtures = fileURLToPath(new URL('../fixtures/release/', import.meta.url));

// The kinds chart has no template actions, so its rendered files are its template files.
function renderedKindsChart(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, rel: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p, `${rel}/${f}`);
      else files.set(`kinds/${rel}/${f}`, readFileSync(p, 'utf8'));
    }
  };
  walk(join(fixtures, 'kinds/templates'), 'templates');
  return files;
}

// What `helm template` prints: the manifest, trimmed, then every hook.
function sorted(files: Map<string, string>, compat: 'helm3' | 'helm4' = 'helm4') {
  return sortManifests(files, headReaderFor(compat), {
    order: compat === 'helm4' ? INSTALL_ORDER : INSTALL_ORDER_HELM3,
    outputLogPolicies: compat === 'helm4',
  });
}

// A sorted hook as the release record keeps it.
const recordHook = (h: RenderHook): Hook =>
  newHook({
    name: h.name,
    kind: h.kind,
    path: h.path,
    manifest: h.manifest,
    events: [...h.events],
    weight: h.weight,
    delete_policies: [...h.deletePolicies],
    output_log_policies: [...h.outputLogPolicies],
  });

function templateOutput(files: Map<string, string>, compat: 'helm3' | 'helm4'): string {
  const { hooks, manifests } = sorted(files, compat);
  let out = `${goTrimSpace(manifestText(manifests))}\n`;
  for (const h of hooks) out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
  return out;
}

describe('sortManifests against helm', () => {
  const files = renderedKindsChart();

  it('orders manifests and hooks as helm 4 template does', () => {
    expect(templateOutput(files, 'helm4')).toBe(readFileSync(join(fixtures, 'kinds-helm4-template.out'), 'utf8'));
  });

  it('orders manifests and hooks as helm 3 template does (webhooks among unknown kinds)', () => {
    expect(templateOutput(files, 'helm3')).toBe(readFileSync(join(fixtures, 'kinds-helm3-template.out'), 'utf8'));
  });

  it('builds the hooks and manifest helm 4 records', () => {
    const helm = decodeReleaseJSON(readFileSync(join(fixtures, 'kinds-helm4-install.out'), 'utf8'));
    const { hooks, manifests, skipped } = sorted(files);
    expect(manifestText(manifests)).toBe(helm.manifest);
    expect(hooks.map(recordHook)).toEqual(helm.hooks);
    expect(skipped).toEqual([
      {
        path: 'kinds/templates/c-hooks.yaml',
        name: 'skipped',
        kind: 'ConfigMap',
        hookTypes: 'pre-install,pre-something',
      },
    ]);
  });

  it('orders hooks for an event by weight, then name', () => {
    const hooks = sorted(files).hooks.map(recordHook);
    expect(hooksForEvent(hooks, 'pre-install').map((h) => `${h.weight}:${h.name}`)).toEqual([
      '-1:pod-hook',
      '-1:widget-hook',
      '0:crd-hook',
      '0:secret-hook',
      '2:1000',
      '5:a-job',
      '5:b-job',
    ]);
    expect(hooksForEvent(hooks, 'test').map((h) => h.name)).toEqual(['test-pod']);
    expect(hooksForEvent(hooks, 'post-delete').map((h) => h.name)).toEqual(['cm-hook']);
  });
});

describe('kind order', () => {
  it('has helm 4`s webhook kinds, which helm 3 lacks', () => {
    expect(INSTALL_ORDER.slice(-3)).toEqual([
      'APIService',
      'MutatingWebhookConfiguration',
      'ValidatingWebhookConfiguration',
    ]);
    expect(INSTALL_ORDER_HELM3.at(-1)).toBe('APIService');
    expect(UNINSTALL_ORDER.slice(0, 3)).toEqual([
      'ValidatingWebhookConfiguration',
      'MutatingWebhookConfiguration',
      'APIService',
    ]);
    expect(UNINSTALL_ORDER_HELM3[0]).toBe('APIService');
  });

  it('uninstalls Services before workloads (not the reverse of the install order)', () => {
    const kinds = ['Deployment', 'Service', 'Job', 'ConfigMap', 'Namespace', 'Foo', 'Bar'];
    expect(sortByKind([...kinds], (k) => k, UNINSTALL_ORDER)).toEqual([
      'Service',
      'Job',
      'Deployment',
      'ConfigMap',
      'Namespace',
      'Bar',
      'Foo',
    ]);
    expect(sortByKind([...kinds], (k) => k)).toEqual([
      'Namespace',
      'ConfigMap',
      'Service',
      'Deployment',
      'Job',
      'Bar',
      'Foo',
    ]);
  });

  it('is stable for equal kinds', () => {
    const items = [
      { k: 'Pod', n: 1 },
      { k: 'X', n: 2 },
      { k: 'Pod', n: 3 },
      { k: 'X', n: 4 },
    ];
    expect(sortByKind(items, (i) => i.k).map((i) => i.n)).toEqual([1, 3, 2, 4]);
  });
});

describe('splitManifests', () => {
  it('splits on --- lines as helm`s regexp does', () => {
    expect(splitManifests('a: 1\n---\nb: 2\n--- \nc: 3')).toEqual(['a: 1', 'b: 2', 'c: 3']);
    // As helm 4 prints it: the first separator consumed the newline that the second one needs.
    expect(splitManifests('kind: A\n--- \n---\nkind: B\n')).toEqual(['kind: A', '---\nkind: B']);
    expect(splitManifests('---\na: 1\n---kind: x')).toEqual(['a: 1', 'kind: x']);
    expect(splitManifests('  \n\t')).toEqual([]);
    expect(splitManifests('a: "---"\nb: c---d')).toEqual(['a: "---"\nb: c---d']);
  });

  it('trims as Go`s TrimSpace (not U+FEFF; yes U+0085)', () => {
    expect(goTrimSpace('\u0085 x \u00a0')).toBe('x');
    expect(goTrimSpace('\ufeffx')).toBe('\ufeffx');
  });

  it('reads the sources back from a manifest text', () => {
    const text = manifestText([
      { name: 'c/templates/a.yaml', content: 'kind: A' },
      { name: 'c/templates/b.yaml', content: 'kind: B\nx: 1' },
    ]);
    expect(text).toBe('---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/b.yaml\nkind: B\nx: 1\n');
    expect(parseManifestText(text)).toEqual([
      { name: 'c/templates/a.yaml', content: 'kind: A' },
      { name: 'c/templates/b.yaml', content: 'kind: B\nx: 1' },
    ]);
  });
});

describe('manifest heads', () => {
  const read = headReaderFor('helm4');
  const head = (doc: string) => {
    const h = read(doc);
    const a = h.metadata?.annotations;
    return h.metadata
      ? { ...h, metadata: { name: h.metadata.name, annotations: a ? Object.fromEntries(a) : null } }
      : h;
  };
  // The error helm prints: the sorter prefixes the file.
  const fail =
    (doc: string, compat: 'helm3' | 'helm4' = 'helm4') =>
    () =>
      sortManifests(new Map([['c/templates/t.yaml', doc]]), headReaderFor(compat));

  it('reads apiVersion, kind, name and annotations with YAML 1.1 scalars as strings', () => {
    expect(
      head('apiVersion: v1\nkind: Pod\nmetadata:\n  name: 0755\n  annotations: {a: yes, b: 1.5, c: ~, d: "x"}'),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: '493', annotations: { a: 'true', b: '1.5', c: '', d: 'x' } },
    });
    expect(head('# nothing')).toEqual({ apiVersion: '', kind: '' });
    expect(head('kind: A\nmetadata:')).toEqual({ apiVersion: '', kind: 'A' });
    expect(head('kind: A\nmetadata: {}')).toEqual({
      apiVersion: '',
      kind: 'A',
      metadata: { name: '', annotations: null },
    });
  });

  it('follows anchors and merge keys', () => {
    const doc =
      'base: &b {helm.sh/hook: pre-install}\nkind: &k Job\nmetadata:\n  name: *k\n  annotations:\n    <<: *b\n    x: z';
    expect(head(doc).metadata).toEqual({ name: 'Job', annotations: { 'helm.sh/hook': 'pre-install', x: 'z' } });
  });

  it('fails as helm fails, naming the file', () => {
    // Messages from helm 4.1.4 `helm template` on these documents.
    expect(fail('kind: [a]')).toThrow(
      'YAML parse error on c/templates/t.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field SimpleHead.kind of type string',
    );
    expect(fail('kind: x\nmetadata:\n  annotations:\n    a: {b: 1}')).toThrow(
      'YAML parse error on c/templates/t.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field .metadata.annotations of type string',
    );
    expect(fail('- a')).toThrow('json: cannot unmarshal array into Go value of type util.SimpleHead');
    expect(fail('- a', 'helm3')).toThrow('Go value of type releaseutil.SimpleHead');
    expect(fail('kind: x\nmetadata:\n  annotations:\n    ~: 1')).toThrow(
      'YAML parse error on c/templates/t.yaml: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: 1',
    );
    expect(fail('a: b\n  c: d')).toThrow(
      /^YAML parse error on c\/templates\/t.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context$/,
    );
    expect(fail('spec:\n  x:\n    ~: 1')).toThrow(/unsupported map key/);
  });

  it('accepts duplicate keys, the last winning (go-yaml v2)', () => {
    expect(head('kind: A\nkind: B').kind).toBe('B');
  });
});

describe('hook helpers', () => {
  it('parses weights as strconv.Atoi', () => {
    expect(parseWeight('-5')).toBe(-5);
    expect(parseWeight('+2')).toBe(2);
    expect(parseWeight(' 7')).toBe(0);
    expect(parseWeight('1.0')).toBe(0);
    expect(parseWeight('99999999999999999999')).toBe(0);
  });

  it('defaults the delete policy and never deletes CRDs', () => {
    const h = newHook({ name: 'h', kind: 'Job', path: 'p', manifest: 'm' });
    expect(hookHasDeletePolicy(h, 'before-hook-creation')).toBe(false);
    applyDefaultDeletePolicy(h);
    expect(h.delete_policies).toEqual(['before-hook-creation']);
    expect(hookHasDeletePolicy(h, 'before-hook-creation')).toBe(true);
    const crd = newHook({ name: 'c', kind: 'CustomResourceDefinition', path: 'p', manifest: 'm' });
    applyDefaultDeletePolicy(crd);
    expect(hookHasDeletePolicy(crd, 'before-hook-creation')).toBe(false);
  });
});
