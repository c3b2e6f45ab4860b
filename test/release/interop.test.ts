// bosun and the real helm 4 reading and writing each other's release records. The fixtures were recorded by
// test/fixtures/release/record-interop.ts, which served a local backend's state to helm through a miniature API
// server: helm installed and upgraded the fixture chart into it; bosun stored a release that helm then listed,
// read and upgraded.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalBackend } from '../../src/backend/local/backend.ts';
import { yamlToObject } from '../../src/backend/local/yaml-io.ts';
import { encodeReleaseJSON } from '../../src/release/codec.ts';
import { encodeValue } from '../../src/release/gojson.ts';
import { Storage } from '../../src/release/storage.ts';
import type { GoMap } from '../../src/template/value.ts';
import { BOSUN_UNIX_NOW, bosunRelease } from '../fixtures/release/interop-release.ts';

const fx = fileURLToPath(new URL('../fixtures/release/', import.meta.url));
const temps: string[] = [];

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function storageOn(fixtureState?: string): { be: LocalBackend; storage: Storage } {
  const dir = mkdtempSync(join(tmpdir(), 'bosun-interop-'));
  temps.push(dir);
  if (fixtureState) cpSync(join(fx, fixtureState), dir, { recursive: true });
  const be = new LocalBackend({ dir, durable: false });
  return { be, storage: new Storage(be.releases, { namespace: 'demo', unixNow: () => BOSUN_UNIX_NOW }) };
}

/** The release JSON exactly as stored in a record Secret file. */
function recordJSON(file: string): string {
  const secret = yamlToObject(readFileSync(file, 'utf8'), file);
  const inner = Buffer.from((secret.data as Record<string, string>).release, 'base64').toString('utf8');
  return gunzipSync(Buffer.from(inner, 'base64')).toString('utf8');
}

describe('records written by helm', () => {
  const { storage } = storageOn('helm-state');

  it('read back with their history and statuses', async () => {
    const h = await storage.history('fixture');
    expect(h.map((r) => [r.version, r.info?.status, r.info?.description])).toEqual([
      [1, 'superseded', 'Install complete'],
      [2, 'deployed', 'Upgrade complete'],
    ]);
    expect((await storage.deployed('fixture')).version).toBe(2);
    const v2 = h[1].config as GoMap;
    expect(v2.get('count')).toBe(8);
    expect((v2.get('image') as GoMap).get('tag')).toBe('1.26');
    expect(h[0].hooks?.map((x) => x.name)).toEqual(['fixture-post', 'fixture-test', 'fixture-migrate']);
  });

  it('re-encode to the very bytes helm wrote', async () => {
    for (const v of [1, 2]) {
      const json = recordJSON(join(fx, `helm-state/demo/Secret/sh.helm.release.v1.fixture.v${v}.yaml`));
      expect(encodeReleaseJSON(await storage.get('fixture', v))).toBe(json);
    }
  });
});

describe('records written by bosun', () => {
  const rel = bosunRelease(fx);

  it('are still what helm was given (the recording holds for today`s encoder)', async () => {
    const { be, storage } = storageOn();
    await be.ensureNamespace('demo', { fieldManager: 't' });
    await storage.create(bosunRelease(fx));
    const ours = await be.releases.get('demo', 'sh.helm.release.v1.fixture.v1');
    const recorded = yamlToObject(
      readFileSync(join(fx, 'bosun-state/demo/Secret/sh.helm.release.v1.fixture.v1.yaml'), 'utf8'),
      'recorded',
    );
    expect(ours.labels).toEqual(recorded.metadata.labels);
    expect(gunzipSync(Buffer.from(ours.data, 'base64')).toString()).toBe(
      recordJSON(join(fx, 'bosun-state/demo/Secret/sh.helm.release.v1.fixture.v1.yaml')),
    );
  });

  it('are read by helm: history, values, manifest and notes', () => {
    const out = readFileSync(join(fx, 'helm-reads-bosun.out'), 'utf8');
    const section = (cmd: string) => {
      const start = out.indexOf(`$ helm ${cmd}\n`) + `$ helm ${cmd}\n`.length;
      const end = out.indexOf('$ helm ', start);
      return out.slice(start, end < 0 ? undefined : end);
    };
    expect(section('history fixture')).toMatch(
      /^1\s+\t.*\tdeployed\s*\tfixture-0\.3\.1\t1\.2\.3\s*\tInstall complete\s*$/m,
    );
    expect(section('get values fixture -o json')).toBe(`${encodeValue(rel.config)}\n`);
    expect(section('get manifest fixture')).toBe(`${rel.manifest}\n`);
    expect(section('get notes fixture')).toBe(`NOTES:\n${rel.info?.notes}\n`);
  });

  it('are upgraded by helm, which supersedes bosun`s revision and reuses its values', async () => {
    const { storage } = storageOn('helm-on-bosun');
    const [v1, v2] = await storage.history('fixture');
    expect(v1.info?.status).toBe('superseded');
    expect(v2.info).toMatchObject({ status: 'deployed', description: 'Upgrade complete' });
    expect(encodeValue(v2.config)).toBe(encodeValue(rel.config));
    expect(v2.chart?.metadata).toEqual(rel.chart?.metadata);
    const labels = yamlToObject(
      readFileSync(join(fx, 'helm-on-bosun/demo/Secret/sh.helm.release.v1.fixture.v1.yaml'), 'utf8'),
      'v1',
    ).metadata.labels;
    expect(labels).toMatchObject({ createdAt: String(BOSUN_UNIX_NOW), status: 'superseded', owner: 'helm' });
  });
});
