// helm lint's Chart.yaml rules (pkg/chart/v2/lint/rules/chartfile.go): the file parses (strictly too, in helm 4),
// version and appVersion are strings, name, apiVersion, version (SemVer, and SemVer 2 in helm 4), maintainers,
// sources, icon, type and dependencies are valid for the apiVersion.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeMetadata, formatFloat32G } from '../chart/metadata.ts';
import {
  type ChartMetadata,
  DEPENDENCY_JSON_FIELDS,
  MAINTAINER_JSON_FIELDS,
  METADATA_JSON_FIELDS,
} from '../chart/model.ts';
import { basePath } from '../funcs/paths.ts';
import { parseConstraint } from '../funcs/semver-constraint.ts';
import { parseVersion, SEMVER_V33, SEMVER_V34, SemverError } from '../funcs/semver-version.ts';
import { composeFirstDocument, N, type Node } from '../goyaml/compose.ts';
import { Decoder } from '../goyaml/decode.ts';
import { GoCodecError, parseYaml, parseYamlInts } from '../goyaml/index.ts';
import { quote } from '../template/fmt.ts';
import { GoInt, type Value } from '../template/value.ts';
import { goFileError } from '../values/fs.ts';
import { ERROR, errorText, INFO, type Linter, WARNING } from './lint-support.ts';
import { isEmail, isRequestURL, isURL } from './lint-validators.ts';

const FILE = 'Chart.yaml';

export function lintChartfile(linter: Linter): void {
  const { chartDir, dialect } = linter.ctx;
  const path = join(chartDir, FILE);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    isDir = false;
  }
  linter.rule(ERROR, FILE, isDir ? 'should be a file, not a directory' : undefined);

  let text: string;
  let md: ChartMetadata;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    linter.rule(ERROR, FILE, `unable to parse YAML\n\t${goFileError('read', path, e)}`);
    return;
  }
  try {
    md = decodeMetadata(parseYamlInts(text), dialect);
  } catch (e) {
    linter.rule(ERROR, FILE, `unable to parse YAML\n\t${errorText(e)}`);
    return;
  }
  if (dialect === 'helm4') {
    const strict = strictProblem(text);
    linter.rule(WARNING, FILE, strict && `failed to strictly parse chart metadata file\n\t${strict}`);
  }
  let typed: Value = null;
  try {
    typed = parseYaml(text);
  } catch {
    typed = null;
  }

  linter.rule(ERROR, FILE, nameProblem(md));
  linter.rule(ERROR, FILE, apiVersionProblem(md));
  linter.rule(ERROR, FILE, stringTypeProblem(typed, 'version'));
  linter.rule(ERROR, FILE, versionProblem(md, dialect));
  linter.rule(ERROR, FILE, stringTypeProblem(typed, 'appVersion'));
  linter.rule(ERROR, FILE, maintainerProblem(md, dialect));
  linter.rule(
    ERROR,
    FILE,
    md.sources.find((s) => s === '' || !isRequestURL(s)) === undefined ? undefined : sourcesProblem(md),
  );
  linter.rule(INFO, FILE, md.icon === '' ? 'icon is recommended' : undefined);
  linter.rule(ERROR, FILE, md.icon !== '' && !isRequestURL(md.icon) ? `invalid icon URL '${md.icon}'` : undefined);
  linter.rule(
    ERROR,
    FILE,
    md.type !== '' && md.apiVersion !== 'v2'
      ? `chart type is not valid in apiVersion '${md.apiVersion}'. It is valid in apiVersion 'v2'`
      : undefined,
  );
  linter.rule(
    ERROR,
    FILE,
    (md.dependencies?.length ?? 0) > 0 && md.apiVersion !== 'v2'
      ? `dependencies are not valid in the Chart file with apiVersion '${md.apiVersion}'. They are valid in apiVersion 'v2'`
      : undefined,
  );
  if (dialect === 'helm4') {
    linter.rule(
      WARNING,
      FILE,
      isStrictSemver(md.version) ? undefined : `version '${md.version}' is not a valid SemVerV2`,
    );
  }
}

function nameProblem(md: ChartMetadata): string | undefined {
  if (md.name === '') return 'name is required';
  if (basePath(md.name) !== md.name) return `chart name ${quote(md.name)} is invalid`;
  return undefined;
}

function apiVersionProblem(md: ChartMetadata): string | undefined {
  if (md.apiVersion === '') return 'apiVersion is required. The value must be either "v1" or "v2"';
  if (md.apiVersion !== 'v1' && md.apiVersion !== 'v2') {
    return `apiVersion '${md.apiVersion}' is not valid. The value must be either "v1" or "v2"`;
  }
  return undefined;
}

/** Go's %T of what sigs.k8s.io/yaml decodes into map[string]interface{}. */
function goTypeName(v: Value): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (v instanceof Map) return 'map[string]interface {}';
  if (Array.isArray(v)) return '[]interface {}';
  return 'interface {}';
}

function stringTypeProblem(doc: Value, key: string): string | undefined {
  if (!(doc instanceof Map) || !doc.has(key)) return undefined;
  const type = goTypeName(doc.get(key));
  return type === 'string' ? undefined : `${key} should be of type string but it's of type ${type}`;
}

function versionProblem(md: ChartMetadata, dialect: 'helm4' | 'helm3'): string | undefined {
  if (md.version === '') return 'version is required';
  const d = dialect === 'helm4' ? SEMVER_V34 : SEMVER_V33;
  let v: ReturnType<typeof parseVersion>;
  try {
    v = parseVersion(md.version, d);
  } catch (e) {
    if (e instanceof SemverError) return `version '${md.version}' is not a valid SemVer`;
    throw e;
  }
  const r = parseConstraint('>0.0.0-0', d).validate(v);
  return !r.ok && r.reasons.length > 0 ? `version ${r.reasons[0]}` : undefined;
}

function maintainerProblem(md: ChartMetadata, dialect: 'helm4' | 'helm3'): string | undefined {
  for (const m of md.maintainers) {
    if (m === null) return dialect === 'helm4' ? 'a maintainer entry is empty' : 'each maintainer requires a name';
    if (m.name === '') return 'each maintainer requires a name';
    if (m.email !== '' && !isEmail(m.email)) return `invalid email '${m.email}' for maintainer '${m.name}'`;
    if (m.url !== '' && !isURL(m.url)) return `invalid url '${m.url}' for maintainer '${m.name}'`;
  }
  return undefined;
}

function sourcesProblem(md: ChartMetadata): string {
  const bad = md.sources.find((s) => s === '' || !isRequestURL(s)) ?? '';
  return `invalid source URL '${bad}'`;
}

const STRICT_NUM = /^(0|[1-9]\d*)$/;
const STRICT_IDENT = /^[0-9A-Za-z-]+$/;

/** Masterminds semver's StrictNewVersion (v3.4). */
function isStrictSemver(v: string): boolean {
  if (v === '') return false;
  const parts = v.split('.');
  if (parts.length < 3) return false;
  const head = parts.slice(0, 2);
  let rest = parts.slice(2).join('.');
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    const meta = rest.slice(plus + 1);
    rest = rest.slice(0, plus);
    if (!meta.split('.').every((p) => STRICT_IDENT.test(p))) return false;
  }
  const dash = rest.indexOf('-');
  if (dash >= 0) {
    const pre = rest.slice(dash + 1);
    rest = rest.slice(0, dash);
    for (const p of pre.split('.')) {
      if (!STRICT_IDENT.test(p)) return false;
      if (/^\d+$/.test(p) && p.length > 1 && p[0] === '0') return false;
    }
  }
  return [...head, rest].every((p) => STRICT_NUM.test(p) && BigInt(p) < 1n << 64n);
}

// ---- helm 4's strict parse: duplicate keys (go-yaml v2 strict), then unknown fields (DisallowUnknownFields) ----

const FIELDS: Record<string, readonly string[]> = {
  Metadata: METADATA_JSON_FIELDS,
  Maintainer: MAINTAINER_JSON_FIELDS,
  Dependency: DEPENDENCY_JSON_FIELDS,
};

function strictProblem(text: string): string | undefined {
  const dups: string[] = [];
  try {
    const root = composeFirstDocument(text);
    if (root) duplicateKeys(root, dups, new Decoder(false));
  } catch (e) {
    if (!(e instanceof GoCodecError)) throw e;
  }
  if (dups.length > 0) return `error converting YAML to JSON: yaml: unmarshal errors:\n  ${dups.join('\n  ')}`;
  const unknown = unknownField(parseYamlInts(text), 'Metadata');
  return unknown && `error unmarshaling JSON: while decoding JSON: json: unknown field ${quote(unknown)}`;
}

/** go-yaml v2's strict mapping decode: a key seen before in the same map is an error at its value's line. */
function duplicateKeys(n: Node, out: string[], d: Decoder): void {
  if (n.kind === N.DOCUMENT || n.kind === N.SEQUENCE) {
    for (const c of n.children) duplicateKeys(c, out, d);
    return;
  }
  if (n.kind === N.ALIAS) {
    if (n.alias) duplicateKeys(n.alias, out, d);
    return;
  }
  if (n.kind !== N.MAPPING) return;
  const seen = new Set<string>();
  for (let i = 0; i + 1 < n.children.length; i += 2) {
    const keyNode = n.children[i];
    const valueNode = n.children[i + 1];
    if (keyNode.kind === N.SCALAR && keyNode.value === '<<') continue;
    duplicateKeys(valueNode, out, d);
    const key = d.decode(keyNode, true);
    const id = keyIdentity(key);
    if (seen.has(id)) out.push(`line ${valueNode.line + 1}: key ${goSharpV(key)} already set in map`);
    seen.add(id);
  }
}

function keyIdentity(v: Value): string {
  if (v instanceof GoInt) return `i${v.value}`;
  return `${typeof v}:${String(v)}`;
}

function goSharpV(v: Value): string {
  if (typeof v === 'string') return quote(v);
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return formatFloat32G(v);
  return String(v);
}

/** The first key encoding/json would call an unknown field, in its visiting order (sorted keys, depth first). */
function unknownField(v: Value, struct: string): string | undefined {
  if (!(v instanceof Map)) return undefined;
  const fields = FIELDS[struct];
  for (const key of [...v.keys()].sort()) {
    const field = fields.find((f) => f === key) ?? fields.find((f) => f.toLowerCase() === key.toLowerCase());
    if (field === undefined) return key;
    const inner = v.get(key);
    const nested = field === 'maintainers' ? 'Maintainer' : field === 'dependencies' ? 'Dependency' : undefined;
    if (nested && Array.isArray(inner) && struct === 'Metadata') {
      for (const item of inner) {
        const u = unknownField(item, nested);
        if (u !== undefined) return u;
      }
    }
  }
  return undefined;
}
