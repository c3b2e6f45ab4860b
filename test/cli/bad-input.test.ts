// Bad input through the real CLI entry: bosun must answer with helm's error (exit code and text), never with a
// JavaScript error or a stack trace. Where helm's whole text cannot be compared (a recursion chain whose depth
// differs), the parts compared are quoted from what helm 4.1.4 and 3.17.2 printed for the same fixtures.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bosun, command, goldenCases } from './golden-cases.ts';

const JS_ERROR = /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack)\b|\n\s+at /;

describe('runaway recursion in templates', () => {
  for (const dialect of ['helm4', 'helm3'] as const) {
    const env: Record<string, string> = dialect === 'helm3' ? { BOSUN_HELM_COMPAT: '3' } : {};
    it(`an include that includes itself stops with helm's nested reference error (${dialect})`, () => {
      const r = bosun(['template', 'x', 'test/fixtures/charts/include-loop'], env);
      expect(r.status).toBe(1);
      expect(r.stderr).not.toMatch(JS_ERROR);
      expect(r.stderr).toMatch(
        /^Error: template: include-loop\/templates\/cm\.yaml:2:6: executing "include-loop\/templates\/cm\.yaml" at <include "loop" \.>: error calling include: template: include-loop\/templates\/cm\.yaml:1:23: executing "loop" at <include "loop" \.>: error calling include: /,
      );
      expect(r.stderr).toMatch(
        /executing "loop" at <include "loop" \.>: error calling include: rendering template has a nested reference name: loop: unable to execute template\n\nUse --debug flag to render out invalid YAML\n$/,
      );
    });

    it(`an include through tpl that includes itself stops the same way (${dialect})`, () => {
      const r = bosun(['template', 'x', 'test/fixtures/charts/tpl-include-loop'], env);
      expect(r.status).toBe(1);
      expect(r.stderr).not.toMatch(JS_ERROR);
      expect(r.stderr).toMatch(
        /error during tpl function execution for "\{\{ include \\"loop\\" \. \}\}": template: gotpl:1:3: executing "gotpl" at <include "loop" \.>: error calling include: rendering template has a nested reference name: loop: unable to execute template\n\nUse --debug flag to render out invalid YAML\n$/,
      );
    });
  }
});

describe('schemas whose $refs lead back to themselves', () => {
  // helm 4's messages are golden cases (test/golden/charts.yaml, schema-ref-cycle*); helm 3 itself dies of a Go
  // stack overflow on them, so bosun only has to say what is wrong.
  it('are reported, not a RangeError, with --helm-compat 3', () => {
    for (const chart of ['schema-ref-cycle', 'schema-ref-cycles']) {
      const r = bosun(['template', 'x', `test/fixtures/charts/${chart}`], { BOSUN_HELM_COMPAT: '3' });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `Error: values don't meet the specifications of the schema(s) in the following chart(s):\n${chart}:\n- (root): the schema's $ref chain leads back to itself (reference cycle)\n\n`,
      );
    }
  });
});

describe('a damaged release record in the local state', () => {
  // helm's drivers leave out records they cannot decode (and log it only with --debug); bosun leaves them out too,
  // says so on stderr, and never deletes them: the other revisions and releases work as before.
  it('is reported and kept, and the other records stay usable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bosun-bad-record-'));
    try {
      const env = { BOSUN_LOCAL_DIR: dir, KUBECONFIG: '/nonexistent', NO_COLOR: '1' };
      for (const args of [
        ['install', 'web', 'charts/demo', '--no-hooks'],
        ['upgrade', 'web', 'charts/demo', '--no-hooks'],
        ['install', 'api', 'charts/demo', '--no-hooks', '-n', 'other', '--create-namespace'],
      ]) {
        expect(bosun(args, env).status).toBe(0);
      }
      const file = join(dir, 'default/Secret/sh.helm.release.v1.web.v2.yaml');
      const damaged = readFileSync(file, 'utf8').replace(/^( {2}release: ).*$/m, '$1aGVsbG8=');
      writeFileSync(file, damaged);

      const history = bosun(['history', 'web'], env);
      expect(history.status).toBe(0);
      expect(history.stdout.split('\n').map((l) => l.split('\t')[0].trim())).toEqual(['REVISION', '1', '']);
      expect(history.stderr).toBe(
        'level=WARN msg="skipping release record sh.helm.release.v1.web.v2 in namespace default: get: failed to decode data \\"sh.helm.release.v1.web.v2\\": release record data is not valid base64"\n',
      );
      const list = bosun(['list', '-A', '-q'], env);
      expect(list.stdout).toBe('api\nweb\n');
      // The next revision would overwrite the damaged one: refused, and the record is still there.
      const upgrade = bosun(['upgrade', 'web', 'charts/demo', '--no-hooks'], env);
      expect(upgrade.status).toBe(1);
      expect(upgrade.stderr).not.toMatch(JS_ERROR);
      expect(readFileSync(file, 'utf8')).toBe(damaged);
      expect(bosun(['status', 'api', '-n', 'other'], env).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a state file that is not YAML', () => {
  it('is named in the error, once, and left as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bosun-bad-state-'));
    try {
      const env = { BOSUN_LOCAL_DIR: dir, KUBECONFIG: '/nonexistent', NO_COLOR: '1' };
      expect(bosun(['install', 'web', 'charts/demo', '--no-hooks'], env).status).toBe(0);
      const file = join(dir, 'default/Secret/sh.helm.release.v1.web.v1.yaml');
      writeFileSync(file, '{{{\n');
      const r = bosun(['history', 'web'], env);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `Error: ${file} is not valid YAML: Flow map in block collection must be sufficiently indented and end with a } at line 2, column 1 (local backend (state in ${dir}))\n`,
      );
      expect(readFileSync(file, 'utf8')).toBe('{{{\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

goldenCases('bosun package (CLI) against helm', command('package'));

describe('arguments and files that are not there', () => {
  it('an encrypted values file that does not exist is named as Go names it', () => {
    for (const args of [
      ['-f', 'secrets://nope.yaml'],
      ['--secrets', 'nope.yaml'],
    ]) {
      const r = bosun(['template', 'x', 'charts/demo', ...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('Error: open nope.yaml: no such file or directory\n');
    }
  });

  it('dependency commands refuse a second argument in cobra words (helm 4.1.4 prints the same with "helm")', () => {
    const r = bosun(['dependency', 'update', 'charts/demo', 'extra']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'Error: "bosun dependency update" accepts at most 1 argument\n\nUsage:  bosun dependency update CHART [flags]\n',
    );
  });
});

describe('files bosun cannot write', () => {
  it('a Chart.lock that is a directory is reported as Go reports it (helm 4.1.4: "open dep1/Chart.lock: is a directory")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bosun-lock-dir-'));
    try {
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub/Chart.yaml'), 'apiVersion: v2\nname: sub\nversion: 0.1.0\n');
      mkdirSync(join(dir, 'app/Chart.lock'), { recursive: true });
      writeFileSync(
        join(dir, 'app/Chart.yaml'),
        'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: sub\n    version: 0.1.0\n    repository: file://../sub\n',
      );
      const r = bosun(['dependency', 'update', join(dir, 'app')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`Error: open ${join(dir, 'app/Chart.lock')}: is a directory\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
