import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeRecordData,
  decodeReleaseJSON,
  encodeRecordData,
  encodeReleaseJSON,
  recordKey,
} from '../../src/release/codec.ts';
import { RecordDecodeError } from '../../src/release/errors.ts';
import { encodeValue, jsonToValue, quote } from '../../src/release/gojson.ts';
import type { Release } from '../../src/release/model.ts';
import { GoInt, type GoMap, goInt64 } from '../../src/template/value.ts';

const fixtureDir = new URL('../fixtures/release/', import.meta.url);
// Written by helm 4.1.4: `install --dry-run=client -o json` (see test/fixtures/release/record.sh).
const helmJSON = readFileSync(new URL('helm4-install.out', fixtureDir), 'utf8').trimEnd();
const helmRecord = readFileSync(new URL('helm4-record.b64', fixtureDir), 'utf8').trim();
const helm = JSON.parse(helmJSON);

describe('release JSON from helm 4', () => {
  const rel = decodeReleaseJSON(helmJSON);

  it('re-encodes to the same bytes', () => {
    expect(encodeReleaseJSON(rel)).toBe(helmJSON);
  });

  it('reads the top-level fields', () => {
    expect(rel.name).toBe('fixture');
    expect(rel.version).toBe(1);
    expect(rel.namespace).toBe('demo');
    expect(rel.apply_method).toBe('ssa');
    expect(rel.manifest).toBe(helm.manifest);
  });

  it('reads info', () => {
    expect(rel.info).toEqual({
      first_deployed: helm.info.first_deployed,
      last_deployed: helm.info.last_deployed,
      description: 'Dry run complete',
      status: 'pending-install',
      notes: 'Installed fixture in demo: <nginx> & "quotes"\n',
    });
  });

  it('reads config as Go values (numbers are float64, maps are Maps)', () => {
    const c = rel.config as GoMap;
    expect([...c.keys()]).toEqual(['count', 'flag', 'image', 'nested', 'replicas', 's']);
    expect(c.get('count')).toBe(7);
    expect(c.get('flag')).toBe(true);
    expect(c.get('s')).toBe('007');
    expect((c.get('image') as GoMap).get('tag')).toBe('1.26');
    expect(((c.get('nested') as GoMap).get('a') as GoMap).get('b')).toBe('x');
  });

  it('reads the chart', () => {
    const ch = rel.chart!;
    expect(ch.metadata).toEqual(helm.chart.metadata);
    expect(ch.lock).toBeNull();
    expect(ch.templates?.map((t) => t.name)).toEqual(helm.chart.templates.map((t: { name: string }) => t.name));
    const notes = ch.templates?.find((t) => t.name === 'templates/NOTES.txt');
    expect(Buffer.from(notes!.data!).toString()).toContain('Installed {{ .Release.Name }}');
    expect(notes!.modtime).toBe(helm.chart.templates[0].modtime);
    expect(Buffer.from(ch.schema!).toString()).toContain('"replicas"');
    expect(ch.schemamodtime).toBe(helm.chart.schemamodtime);
    expect(ch.files).toHaveLength(1);
    expect(ch.files![0].name).toBe('README.md');
    expect(ch.modtime).toBe(helm.chart.modtime);
    const v = ch.values!;
    expect(v.get('big')).toBe(1000000);
    expect(v.get('ratio')).toBe(0.25);
    expect(v.get('nothing')).toBeNull();
    expect(v.get('list')).toEqual(['a', 'b', 3]);
  });

  it('reads the hooks', () => {
    expect(rel.hooks?.map((h) => [h.name, h.kind, h.path, h.events, h.weight, h.delete_policies])).toEqual([
      ['fixture-post', 'ConfigMap', 'fixture/templates/hooks.yaml', ['post-install'], 0, []],
      ['fixture-test', 'Pod', 'fixture/templates/hooks.yaml', ['test'], 0, []],
      [
        'fixture-migrate',
        'Job',
        'fixture/templates/hooks.yaml',
        ['pre-install', 'pre-upgrade'],
        -5,
        ['before-hook-creation', 'hook-succeeded'],
      ],
    ]);
    expect(rel.hooks![1].output_log_policies).toEqual(['hook-failed']);
    expect(rel.hooks![2].manifest).toBe(helm.hooks[2].manifest);
    expect(rel.hooks![0].last_run).toEqual({ phase: '' });
  });

  it('survives the record codec (gzip + base64) unchanged', () => {
    const data = encodeRecordData(rel);
    expect(Buffer.from(data, 'base64').subarray(0, 3)).toEqual(Buffer.from([0x1f, 0x8b, 0x08]));
    expect(encodeReleaseJSON(decodeRecordData(data))).toBe(helmJSON);
  });

  it('reads a record encoded as helm`s driver encodes it', () => {
    expect(encodeReleaseJSON(decodeRecordData(helmRecord))).toBe(helmJSON);
  });

  it('reads a record that is not gzipped', () => {
    const plain = Buffer.from(helmJSON).toString('base64');
    expect(encodeReleaseJSON(decodeRecordData(plain))).toBe(helmJSON);
  });
});

describe('release JSON details', () => {
  const base: Release = {
    name: 'r',
    version: 2,
    namespace: 'ns',
    info: { status: 'deployed', first_deployed: '2024-01-02T03:04:05.5+01:00' },
    hooks: [
      {
        name: 'h',
        kind: 'Job',
        path: 'c/templates/h.yaml',
        manifest: 'kind: Job',
        events: ['pre-install'],
        last_run: { phase: 'Succeeded', started_at: '2024-01-02T03:04:05Z' },
        weight: 0,
        delete_policies: [],
        output_log_policies: [],
      },
    ],
  };

  it('omits zero fields as helm 4 does', () => {
    expect(encodeReleaseJSON(base)).toBe(
      '{"name":"r","info":{"first_deployed":"2024-01-02T03:04:05.5+01:00","status":"deployed"},' +
        '"hooks":[{"name":"h","kind":"Job","path":"c/templates/h.yaml","manifest":"kind: Job","events":["pre-install"],' +
        '"last_run":{"started_at":"2024-01-02T03:04:05Z","phase":"Succeeded"}}],"version":2,"namespace":"ns"}',
    );
  });

  it('writes helm 3`s form: empty strings for zero times, always `deleted`', () => {
    const json = encodeReleaseJSON({ ...base, apply_method: 'ssa' }, { flavor: 'helm3' });
    expect(json).toContain('"info":{"first_deployed":"2024-01-02T03:04:05.5+01:00","last_deployed":"","deleted":""');
    expect(json).toContain('"last_run":{"started_at":"2024-01-02T03:04:05Z","completed_at":"","phase":"Succeeded"}');
    expect(json).not.toContain('apply_method');
  });

  it('reads helm 3`s empty times as zero', () => {
    const rel = decodeReleaseJSON(encodeReleaseJSON(base, { flavor: 'helm3' }));
    expect(rel.info).toEqual(base.info);
    expect(rel.hooks![0].last_run).toEqual(base.hooks![0].last_run);
    expect(encodeReleaseJSON(rel)).toBe(encodeReleaseJSON(base));
  });

  it('normalises timestamps as Go re-marshals them', () => {
    const rel = decodeReleaseJSON(
      '{"name":"r","info":{"first_deployed":"2024-01-02T03:04:05.500000+00:00","deleted":"0001-01-01T00:00:00Z"}}',
    );
    expect(rel.info).toEqual({ first_deployed: '2024-01-02T03:04:05.5Z' });
  });

  it('writes chart nil fields as null and the zero schema time', () => {
    const json = encodeReleaseJSON({
      name: 'r',
      version: 1,
      chart: { metadata: null, lock: null, templates: [], values: null, schema: null, files: null },
    });
    expect(json).toBe(
      '{"name":"r","chart":{"metadata":null,"lock":null,"templates":[],"values":null,"schema":null,' +
        '"schemamodtime":"0001-01-01T00:00:00Z","files":null},"version":1}',
    );
  });

  it('writes a lock with its generation time and dependencies', () => {
    const json = encodeReleaseJSON({
      name: 'r',
      version: 1,
      chart: {
        metadata: {
          name: 'c',
          dependencies: [{ name: 'sub', repository: '', enabled: true, 'import-values': [jsonToValue({ a: 1 })] }],
        },
        lock: { digest: 'sha256:x', dependencies: [{ name: 'sub', version: '1.0.0', repository: 'file://x' }] },
        templates: null,
        values: new Map(),
        schema: new Uint8Array([1, 2]),
        files: null,
      },
    });
    expect(json).toContain(
      '"metadata":{"name":"c","dependencies":[{"name":"sub","repository":"","enabled":true,"import-values":[{"a":1}]}]}',
    );
    expect(json).toContain(
      '"lock":{"generated":"0001-01-01T00:00:00Z","digest":"sha256:x","dependencies":[{"name":"sub","version":"1.0.0","repository":"file://x"}]}',
    );
    expect(json).toContain('"values":{},"schema":"AQI="');
  });

  it('matches fields case-insensitively, as Go`s json does', () => {
    const rel = decodeReleaseJSON('{"NAME":"x","Version":3,"Info":{"Status":"failed"}}');
    expect(rel).toEqual({ name: 'x', version: 3, info: { status: 'failed' } });
  });

  it('reports fields of the wrong type with Go`s message', () => {
    expect(() => decodeReleaseJSON('{"name":"x","version":"1"}')).toThrow(
      new RecordDecodeError('json: cannot unmarshal string into Go struct field Release.version of type int'),
    );
    expect(() => decodeReleaseJSON('{"hooks":[{"weight":1.5}]}')).toThrow(
      /number 1.5 into Go struct field Hook.weight/,
    );
    expect(() => decodeReleaseJSON('[]')).toThrow(RecordDecodeError);
    expect(() => decodeReleaseJSON('{')).toThrow(RecordDecodeError);
  });

  it('rejects malformed record data', () => {
    expect(() => decodeRecordData('not base64!')).toThrow(RecordDecodeError);
    const badGzip = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08]), Buffer.from('garbage')]).toString('base64');
    expect(() => decodeRecordData(badGzip)).toThrow(/not valid gzip/);
    const gz = gzipSync(Buffer.from('{"name":"z","version":1}')).toString('base64');
    expect(decodeRecordData(gz)).toEqual({ name: 'z', version: 1 });
  });

  it('keeps config integers exact when encoding, and reads them back as float64 (as Go does)', () => {
    const config: GoMap = new Map([['big', goInt64(12345678901234567n)]]);
    const json = encodeReleaseJSON({ name: 'r', version: 1, config });
    expect(json).toBe('{"name":"r","config":{"big":12345678901234567},"version":1}');
    const back = decodeReleaseJSON(json).config!.get('big');
    expect(back).toBe(12345678901234568);
    expect(back instanceof GoInt).toBe(false);
  });

  it('handles large records (megabytes of manifest and chart files)', () => {
    const big = 'x: "0123456789"\n'.repeat(400_000);
    const rel: Release = {
      name: 'big',
      version: 1,
      manifest: big,
      chart: {
        metadata: { name: 'big' },
        lock: null,
        templates: [{ name: 'templates/a.yaml', data: new Uint8Array(Buffer.from(big)) }],
        values: null,
        schema: null,
        files: null,
      },
    };
    const back = decodeRecordData(encodeRecordData(rel));
    expect(back.manifest).toBe(big);
    expect(Buffer.from(back.chart!.templates![0].data!).toString()).toBe(big);
  });

  it('names records as helm does', () => {
    expect(recordKey('my-app', 12)).toBe('sh.helm.release.v1.my-app.v12');
  });
});

describe('Go JSON encoding of values', () => {
  it('matches helm`s output for escapes, -0, exponents and key order', () => {
    // helm 4.1.4, `install --dry-run=client -o json` with these --set-json values.
    const v = jsonToValue({
      x: '\b\f\u0001<>&\u2028\u007f é 𝄞',
      y: -0,
      z: { é: 1, z: 2, a: 3, ﬀ: 4, '𝄞': 5 },
      w: 1e-7,
    });
    expect(encodeValue(v)).toBe(
      '{"w":1e-7,"x":"\\b\\f\\u0001\\u003c\\u003e\\u0026\\u2028\u007f é 𝄞","y":-0,"z":{"a":3,"z":2,"é":1,"ﬀ":4,"𝄞":5}}',
    );
  });

  it('writes lone surrogates (invalid UTF-8 to Go) as the escape \\ufffd, as encoding/json does, and keeps pairs', () => {
    expect(quote('a\ud800b\udc00c😀')).toBe('"a\\ufffdb\\ufffdc😀"');
    expect(quote('tab\there "q" \\')).toBe('"tab\\there \\"q\\" \\\\"');
  });

  it('writes floats as Go does', () => {
    expect(encodeValue([1e21, 1e20, 123456789.5, 0.000001, 1.5e-7, 1000000])).toBe(
      '[1e+21,100000000000000000000,123456789.5,0.000001,1.5e-7,1000000]',
    );
    expect(() => encodeValue(Number.NaN)).toThrow('json: unsupported value: NaN');
  });

  it('writes bytes as base64 and ints exactly', () => {
    expect(encodeValue(new Map<string, never>())).toBe('{}');
    expect(encodeValue([new Uint8Array([104, 105]), goInt64(-9007199254740993n), null, true])).toBe(
      '["aGk=",-9007199254740993,null,true]',
    );
  });
});
