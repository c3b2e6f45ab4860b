import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SchemaValidationError } from '../../src/chart/errors.ts';
import { validateSchemas } from '../../src/chart/schema.ts';
import { xFloat, xInt } from '../../src/chart/schema-helm4.ts';
import { knownDifference } from '../golden/known.ts';
import { type GoldenCase, prepare } from './pipeline.ts';

const root = join(import.meta.dirname, '..', 'golden');
const cases = parse(readFileSync(join(root, 'cases', 'chart-schema.yaml'), 'utf8')) as GoldenCase[];
type Out = { out?: string; err?: string };
const expected = JSON.parse(readFileSync(join(root, 'expected', 'chart-schema.json'), 'utf8')) as Record<
  string,
  { helm4: Out; helm3: Out }
>;

describe('values.schema.json against helm (chart-schema goldens)', () => {
  for (const c of cases) {
    for (const dialect of ['helm4', 'helm3'] as const) {
      const test = knownDifference('chart-schema', c.name, dialect) === undefined ? it : it.fails;
      test(`${c.name} (${dialect})`, () => {
        const want = expected[c.name][dialect];
        const p = prepare(c, dialect);
        let msg: string | undefined;
        try {
          if (!p.skipSchema) validateSchemas(p.chart, p.values, { dialect });
        } catch (e) {
          expect(e).toBeInstanceOf(SchemaValidationError);
          msg = (e as Error).message;
        }
        if (want.err !== undefined) expect(msg?.trimEnd()).toBe(want.err);
        else expect(msg).toBeUndefined();
      });
    }
  }
});

describe('x/text number rendering (helm 4 schema messages)', () => {
  it('groups digits and writes exponents in superscript', () => {
    expect(xInt(1000)).toBe('1,000');
    expect(xInt(-1234567)).toBe('-1,234,567');
    expect(xInt(5)).toBe('5');
    expect(xFloat(12345.5)).toBe('12,345.5');
    expect(xFloat(1e6)).toBe('1×10⁰⁶');
    expect(xFloat(1234567)).toBe('1.234567×10⁰⁶');
    expect(xFloat(0.5)).toBe('0.5');
    expect(xFloat(1e-5)).toBe('1×10⁻⁰⁵');
  });
});

describe('schemas the walkers do not evaluate alone', () => {
  const withSchema = (schema: string, values: string) =>
    prepare({ name: 'ajv', tpl: 'x', values, files: { 'values.schema.json': schema } } as GoldenCase, 'helm4');
  it('lets ajv decide unevaluatedProperties and prints its errors in helm frame', () => {
    const p = withSchema('{"properties":{"a":{}},"unevaluatedProperties":false}', 'a: 1\nb: 2\n');
    expect(() => validateSchemas(p.chart, p.values)).toThrow(
      /^values don't meet the specifications of the schema\(s\) in the following chart\(s\):\nt:\n- at '': /,
    );
    const ok = withSchema('{"properties":{"a":{}},"unevaluatedProperties":false}', 'a: 1\n');
    expect(() => validateSchemas(ok.chart, ok.values)).not.toThrow();
  });
  it('ignores unknown keywords, as both libraries do', () => {
    const p = withSchema('{"properties":{"a":{"form":true,"sliderMin":1,"type":"string"}}}', 'a: x\n');
    expect(() => validateSchemas(p.chart, p.values)).not.toThrow();
  });
});
