#!/usr/bin/env node
// Regenerates test/golden/lint-validators.json: which maintainer emails and URLs, sources and icons helm lint
// accepts (govalidator's IsEmail, IsURL and IsRequestURL over Go's net/url), asked of the real helm 4 and 3
// one chart at a time. test/action/lint-validators.test.ts checks bosun's validators against it.
//   node scripts/gen-lint-validators.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const oracleDir = process.env.BOSUN_ORACLE_DIR || join(process.env.HOME, '.cache/bosun-oracle');
const emails = [
  'a@b.co',
  'ann@example.com',
  'notanemail',
  'a@b',
  'a.b@c.d.e',
  'a+b@x.io',
  '"quoted"@x.io',
  'a@-b.com',
  'a@b.c-',
  'ünï@cödé.de',
  'A@B.COM',
  'a..b@c.com',
  '.a@b.com',
  'a@b..com',
  'a b@c.com',
  'a@b.com.',
];
const urls = [
  'https://example.com',
  'example.com',
  'http://localhost',
  'localhost',
  'ftp://x.io/a',
  'x',
  'http://1.2.3.4:8080/p?q=1#f',
  'http://[::1]/',
  'http://exa mple.com',
  'https://example.com:99999',
  'mailto:a@b.c',
  'example.com/path',
  'http://ex_ample.com',
  '//example.com',
  'http://user:pw@host.com',
  'https://ünï.de',
  '.example.com',
  'http://-x.com',
  'a:b',
  'http://x.com/%zz',
  'https://x.com/a b',
];
const requests = [
  'https://example.com',
  'http://x',
  'example.com',
  '/path',
  'mailto:a',
  'http://ex ample.com',
  'https://x.com/%zz',
  'http://[::1',
  'http://h:80a/',
  '1http://x',
  'a:b',
  '*',
  'http://%41.com',
  'foo',
  'https://x.com/?q',
  'git+ssh://git@github.com/x.git',
  'http://a@b@c/',
  'http://x.com#frag',
];

const y = (s) => JSON.stringify(s);
function accepted(helm, chartYaml, needle) {
  const dir = mkdtempSync(join(tmpdir(), 'bosun-validators-'));
  try {
    mkdirSync(join(dir, 'c', 'templates'), { recursive: true });
    writeFileSync(join(dir, 'c', 'Chart.yaml'), chartYaml);
    const r = spawnSync(join(oracleDir, helm), ['lint', join(dir, 'c')], { encoding: 'utf8' });
    return !r.stdout.includes(needle);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const base = 'apiVersion: v2\nname: c\nversion: 1.0.0\n';
const out = { email: {}, url: {}, source: {}, icon: {} };
for (const helm of ['helm4', 'helm3']) {
  for (const e of emails) {
    (out.email[e] ??= {})[helm] = accepted(helm, `${base}maintainers:\n- name: m\n  email: ${y(e)}\n`, 'invalid email');
  }
  for (const u of urls) {
    (out.url[u] ??= {})[helm] = accepted(helm, `${base}maintainers:\n- name: m\n  url: ${y(u)}\n`, 'invalid url');
  }
  for (const u of requests) {
    (out.source[u] ??= {})[helm] = accepted(helm, `${base}sources:\n- ${y(u)}\n`, 'invalid source URL');
    (out.icon[u] ??= {})[helm] = accepted(helm, `${base}icon: ${y(u)}\n`, 'invalid icon URL');
  }
}
writeFileSync(new URL('../test/golden/lint-validators.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(
  'recorded',
  Object.values(out).reduce((n, m) => n + Object.keys(m).length, 0),
  'inputs',
);
