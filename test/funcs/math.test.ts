import { describe, expect, it } from 'vitest';
import { goPow10 } from '../../src/funcs/math.ts';
import { formatValue } from '../../src/template/fmt.ts';
import { type GoInt, goInt64, type Value } from '../../src/template/value.ts';
import { call, callError, F } from './helpers.ts';

const show = (v: Value) => formatValue(v);

// Expected values are helm 4.1.4's output (test/golden/cases/sprig-math.yaml and sprig-conv.yaml).
describe('Sprig math', () => {
  it('does int64 arithmetic after cast conversion', () => {
    expect(show(call('add', 1.9, '2', true, null))).toBe('4');
    expect(show(call('add', '1_000', '0o17', '0b11', '017'))).toBe('1033');
    expect(show(call('add', '1.0', '2.00', ' 3'))).toBe('3');
    expect((call('add', 1, 2) as GoInt).kind).toBe('int64');
    expect(show(call('add', goInt64(2n ** 63n - 1n), goInt64(1)))).toBe('-9223372036854775808');
    expect(show(call('div', -7, 2))).toBe('-3');
    expect(show(call('mod', -7, 3))).toBe('-1');
    expect(callError('div', 1, 0)).toBe('runtime error: integer divide by zero');
    expect(show(call('max', 1.9, 1.2))).toBe('1');
    expect(show(call('min', 'a', 3))).toBe('0');
  });
  it('does float arithmetic through decimals', () => {
    const f = (name: string, ...a: unknown[]) => show(call(name, ...a));
    expect([f('addf', 1.1, 2.2), f('subf', 10, 3.3, 1.1), f('mulf', 1.1, 3), f('divf', 10, 3)]).toEqual([
      '3.3',
      '5.6',
      '3.3',
      '3.3333333333333335',
    ]);
    expect([f('divf', 2, 3, 3), f('mulf', 0.1, 0.2), f('subf', 0.3, 0.1), f('divf', -1, 3), f('divf', 2, -3)]).toEqual([
      '0.2222222222222222',
      '0.02',
      '0.2',
      '-0.3333333333333333',
      '-0.6666666666666667',
    ]);
    expect([f('mulf', 123456789, 987654321), f('divf', 1, 1e-20), f('divf', 1e-20, 3)]).toEqual([
      '1.2193263111263526e+17',
      '1e+20',
      '0',
    ]);
    expect(callError('divf', 1, 0)).toBe('decimal division by 0');
    expect(callError('addf', 'Inf', 1)).toBe('Cannot create a Decimal from +Inf');
    expect([f('maxf', 1, 2.5, '3.5'), f('maxf', 'NaN', 1), f('minf', '-Inf', 1)]).toEqual(['3.5', 'NaN', '-Inf']);
  });
  it('rounds as Sprig does', () => {
    const r = (...a: unknown[]) => show(call('round', ...a));
    expect([r(2.5555, 2), r(2.5, 0), r(-2.5, 0), r(1.2345, 3), r(1234.5678, -2), r(2.35, 1, 0.7)]).toEqual([
      '2.56',
      '3',
      '-3',
      '1.235',
      '1200',
      '2.3',
    ]);
    expect(show(call('ceil', -0.5))).toBe('-0');
    expect(goPow10(-2)).toBe(0.01);
    expect(goPow10(22)).toBe(1e22);
  });
  it('converts numbers', () => {
    const f = (name: string, ...a: unknown[]) => show(call(name, ...a));
    expect([f('atoi', '99999999999999999999'), f('atoi', ' 42'), f('atoi', '+5')]).toEqual([
      '9223372036854775807',
      '0',
      '5',
    ]);
    expect([
      f('toDecimal', '0777'),
      f('toDecimal', 755),
      f('toDecimal', new F(1000000)),
      f('toDecimal', '-10'),
    ]).toEqual(['511', '493', '0', '-8']);
    expect([f('int', '0x1F'), f('int64', '9223372036854775808'), f('float64', '0x1p-2')]).toEqual(['31', '0', '0.25']);
  });
  it('builds seq strings', () => {
    expect(
      [[], [3], [-2], [0], [2, 5], [5, 2], [0, 2, 10], [10, -3, 0], [10, 3, 0], [1, 2, 3, 4], [1, 0, 3]].map((a) =>
        call('seq', ...a),
      ),
    ).toEqual(['', '1 2 3', '1 0 -1 -2', '1 0', '2 3 4 5', '5 4 3 2', '0 2 4 6 8 10', '10 7 4 1', '', '', '']);
  });
});
