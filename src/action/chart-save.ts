// helm's chartutil.Save: a loaded chart written as `<name>-<version>.tgz` — Chart.yaml re-marshalled from the
// metadata (without a v1 chart's dependencies), Chart.lock (v2), values.yaml as read, values.schema.json,
// templates, other files, then each subchart under charts/<name>/, recursively. Tar headers are written here
// (ustar, with a PAX record for long names, as Go's archive/tar does) so the archive is built in memory.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ChartError } from '../chart/errors.ts';
import { validateMetadata } from '../chart/metadata.ts';
import { type Chart, copyMetadata } from '../chart/model.ts';
import { marshalYaml } from '../goyaml/index.ts';
import type { HelmDialect } from '../render/dialect.ts';
import { metadataJSON } from '../render/objects.ts';
import { goFileError } from '../values/fs.ts';
import { lockYaml } from './lockfile.ts';

interface Entry {
  name: string;
  data: Uint8Array;
}

const encoder = new TextEncoder();

/** The files helm's writeTarContents writes for a chart, under `prefix`. */
function chartEntries(c: Chart, prefix: string, out: Entry[]): void {
  const name = c.name;
  if (name.includes('/') || name === '.' || name === '..' || name === '') {
    throw new ChartError(`chart name "${name}" is invalid`);
  }
  const base = prefix === '' ? name : `${prefix}/${name}`;
  const md = copyMetadata(c.metadata);
  if (md.apiVersion === 'v1') md.dependencies = undefined;
  out.push({ name: `${base}/Chart.yaml`, data: encoder.encode(marshalYaml(metadataJSON(md))) });
  if (c.metadata.apiVersion === 'v2' && c.lock) {
    out.push({ name: `${base}/Chart.lock`, data: encoder.encode(lockYaml(c.lock)) });
  }
  for (const f of c.raw) if (f.name === 'values.yaml') out.push({ name: `${base}/values.yaml`, data: f.data });
  if (c.schema !== undefined) {
    try {
      JSON.parse(new TextDecoder().decode(c.schema));
    } catch {
      throw new ChartError('invalid JSON in values.schema.json');
    }
    out.push({ name: `${base}/values.schema.json`, data: c.schema });
  }
  for (const f of c.templates) out.push({ name: `${base}/${f.name}`, data: f.data });
  for (const f of c.files) out.push({ name: `${base}/${f.name}`, data: f.data });
  for (const d of c.dependencies) chartEntries(d, `${base}/charts`, out);
}

/** Saves the chart into outDir as helm does; returns the archive's path. */
export function saveChart(chart: Chart, outDir: string, dialect: HelmDialect = 'helm4'): string {
  try {
    validateMetadata(copyMetadata(chart.metadata), dialect);
  } catch (e) {
    throw new ChartError(`chart validation: ${(e as Error).message}`);
  }
  const file = join(outDir, `${chart.name}-${chart.metadata.version}.tgz`);
  // helm's chartutil.Save, with its (Go) messages.
  const dir = dirname(file);
  try {
    if (!statSync(dir).isDirectory()) throw new ChartError(`is not a directory: ${dir}`);
  } catch (e) {
    if (e instanceof ChartError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new ChartError(`stat ${dir}: ${goFileError('stat', dir, e)}`);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new ChartError(goFileError('mkdir', (err as NodeJS.ErrnoException).path ?? dir, err));
    }
  }
  const entries: Entry[] = [];
  chartEntries(chart, '', entries);
  try {
    writeFileSync(file, tarGz(entries));
  } catch (e) {
    throw new ChartError(goFileError('open', file, e));
  }
  return file;
}

// ---- tar ---------------------------------------------------------------------------------------------

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: number, type = '0'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(mtime, 12), 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function pad(n: number): Buffer {
  return Buffer.alloc((512 - (n % 512)) % 512);
}

/** A PAX record `<len> path=<name>\n`, whose length counts itself. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const n = Buffer.byteLength(body);
  let size = n + 1;
  while (String(size).length + n !== size) size = String(size).length + n;
  return Buffer.from(`${size}${body}`);
}

function tarGz(entries: readonly Entry[]): Buffer {
  const mtime = Math.floor(Date.now() / 1000);
  const parts: Buffer[] = [];
  for (const e of entries) {
    if (Buffer.byteLength(e.name) > 100) {
      const rec = paxRecord('path', e.name);
      parts.push(header('PaxHeaders/long-name', rec.length, mtime, 'x'), rec, pad(rec.length));
    }
    parts.push(header(e.name, e.data.length, mtime), Buffer.from(e.data), pad(e.data.length));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}
