import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeReleaseJSON } from '../../src/release/codec.ts';
import { ManifestParseError } from '../../src/release/errors.ts';
import { formatFloat32G, parseHead, resolvePlain } from '../../src/release/head.ts';
import {
  applyDefaultDeletePolicy,
  hookHasDeletePolicy,
  hooksForEvent,
  parseWeight,
  sortManifests,
} from '../../src/release/hooks.ts';
import {
  INSTALL_ORDER,
  INSTALL_ORDER_HELM3,
  installOrder,
  sortByKind,
  UNINSTALL_ORDER,
  UNINSTALL_ORDER_HELM3,
  uninstallOrder,
} from '../../src/release/kind-order.ts';
import { goTrimSpace, manifestText, parseManifestText, splitManifests } from '../../src/release/manifest.ts';
import { newHook } from '../../src/release/model.ts';

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
function templateOutput(files: Map<string, string>, compat: 'helm3' | 'helm4'): string {
  const { hooks, manifests } = sortManifests(files, { order: installOrder(compat), compat });
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
    const { hooks, manifests, skipped } = sortManifests(files);
    expect(manifestText(manifests)).toBe(helm.manifest);
    expect(hooks).toEqual(helm.hooks);
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
    const { hooks } = sortManifests(files);
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
    expect(installOrder('helm3')).toBe(INSTALL_ORDER_HELM3);
    expect(uninstallOrder()).toBe(UNINSTALL_ORDER);
  });

  it('uninstalls Services before workloads (not the reverse of the install order)', () => {
    const kinds = ['Deployment', 'Service', 'Job', 'ConfigMap', 'Namespace', 'Foo', 'Bar'];
    expect(sortByKind(kinds, (k) => k, UNINSTALL_ORDER)).toEqual([
      'Service',
      'Job',
      'Deployment',
      'ConfigMap',
      'Namespace',
      'Bar',
      'Foo',
    ]);
    expect(sortByKind(kinds, (k) => k)).toEqual([
      'Namespace',
      'ConfigMap',
      'Service',
      'Deployment',
      'Job',
      'Bar',
      'Foo',
    ]);
  });

  it('is stable for equal kinds and does not modify its input', () => {
    const items = [
      { k: 'Pod', n: 1 },
      { k: 'X', n: 2 },
      { k: 'Pod', n: 3 },
      { k: 'X', n: 4 },
    ];
    expect(sortByKind(items, (i) => i.k).map((i) => i.n)).toEqual([1, 3, 2, 4]);
    expect(items.map((i) => i.n)).toEqual([1, 2, 3, 4]);
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
  const head = (doc: string) => parseHead(doc, 'c/templates/t.yaml');

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
    expect(() => head('kind: [a]')).toThrow(
      new ManifestParseError(
        'c/templates/t.yaml',
        'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field SimpleHead.kind of type string',
      ),
    );
    expect(() => head('kind: x\nmetadata:\n  annotations:\n    a: {b: 1}')).toThrow(
      'YAML parse error on c/templates/t.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field .metadata.annotations of type string',
    );
    expect(() => head('- a')).toThrow('json: cannot unmarshal array into Go value of type util.SimpleHead');
    expect(() => parseHead('- a', 'p', 'helm3')).toThrow('Go value of type releaseutil.SimpleHead');
    expect(() => head('kind: x\nmetadata:\n  annotations:\n    ~: 1')).toThrow(
      'YAML parse error on c/templates/t.yaml: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: 1',
    );
    expect(() => head('a: b\n  c: d')).toThrow(
      /^YAML parse error on c\/templates\/t.yaml: error converting YAML to JSON: yaml: line 1: /,
    );
    expect(() => head('spec:\n  x:\n    ~: 1')).toThrow(/unsupported map key/);
  });

  it('accepts duplicate keys, the last winning (go-yaml v2)', () => {
    expect(head('kind: A\nkind: B').kind).toBe('B');
  });
});

describe('YAML 1.1 scalars (go-yaml v2 resolve)', () => {
  it('resolves plain scalars', () => {
    expect(resolvePlain('0x1F')).toBe(31n);
    expect(resolvePlain('0o17')).toBe(15n);
    expect(resolvePlain('0755')).toBe(493n);
    expect(resolvePlain('08')).toBe(8);
    expect(resolvePlain('1_000')).toBe(1000n);
    expect(resolvePlain('+3')).toBe(3n);
    expect(resolvePlain('-0b101')).toBe(-5n);
    expect(resolvePlain('18446744073709551615')).toBe(18446744073709551615n);
    expect(resolvePlain('18446744073709551616')).toBe(2 ** 64);
    expect(resolvePlain('1e3')).toBe(1000);
    expect(resolvePlain('.5')).toBe(0.5);
    expect(resolvePlain('.inf')).toBe(Number.POSITIVE_INFINITY);
    expect(resolvePlain('Off')).toBe(false);
    expect(resolvePlain('y')).toBe(true);
    expect(resolvePlain('~')).toBeNull();
    expect(resolvePlain('2024-01-01')).toBe('2024-01-01');
    expect(resolvePlain('1.2.3')).toBe('1.2.3');
    expect(resolvePlain('oN')).toBe('oN');
  });

  it('formats floats as strconv.FormatFloat(f, g, -1, 32)', () => {
    expect(formatFloat32G(1000)).toBe('1000');
    expect(formatFloat32G(1e6)).toBe('1e+06');
    expect(formatFloat32G(123456.7)).toBe('123456.7');
    expect(formatFloat32G(1234567)).toBe('1.234567e+06');
    expect(formatFloat32G(0.1)).toBe('0.1');
    expect(formatFloat32G(0.0001)).toBe('0.0001');
    expect(formatFloat32G(0.00001)).toBe('1e-05');
    expect(formatFloat32G(Math.PI)).toBe('3.1415927');
    expect(formatFloat32G(-2.5e-10)).toBe('-2.5e-10');
    expect(formatFloat32G(1e21)).toBe('1e+21');
    expect(formatFloat32G(Number.POSITIVE_INFINITY)).toBe('+Inf');
  });
});

describe('hook helpers', () => {
  it('parses weights as strconv.Atoi', () => {
    expect(parseWeight('-5')).toBe(-5);
    expect(parseWeight('+2')).toBe(2);
    expect(parseWeight(' 7')).toBe(0);
    expect(parseWeight('1.0')).toBe(0);
    expect(parseWeight('99999999999999999999')).toBe(0);
    expect(parseWeight(undefined)).toBe(0);
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
