// The YAML/JSON/TOML functions of Helm's function map (pkg/engine/funcs.go) and the JSON ones Sprig v3.3.0 keeps.
// Helm replaces Sprig's toJson, fromJson and (helm 4) mustToJson; mustToYaml exists in helm 4 only. Helm's
// functions swallow errors (an empty string, or an `Error` entry); the must* ones and Sprig's toRawJson fail the
// template with `error calling <name>: <Go error>`.

import {
  GoCodecError,
  isNilCollection,
  JSONRangeError,
  marshalJSON,
  marshalTOML,
  marshalYaml,
  marshalYamlPretty,
  parseJSON,
  parseTOML,
  parseYaml,
} from '../goyaml/index.ts';
import { GoError, type GoFunc, type GoMap, goFunc, T, type Value } from '../template/value.ts';

export interface SerializationOptions {
  /** Helm major version whose function map to build (default 4). */
  helm?: 3 | 4;
}

const trimNewline = (s: string) => (s.endsWith('\n') ? s.slice(0, -1) : s);

function codecMessage(e: unknown): string {
  if (e instanceof GoCodecError) return e.message;
  throw e;
}

function toYaml(v: Value): Value {
  try {
    return trimNewline(marshalYaml(v ?? null));
  } catch (e) {
    codecMessage(e);
    return '';
  }
}

function mustToYaml(v: Value): Value {
  try {
    return trimNewline(marshalYaml(v ?? null));
  } catch (e) {
    throw new GoError(codecMessage(e));
  }
}

function toYamlPretty(v: Value): Value {
  // go-yaml v3 panics (rather than failing) on types it cannot encode: the template call fails.
  try {
    return trimNewline(marshalYamlPretty(v ?? null));
  } catch (e) {
    throw new GoError(codecMessage(e));
  }
}

function fromYaml(s: Value): Value {
  try {
    return parseYaml(s as string, { target: 'map' });
  } catch (e) {
    return new Map([['Error', codecMessage(e)]]);
  }
}

function fromYamlArray(s: Value): Value {
  try {
    return parseYaml(s as string, { target: 'slice' });
  } catch (e) {
    return [codecMessage(e)];
  }
}

function toToml(v: Value): Value {
  // BurntSushi/toml's Encode dereferences the value before its own error handling: nil panics.
  if (v === null || v === undefined) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  try {
    return marshalTOML(v, { version: '1.6' });
  } catch (e) {
    return codecMessage(e);
  }
}

function toToml14(v: Value): Value {
  if (v === null || v === undefined) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  try {
    return marshalTOML(v, { version: '1.4' });
  } catch (e) {
    return codecMessage(e);
  }
}

function fromToml(s: Value): Value {
  try {
    return parseTOML(s as string);
  } catch (e) {
    return new Map([['Error', codecMessage(e)]]);
  }
}

function toJson(v: Value): Value {
  try {
    return marshalJSON(v ?? null);
  } catch (e) {
    codecMessage(e);
    return '';
  }
}

function mustToJson(v: Value): Value {
  try {
    return marshalJSON(v ?? null);
  } catch (e) {
    throw new GoError(codecMessage(e));
  }
}

function fromJson(s: Value): Value {
  try {
    return parseJSON(s as string, { target: 'map' });
  } catch (e) {
    // Go keeps what it decoded around a number out of range, and adds the error to it.
    const m: GoMap =
      e instanceof JSONRangeError && e.partial instanceof Map && !isNilCollection(e.partial) ? e.partial : new Map();
    m.set('Error', codecMessage(e));
    return m;
  }
}

function fromJsonArray(s: Value): Value {
  try {
    return parseJSON(s as string, { target: 'slice' });
  } catch (e) {
    return [codecMessage(e)];
  }
}

function toPrettyJson(v: Value): Value {
  try {
    return marshalJSON(v ?? null, { indent: '  ' });
  } catch (e) {
    codecMessage(e);
    return '';
  }
}

function mustToPrettyJson(v: Value): Value {
  try {
    return marshalJSON(v ?? null, { indent: '  ' });
  } catch (e) {
    throw new GoError(codecMessage(e));
  }
}

/** Sprig's toRawJson panics on error (v3.3.0); mustToRawJson returns it. Both fail the template the same way. */
function toRawJson(v: Value): Value {
  try {
    return marshalJSON(v ?? null, { escapeHTML: false });
  } catch (e) {
    throw new GoError(codecMessage(e));
  }
}

function mustFromJson(s: Value): Value {
  try {
    return parseJSON(s as string);
  } catch (e) {
    throw new GoError(codecMessage(e));
  }
}

/** The serialization functions of helm's function map, with Go's signatures. */
export function serializationFuncs(options?: SerializationOptions): GoFunc[] {
  const helm4 = (options?.helm ?? 4) === 4;
  const funcs: GoFunc[] = [
    goFunc('toYaml', [T.any], toYaml),
    goFunc('toYamlPretty', [T.any], toYamlPretty),
    goFunc('fromYaml', [T.string], fromYaml),
    goFunc('fromYamlArray', [T.string], fromYamlArray),
    goFunc('toToml', [T.any], helm4 ? toToml : toToml14),
    goFunc('fromToml', [T.string], fromToml),
    goFunc('toJson', [T.any], toJson),
    goFunc('mustToJson', [T.any], mustToJson),
    goFunc('fromJson', [T.string], fromJson),
    goFunc('fromJsonArray', [T.string], fromJsonArray),
    goFunc('toPrettyJson', [T.any], toPrettyJson),
    goFunc('mustToPrettyJson', [T.any], mustToPrettyJson),
    goFunc('toRawJson', [T.any], toRawJson),
    goFunc('mustToRawJson', [T.any], toRawJson),
    goFunc('mustFromJson', [T.string], mustFromJson),
  ];
  if (helm4) funcs.push(goFunc('mustToYaml', [T.any], mustToYaml));
  return funcs;
}
