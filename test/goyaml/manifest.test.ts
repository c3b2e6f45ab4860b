// Expectations printed by helm 4.1.4 / 3.17.2 (`helm template` of one-file charts), not by bosun.
import { describe, expect, it } from 'vitest';
import { readManifestHead, splitManifests } from '../../src/goyaml/index.ts';

function headError(doc: string, helm?: 3 | 4): string {
  try {
    readManifestHead(doc, { helm });
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('splitManifests', () => {
  it('splits at --- lines, trims, drops empty documents', () => {
    expect(splitManifests('---\n# Source: x\na: 1\n---\n\nb: 2\n---   \n')).toEqual(['# Source: x\na: 1', 'b: 2']);
    // helm prints the second document with its leading `---` (checked with helm 4.1.4).
    expect(splitManifests('a: 1\n---\n---\nb: 2')).toEqual(['a: 1', '---\nb: 2']);
    expect(splitManifests('  \n')).toEqual([]);
  });
});

describe('readManifestHead', () => {
  it('reads the fields Helm sorts by, converting scalars bound for strings', () => {
    const h = readManifestHead(
      'apiVersion: 1.5\nKIND: 0x10\nmetadata:\n  NAME: 3.14159265\n  namespace: ns\n  annotations:\n    helm.sh/hook-weight: 5\n    x: true\n',
    );
    expect(h.apiVersion).toBe('1.5');
    expect(h.kind).toBe('16');
    expect(h.metadata?.name).toBe('3.1415927');
    expect(h.metadata?.namespace).toBe('ns');
    expect([...(h.metadata?.annotations ?? [])]).toEqual([
      ['helm.sh/hook-weight', '5'],
      ['x', 'true'],
    ]);
  });

  it('treats an empty document as an empty head', () => {
    expect(readManifestHead('# just a comment')).toEqual({ apiVersion: '', kind: '' });
  });

  it('fails where helm fails', () => {
    expect(headError('hello')).toBe(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type util.SimpleHead',
    );
    expect(headError('- a', 3)).toBe(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type releaseutil.SimpleHead',
    );
    expect(headError('metadata: foo')).toBe(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field SimpleHead.metadata of type struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }',
    );
    expect(headError('metadata:\n  name: [a]\n')).toBe(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field .metadata.name of type string',
    );
    expect(headError('kind: {a: 1}')).toBe(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field SimpleHead.kind of type string',
    );
    expect(headError('metadata:\n  annotations:\n    x: {a: 1}\n')).toBe(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field .metadata.annotations of type string',
    );
    expect(headError('a: 1\n~: x\n')).toBe(
      'error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: "x"',
    );
    expect(headError('a: .nan\nb: -.inf\n')).toBe('error converting YAML to JSON: json: unsupported value: NaN');
    expect(headError('a: 1\nb: c: d\n')).toBe(
      'error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context',
    );
    expect(headError('b: c: d\n')).toBe(
      'error converting YAML to JSON: yaml: mapping values are not allowed in this context',
    );
  });
});
