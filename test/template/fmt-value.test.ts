// %v of every kind of value (formatValue, sprint, sprintln). Expected strings are Go's output, as helm prints it.
import { describe, expect, it } from 'vitest';
import { formatValue, sprint, sprintln } from '../../src/template/fmt.ts';
import { withType } from '../../src/template/value.ts';
import { TestStruct } from './fmt-helpers.ts';
import { sprintCases, sprintlnCases, valueCases } from './fmt-value-cases.ts';

describe('formatValue', () => {
  it.each(valueCases)('%s', (_name, v, want) => {
    expect(formatValue(v)).toBe(want);
  });
  it('prints a pointer nested in a struct as an address, as Go does', () => {
    const inner = new TestStruct('*chart.Maintainer', [['Name', 'a']]);
    expect(formatValue(new TestStruct('x.T', [['M', inner]]))).toMatch(/^\{0xc[0-9a-f]+\}$/);
    expect(formatValue([inner])).toMatch(/^\[0xc[0-9a-f]+\]$/);
  });
  it('uses the Go type name of typed slices only for %#v', () => {
    expect(formatValue(withType(['a'], { name: 'chartutil.Files', elem: 'string' }))).toBe('[a]');
  });
});

describe('sprint', () => {
  it.each(sprintCases)('%s', (_name, args, want) => {
    expect(sprint(args)).toBe(want);
  });
});

describe('sprintln', () => {
  it.each(sprintlnCases)('%s', (_name, args, want) => {
    expect(sprintln(args)).toBe(want);
  });
});
