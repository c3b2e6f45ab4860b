// Chart.lock (requirements.lock for v1 charts) as helm writes it: sigs.k8s.io/yaml of chart.Lock — dependencies
// with name, repository and version, the digest, and `generated` as Go's RFC 3339 time with nanoseconds — and
// the digest itself (resolver.HashReq: sha256 of the JSON of the requested and the locked dependencies).
import { createHash } from 'node:crypto';
import type { ChartDependency, ChartLock } from '../chart/model.ts';
import { marshalJSON, marshalYaml, quoteJSON } from '../goyaml/index.ts';
import type { GoMap, Value } from '../template/value.ts';

/** encoding/json of a *chart.Dependency (field order and omitempty as its tags say); null for a nil entry. */
export function dependencyJSON(d: ChartDependency | null): string {
  if (d === null) return 'null';
  let out = `{"name":${quoteJSON(d.name)}`;
  if (d.version !== '') out += `,"version":${quoteJSON(d.version)}`;
  out += `,"repository":${quoteJSON(d.repository)}`;
  if (d.condition !== '') out += `,"condition":${quoteJSON(d.condition)}`;
  if (d.tags.length > 0) out += `,"tags":[${d.tags.map((t) => quoteJSON(t)).join(',')}]`;
  if (d.enabled) out += ',"enabled":true';
  if (d.importValues.length > 0) out += `,"import-values":${marshalJSON(d.importValues)}`;
  if (d.alias !== '') out += `,"alias":${quoteJSON(d.alias)}`;
  return `${out}}`;
}

/** resolver.HashReq(req, lock). */
export function hashReq(req: readonly (ChartDependency | null)[], locked: readonly (ChartDependency | null)[]): string {
  const list = (ds: readonly (ChartDependency | null)[]) => `[${ds.map(dependencyJSON).join(',')}]`;
  const data = `[${list(req)},${list(locked)}]`;
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** resolver.HashV2Req: Helm 2's digest of requirements.yaml. */
export function hashV2Req(req: readonly (ChartDependency | null)[]): string {
  const data = `{"dependencies":[${req.map(dependencyJSON).join(',')}]}`;
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function dependencyMap(d: ChartDependency | null): Value {
  if (d === null) return null;
  const m: GoMap = new Map<string, Value>([['name', d.name]]);
  if (d.version !== '') m.set('version', d.version);
  m.set('repository', d.repository);
  if (d.condition !== '') m.set('condition', d.condition);
  if (d.tags.length > 0) m.set('tags', [...d.tags]);
  if (d.enabled) m.set('enabled', true);
  if (d.importValues.length > 0) m.set('import-values', [...d.importValues]);
  if (d.alias !== '') m.set('alias', d.alias);
  return m;
}

/** The lock file's text. */
export function lockYaml(lock: ChartLock): string {
  return marshalYaml(
    new Map<string, Value>([
      ['generated', lock.generated],
      ['digest', lock.digest],
      ['dependencies', lock.dependencies.map(dependencyMap)],
    ]),
  );
}

/** Go's time.Now() as encoding/json writes it (RFC 3339 with nanoseconds, trailing zeros dropped). */
export function goNowRFC3339(nowNanos: bigint, date = new Date(Number(nowNanos / 1_000_000n))): string {
  const offsetMin = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMin * 60_000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const ns = (nowNanos % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  const zone =
    offsetMin === 0
      ? 'Z'
      : `${offsetMin > 0 ? '+' : '-'}${p2(Math.floor(Math.abs(offsetMin) / 60))}:${p2(Math.abs(offsetMin) % 60)}`;
  return `${local.getUTCFullYear()}-${p2(local.getUTCMonth() + 1)}-${p2(local.getUTCDate())}T${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}:${p2(local.getUTCSeconds())}${ns ? `.${ns}` : ''}${zone}`;
}
