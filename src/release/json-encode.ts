// A Release as helm's json.Marshal writes it: fields in Go's declaration order, Go's omitempty/omitzero rules,
// Go's string escapes, map keys in byte order (helm 4.1.4's pkg/release/v1 and pkg/chart/v2 structs; helm 3.17.2's
// on request).

import { fromJS, type GoMap } from '../template/value.ts';
import { base64, quote, writeMap, writeStringMap, writeValue } from './gojson.ts';
import type { Chart, ChartFile, Dependency, Hook, Info, Lock, Maintainer, Metadata, Release } from './model.ts';
import { GO_ZERO_TIME, type Timestamp } from './time.ts';

/**
 * Which helm's JSON to write. `helm4` (the default) is helm 4.1.4's; `helm3` is helm 3.17.2's, which writes `""`
 * for zero timestamps, always writes `info.deleted`, and lacks `apply_method`, `output_log_policies` and the
 * chart's mod times. Both helms read either form.
 */
export type RecordFlavor = 'helm4' | 'helm3';

export interface EncodeOptions {
  flavor?: RecordFlavor;
}

/** The release as helm's json.Marshal writes it. */
export function encodeReleaseJSON(rel: Release, opts: EncodeOptions = {}): string {
  const w = new Writer(opts.flavor ?? 'helm4');
  w.release(rel);
  return w.out.join('');
}

class Writer {
  readonly out: string[] = [];
  private first = true;
  constructor(readonly flavor: RecordFlavor) {}

  private open(): boolean {
    const outer = this.first;
    this.out.push('{');
    this.first = true;
    return outer;
  }

  private close(outer: boolean): void {
    this.out.push('}');
    this.first = outer;
  }

  private key(name: string): void {
    this.out.push(this.first ? `"${name}":` : `,"${name}":`);
    this.first = false;
  }

  private str(name: string, v: string | undefined, omitEmpty = true): void {
    if (omitEmpty && !v) return;
    this.key(name);
    this.out.push(quote(v ?? ''));
  }

  private int(name: string, v: number | undefined): void {
    if (!v) return;
    this.key(name);
    this.out.push(String(v));
  }

  private strings(name: string, v: readonly string[] | undefined): void {
    if (!v || v.length === 0) return;
    this.key(name);
    this.out.push('[', v.map(quote).join(','), ']');
  }

  /** A time.Time field: `omitzero` in helm 4; in helm 3, helm's own time type writes `""` for zero. */
  private time(name: string, v: Timestamp | undefined, helm3Always: boolean): void {
    if (v === undefined) {
      if (this.flavor === 'helm3' && helm3Always) {
        this.key(name);
        this.out.push('""');
      }
      return;
    }
    this.key(name);
    this.out.push(quote(v));
  }

  private bytes(v: Uint8Array | null): void {
    this.out.push(v === null ? 'null' : `"${base64(v)}"`);
  }

  release(r: Release): void {
    const o = this.open();
    this.str('name', r.name);
    if (r.info) {
      this.key('info');
      this.info(r.info);
    }
    if (r.chart) {
      this.key('chart');
      this.chart(r.chart);
    }
    if (r.config && r.config.size > 0) {
      this.key('config');
      writeMap(r.config, this.out);
    }
    this.str('manifest', r.manifest);
    if (r.hooks && r.hooks.length > 0) {
      this.key('hooks');
      this.out.push('[');
      r.hooks.forEach((h, i) => {
        if (i > 0) this.out.push(',');
        this.hook(h);
      });
      this.out.push(']');
    }
    this.int('version', r.version);
    this.str('namespace', r.namespace);
    if (this.flavor === 'helm4') this.str('apply_method', r.apply_method);
    this.close(o);
  }

  private info(i: Info): void {
    const o = this.open();
    // helm 3: `first_deployed`/`last_deployed` have omitempty, which never omits a struct; `deleted` has none.
    this.time('first_deployed', i.first_deployed, true);
    this.time('last_deployed', i.last_deployed, true);
    this.time('deleted', i.deleted, true);
    this.str('description', i.description);
    this.str('status', i.status);
    this.str('notes', i.notes);
    if (i.resources && Object.keys(i.resources).length > 0) {
      this.key('resources');
      const m: GoMap = new Map();
      for (const [k, objs] of Object.entries(i.resources))
        m.set(
          k,
          objs.map((x) => fromJS(x)),
        );
      writeMap(m, this.out);
    }
    this.close(o);
  }

  private hook(h: Hook): void {
    const o = this.open();
    this.str('name', h.name);
    this.str('kind', h.kind);
    this.str('path', h.path);
    this.str('manifest', h.manifest);
    this.strings('events', h.events);
    this.key('last_run');
    const lo = this.open();
    this.time('started_at', h.last_run.started_at, true);
    this.time('completed_at', h.last_run.completed_at, true);
    this.key('phase');
    this.out.push(quote(h.last_run.phase));
    this.close(lo);
    this.int('weight', h.weight);
    this.strings('delete_policies', h.delete_policies);
    if (this.flavor === 'helm4') this.strings('output_log_policies', h.output_log_policies);
    this.close(o);
  }

  private chart(c: Chart): void {
    const o = this.open();
    this.key('metadata');
    if (c.metadata) this.metadata(c.metadata);
    else this.out.push('null');
    this.key('lock');
    if (c.lock) this.lock(c.lock);
    else this.out.push('null');
    this.key('templates');
    this.files(c.templates);
    this.key('values');
    if (c.values) writeMap(c.values, this.out);
    else this.out.push('null');
    this.key('schema');
    this.bytes(c.schema);
    if (this.flavor === 'helm4') {
      this.key('schemamodtime');
      this.out.push(quote(c.schemamodtime ?? GO_ZERO_TIME));
    }
    this.key('files');
    this.files(c.files);
    if (this.flavor === 'helm4') this.time('modtime', c.modtime, false);
    this.close(o);
  }

  private files(fs: ChartFile[] | null): void {
    if (fs === null) {
      this.out.push('null');
      return;
    }
    this.out.push('[');
    fs.forEach((f, i) => {
      if (i > 0) this.out.push(',');
      const o = this.open();
      this.str('name', f.name, false);
      this.key('data');
      this.bytes(f.data);
      if (this.flavor === 'helm4') this.time('modtime', f.modtime, false);
      this.close(o);
    });
    this.out.push(']');
  }

  private metadata(m: Metadata): void {
    const o = this.open();
    this.str('name', m.name);
    this.str('home', m.home);
    this.strings('sources', m.sources);
    this.str('version', m.version);
    this.str('description', m.description);
    this.strings('keywords', m.keywords);
    if (m.maintainers && m.maintainers.length > 0) {
      this.key('maintainers');
      this.list(m.maintainers, (x) => this.maintainer(x));
    }
    this.str('icon', m.icon);
    this.str('apiVersion', m.apiVersion);
    this.str('condition', m.condition);
    this.str('tags', m.tags);
    this.str('appVersion', m.appVersion);
    if (m.deprecated) {
      this.key('deprecated');
      this.out.push('true');
    }
    if (m.annotations && Object.keys(m.annotations).length > 0) {
      this.key('annotations');
      writeStringMap(m.annotations, this.out);
    }
    this.str('kubeVersion', m.kubeVersion);
    if (m.dependencies && m.dependencies.length > 0) {
      this.key('dependencies');
      this.list(m.dependencies, (d) => this.dependency(d));
    }
    this.str('type', m.type);
    this.close(o);
  }

  private list<T>(items: readonly (T | null)[], each: (x: T) => void): void {
    this.out.push('[');
    items.forEach((x, i) => {
      if (i > 0) this.out.push(',');
      if (x === null) this.out.push('null');
      else each(x);
    });
    this.out.push(']');
  }

  private maintainer(m: Maintainer): void {
    const o = this.open();
    this.str('name', m.name);
    this.str('email', m.email);
    this.str('url', m.url);
    this.close(o);
  }

  private dependency(d: Dependency): void {
    const o = this.open();
    this.str('name', d.name, false);
    this.str('version', d.version);
    this.str('repository', d.repository, false);
    this.str('condition', d.condition);
    this.strings('tags', d.tags);
    if (d.enabled) {
      this.key('enabled');
      this.out.push('true');
    }
    const iv = d['import-values'];
    if (iv && iv.length > 0) {
      this.key('import-values');
      writeValue(iv, this.out);
    }
    this.str('alias', d.alias);
    this.close(o);
  }

  private lock(l: Lock): void {
    const o = this.open();
    this.key('generated');
    this.out.push(quote(l.generated ?? GO_ZERO_TIME));
    this.str('digest', l.digest, false);
    this.key('dependencies');
    if (l.dependencies === null) this.out.push('null');
    else this.list(l.dependencies, (d) => this.dependency(d));
    this.close(o);
  }
}
