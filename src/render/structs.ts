// Go structs described by a table of fields, for Helm's own types that templates see as structs in helm 3
// (chart.Metadata, chart.Maintainer, chart.Dependency): Go field names for access and printing, JSON tags for
// toJson/toYaml.
import { type GoMap, GoStruct, isNil, NO_FIELD, type Value } from '../template/value.ts';

export interface StructField {
  /** Go field name (what templates use). */
  readonly go: string;
  /** JSON name from the field's tag; `omitempty` drops zero values. */
  readonly json: string;
  readonly omitempty?: boolean;
  readonly value: Value;
}

/** encoding/json's notion of an empty value for omitempty. */
export function isEmptyJSON(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === '' || v === 0) return true;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (v instanceof Map) return v.size === 0 || isNil(v);
  return false;
}

export class TableStruct extends GoStruct {
  private readonly byName: Map<string, StructField>;
  constructor(
    readonly goTypeName: string,
    private readonly fields: readonly StructField[],
    /** Fields promoted from embedded structs: reachable by name, not printed at this level. */
    private readonly promoted?: ReadonlyMap<string, Value>,
  ) {
    super();
    this.byName = new Map(fields.map((f) => [f.go, f]));
  }
  fieldNames(): readonly string[] {
    return this.fields.map((f) => f.go);
  }
  field(name: string): Value | typeof NO_FIELD {
    const f = this.byName.get(name);
    if (f) return f.value;
    if (this.promoted?.has(name)) return this.promoted.get(name);
    return NO_FIELD;
  }
  override jsonValue(): Value {
    const out: GoMap = new Map();
    for (const f of this.fields) {
      if (f.omitempty && isEmptyJSON(f.value)) continue;
      // An embedded struct without a tag has its fields inlined.
      if (f.json === '' && f.value instanceof GoStruct) {
        const inner = f.value.jsonValue();
        if (inner instanceof Map) for (const [k, v] of inner) out.set(k, v);
        continue;
      }
      out.set(f.json, f.value);
    }
    return out;
  }
}
