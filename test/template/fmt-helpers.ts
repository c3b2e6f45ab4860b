// Test doubles for the fmt tests: structs as Helm exposes them.
import { GoStruct, NO_FIELD, type Value } from '../../src/template/value.ts';

/** A struct with fields in declaration order and an optional String() method. */
export class TestStruct extends GoStruct {
  constructor(
    readonly goTypeName: string,
    private readonly fields: ReadonlyArray<readonly [string, Value]>,
    stringer?: () => string,
  ) {
    super();
    if (stringer) this.goString = stringer;
  }
  fieldNames(): readonly string[] {
    return this.fields.map(([k]) => k);
  }
  field(name: string): Value | typeof NO_FIELD {
    const f = this.fields.find(([k]) => k === name);
    return f ? f[1] : NO_FIELD;
  }
}

/** A Go map from entries. */
export function m(...entries: Array<readonly [string, Value]>): Map<string, Value> {
  return new Map(entries);
}
