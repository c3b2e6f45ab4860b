// %v of every kind of value: [name, operand(s), Go's output]. Cases that templates can build were checked against
// helm 4.1.4 and 3.17.2 (`print`/`println` of literals, `int64`, `float64`, `list`, `dict`); structs, bytes and
// other kinds come from Go's documented rules (fmt/print.go).
import {
  GoInt,
  goInt,
  goInt64,
  goIntOfKind,
  intSlice,
  stringMap,
  stringSlice,
  type Value,
} from '../../src/template/value.ts';
import { m, TestStruct } from './fmt-helpers.ts';

export const valueCases: Array<[string, Value, string]> = [
  // float64: shortest digits in %g layout, with an exponent below 1e-4 and from 1e+06 up
  ['float 1e6', 1000000, '1e+06'],
  ['float 999999', 999999, '999999'],
  ['float 3', 3, '3'],
  ['float 1.5', 1.5, '1.5'],
  ['float 0.0001', 0.0001, '0.0001'],
  ['float 1e-5', 0.00001, '1e-05'],
  ['float big', Number('12345678901234567890'), '1.2345678901234567e+19'],
  ['float 123456789', 123456789, '1.23456789e+08'],
  ['float 0.1', 0.1, '0.1'],
  ['float -2.5', -2.5, '-2.5'],
  ['float 0', 0, '0'],
  ['float -0', -0, '-0'],
  ['float +Inf', Infinity, '+Inf'],
  ['float -Inf', -Infinity, '-Inf'],
  ['float NaN', NaN, 'NaN'],
  ['float 1e21', 1e21, '1e+21'],
  ['float 1e100', 1e100, '1e+100'],
  ['float 5e-324', 5e-324, '5e-324'],
  ['float max', Number.MAX_VALUE, '1.7976931348623157e+308'],
  ['float 100000', 100000, '100000'],
  ['float 0.3', 0.1 + 0.2, '0.30000000000000004'],
  // integers of every kind
  ['int', goInt(42), '42'],
  ['int negative', goInt(-7), '-7'],
  ['int64 big', goInt64(9223372036854775807n), '9223372036854775807'],
  ['int64 min', goInt64(-9223372036854775808n), '-9223372036854775808'],
  ['uint64 max', goIntOfKind(18446744073709551615n, 'uint64'), '18446744073709551615'],
  ['uint8', goIntOfKind(200n, 'uint8'), '200'],
  ['int32', new GoInt(-5n, 'int32'), '-5'],
  // scalars
  ['true', true, 'true'],
  ['false', false, 'false'],
  ['string', 'héllo', 'héllo'],
  ['empty string', '', ''],
  ['nil', null, '<nil>'],
  ['missing', undefined, '<nil>'],
  // bytes, slices and maps
  ['bytes', new Uint8Array([104, 105]), '[104 105]'],
  ['empty bytes', new Uint8Array([]), '[]'],
  ['slice', ['a', 'b', ['c']], '[a b [c]]'],
  ['empty slice', [], '[]'],
  ['slice of mixed', [1.5, goInt(2), true, 'x', null], '[1.5 2 true x <nil>]'],
  ['slice with nil', [null], '[<nil>]'],
  ['string slice', stringSlice(['x', 'y']), '[x y]'],
  ['int slice', intSlice([goInt(0), goInt(1)]), '[0 1]'],
  ['nested bytes', [new Uint8Array([1, 2])], '[[1 2]]'],
  ['map sorted', m(['b', m(['c', 2])], ['a', 1]), 'map[a:1 b:map[c:2]]'],
  ['empty map', m(), 'map[]'],
  ['map nil value', m(['a', null]), 'map[a:<nil>]'],
  ['map of lists', m(['k', [1, 'two']]), 'map[k:[1 two]]'],
  [
    'map bytewise key order',
    m(['b', 1], ['B', 2], ['a', 3], ['_', 4], ['10', 5], ['9', 6]),
    'map[10:5 9:6 B:2 _:4 a:3 b:1]',
  ],
  ['map keys by code point', m(['\u{1F600}', 1], ['\uFF01', 2]), 'map[！:2 😀:1]'],
  [
    'typed map',
    stringMap(
      new Map([
        ['z', '1'],
        ['a', '2'],
      ]),
    ),
    'map[a:2 z:1]',
  ],
  ['slice of maps', [m(['a', 1]), m()], '[map[a:1] map[]]'],
  // structs
  [
    'struct',
    new TestStruct('chart.Maintainer', [
      ['Name', 'a'],
      ['Email', 'b'],
    ]),
    '{a b}',
  ],
  [
    'struct pointer',
    new TestStruct('*chart.Maintainer', [
      ['Name', 'a'],
      ['Email', 'b'],
    ]),
    '&{a b}',
  ],
  [
    'struct with nested struct',
    new TestStruct('struct { chart.Metadata; IsRoot bool }', [
      [
        'Metadata',
        new TestStruct('chart.Metadata', [
          ['Name', 't'],
          ['Keywords', stringSlice([])],
        ]),
      ],
      ['IsRoot', true],
    ]),
    '{{t []} true}',
  ],
  ['struct nil field', new TestStruct('x.T', [['A', null]]), '{<nil>}'],
  ['stringer', new TestStruct('time.Duration', [], () => '1m30s'), '1m30s'],
  ['stringer pointer', new TestStruct('*semver.Version', [['x', 1]], () => '1.2.3'), '1.2.3'],
  ['stringers in a slice', [new TestStruct('time.Duration', [], () => '1s')], '[1s]'],
  ['stringers in a map', m(['d', new TestStruct('time.Duration', [], () => '2s')]), 'map[d:2s]'],
  ['stringer in a struct', new TestStruct('x.T', [['D', new TestStruct('time.Duration', [], () => '3s')]]), '{3s}'],
];

export const sprintCases: Array<[string, Value[], string]> = [
  ['no operands', [], ''],
  ['one string', ['a'], 'a'],
  ['strings are not separated', ['a', 'b'], 'ab'],
  ['numbers are separated', [goInt(1), goInt(2)], '1 2'],
  ['string next to number', ['a', goInt(1), 'b'], 'a1b'],
  ['floats', [1.5, 2], '1.5 2'],
  ['nil and number', [null, goInt(1)], '<nil> 1'],
  ['nil and string', [null, 'a'], '<nil>a'],
  ['missing values', [undefined, undefined], '<nil> <nil>'],
  ['bools', [true, false], 'true false'],
  ['lists', [['a'], ['b']], '[a] [b]'],
  ['string then list', ['x', ['a']], 'x[a]'],
  ['maps', [m(['a', 1]), goInt(3)], 'map[a:1] 3'],
];
export const sprintlnCases: Array<[string, Value[], string]> = [
  ['no operands', [], '\n'],
  ['strings are separated', ['a', 'b'], 'a b\n'],
  ['mixed', ['a', goInt(1), 1.5, null, ['x']], 'a 1 1.5 <nil> [x]\n'],
];
