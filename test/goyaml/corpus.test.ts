// Generated YAML and JSON inputs with the outputs helm 4.1.4 printed for them (fixtures/helm-corpus.json): every
// scanner/parser error text, resolution rule and emitter decision exercised there must come out byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GoCodecError,
  marshalJSON,
  marshalYaml,
  marshalYamlPretty,
  parseJSON,
  parseYaml,
} from '../../src/goyaml/index.ts';
import type { Value } from '../../src/template/value.ts';

interface Corpus {
  yaml: { in: string; toYaml: string; toJson: string; pretty?: string }[];
  json: { in: string; fromJsonToJson: string; fromJsonArrayToPrettyJson: string }[];
}

const corpus = JSON.parse(readFileSync(new URL('./fixtures/helm-corpus.json', import.meta.url), 'utf8')) as Corpus;

function orError<T extends Value>(f: () => T, wrap: (msg: string) => Value): Value {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof GoCodecError)) throw e;
    return wrap(e.message);
  }
}

const trimmed = (f: () => string) => {
  try {
    return f().replace(/\n$/, '');
  } catch (e) {
    if (!(e instanceof GoCodecError)) throw e;
    return '';
  }
};

describe('helm corpus: fromYaml | toYaml, toJson, toYamlPretty', () => {
  it(`matches helm on ${corpus.yaml.length} documents`, () => {
    const mismatches: string[] = [];
    for (const c of corpus.yaml) {
      const m = orError(
        () => parseYaml(c.in, { target: 'map' }),
        (msg) => new Map([['Error', msg]]),
      );
      const y = trimmed(() => marshalYaml(m));
      const j = trimmed(() => marshalJSON(m));
      if (y !== c.toYaml || j !== c.toJson) mismatches.push(JSON.stringify(c.in));
      if (c.pretty !== undefined && trimmed(() => marshalYamlPretty(m)) !== c.pretty) {
        mismatches.push(`pretty ${JSON.stringify(c.in)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('helm corpus: fromJson | toJson, fromJsonArray | toPrettyJson', () => {
  it(`matches helm on ${corpus.json.length} documents`, () => {
    const mismatches: string[] = [];
    for (const c of corpus.json) {
      const m = orError(
        () => parseJSON(c.in, { target: 'map' }),
        (msg) => new Map([['Error', msg]]),
      );
      const a = orError(
        () => parseJSON(c.in, { target: 'slice' }),
        (msg) => [msg],
      );
      if (trimmed(() => marshalJSON(m)) !== c.fromJsonToJson) mismatches.push(JSON.stringify(c.in));
      if (trimmed(() => marshalJSON(a, { indent: '  ' })) !== c.fromJsonArrayToPrettyJson) {
        mismatches.push(`array ${JSON.stringify(c.in)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
