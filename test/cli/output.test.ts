// The CLI writes its output to file descriptors 1 and 2 synchronously (src/cli/fd-write.ts): all of it reaches a
// slow reader, and a reader that goes away ends the run as it ends helm's, without a stack trace.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = join(root, 'bin/bosun');

// A chart printing ~2 MB, far more than a pipe holds.
const chart = mkdtempSync(join(tmpdir(), 'bosun-output-'));
afterAll(() => rmSync(chart, { recursive: true, force: true }));
mkdirSync(join(chart, 'templates'));
writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: big\nversion: 0.1.0\n');
writeFileSync(
  join(chart, 'templates/big.yaml'),
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' +
    '{{- range $i := until 40000 }}\n  key{{ $i }}: "{{ repeat 40 "x" }}"\n{{- end }}\n',
);

interface Run {
  status: number | null;
  bytes: number;
  stderr: string;
}

/** Runs `bosun template` on the chart; stdout is read from `delayMs` on, and closed after `closeAfter` bytes. */
function run(opts: { delayMs?: number; closeAfter?: number }): Promise<Run> {
  return new Promise((done) => {
    const p = spawn(launcher, ['template', 'big', chart], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    p.stdout.pause();
    p.stdout.on('data', (d: Buffer) => {
      bytes += d.length;
      if (opts.closeAfter !== undefined && bytes >= opts.closeAfter) p.stdout.destroy();
    });
    setTimeout(() => p.stdout.resume(), opts.delayMs ?? 0);
    p.on('close', (status) => done({ status, bytes, stderr }));
  });
}

describe('CLI output', () => {
  it('reaches a reader that starts late, all of it', async () => {
    const r = await run({ delayMs: 300 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const line = `  key0: "${'x'.repeat(40)}"\n`.length; // keys 0-9; longer keys add a byte per digit
    expect(r.bytes).toBeGreaterThan(40000 * line);
  });

  it('ends quietly with status 141 when the reader goes away, as helm does (SIGPIPE)', async () => {
    const r = await run({ closeAfter: 1 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(141);
    expect(r.bytes).toBeLessThan(2_000_000);
  });
});
