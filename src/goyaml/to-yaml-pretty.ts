// Helm's toYamlPretty: go-yaml v3's Encoder with SetIndent(2) on the Go value itself (no JSON round trip):
// float64 printed with %g (`1e+06`), []byte as a list of numbers, sequences indented under their key, no line
// folding, v3's quoting (the YAML 1.1 words y/yes/on/... still quoted).

import { GoInt, GoStruct, typeOf, type Value } from '../template/value.ts';
import { Emitter, SCALAR_DOUBLE, SCALAR_LITERAL, SCALAR_PLAIN, type YNode } from './emitter.ts';
import { GoCodecError } from './errors.ts';
import { formatFloatG } from './gofloat.ts';
import { GoTime } from './gotime.ts';
import { isBase60Float, isOldBool, R, resolve } from './resolve.ts';
import { sortYamlKeys } from './to-yaml.ts';

function plain(value: string): YNode {
  return { kind: 'scalar', value, style: SCALAR_PLAIN };
}

/** go-yaml v3's encoder.stringv. */
function stringNode(s: string): YNode {
  const canUsePlain = resolve('', s, true).kind === R.STR && !isBase60Float(s) && !isOldBool(s);
  const style = s.indexOf('\n') >= 0 ? SCALAR_LITERAL : canUsePlain ? SCALAR_PLAIN : SCALAR_DOUBLE;
  return { kind: 'scalar', value: s, style };
}

function floatText(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf';
  return formatFloatG(f);
}

function node(v: Value): YNode {
  if (v === null || v === undefined) return plain('null');
  switch (typeof v) {
    case 'string':
      return stringNode(v);
    case 'boolean':
      return plain(v ? 'true' : 'false');
    case 'number':
      return plain(floatText(v));
  }
  if (v instanceof GoInt) return plain(v.value.toString());
  if (v instanceof Uint8Array) return { kind: 'seq', items: Array.from(v, (b) => plain(String(b))) };
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(node) };
  if (v instanceof Map) {
    const keys = sortYamlKeys([...v.keys()], true);
    return { kind: 'map', pairs: keys.map((k) => [stringNode(k), node(v.get(k))]) };
  }
  if (v instanceof GoTime) return plain(v.rfc3339Nano());
  if (v instanceof GoStruct) {
    // Without yaml tags go-yaml v3 names fields in lower case, in declaration order.
    const pairs: [YNode, YNode][] = [];
    for (const f of v.fieldNames()) {
      const x = v.field(f);
      if (typeof x !== 'symbol') pairs.push([stringNode(f.toLowerCase()), node(x)]);
    }
    return { kind: 'map', pairs };
  }
  throw new GoCodecError(`cannot marshal type: ${typeOf(v)}`);
}

/** yaml.v3 Encoder{indent 2}.Encode(v): the document text, ending in a newline. */
export function marshalYamlPretty(v: Value): string {
  return new Emitter({ indent: 2, width: Number.POSITIVE_INFINITY, indentlessSequences: false, v3Tabs: true }).document(
    node(v),
  );
}
