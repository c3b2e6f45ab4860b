import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/template/fmt.ts';
import { fromJS, type GoMap, goInt, isNil, type Value } from '../../src/template/value.ts';
import { call, callError } from './helpers.ts';

const m = (o: object) => fromJS(o) as GoMap;
const show = (v: Value) => formatValue(v);

// Expected values are helm 4.1.4's output (test/golden/cases/sprig-dicts.yaml).
describe('Sprig dict functions', () => {
  it('builds and edits dicts', () => {
    expect(show(call('dict', 1, 2, null, 3, true, 4))).toBe('map[1:2 <nil>:3 true:4]');
    expect(show(call('dict', 'a'))).toBe('map[a:]');
    const d = m({ a: 1 });
    expect(call('get', d, 'zz')).toBe('');
    expect(call('set', d, 'b', 2)).toBe(d);
    expect(show(call('unset', d, 'a'))).toBe('map[b:2]');
    expect(callError('set', null, 'a', 1)).toBe('assignment to entry in nil map');
    expect(show(call('pick', m({ a: 1, b: 2, c: 3 }), 'a', 'c', 'z'))).toBe('map[a:1 c:3]');
    expect(show(call('omit', m({ a: 1, b: 2, c: 3 }), 'a', 'z'))).toBe('map[b:2 c:3]');
    expect(show(call('pluck', 'a', m({ a: 1 }), m({ b: 2 }), m({ a: 3 })))).toBe('[1 3]');
  });
  it('merges as mergo does, mutating the destination', () => {
    const dst = m({ a: 1, n: { x: 1, l: [1] }, e: '', z: null });
    const src = m({ a: 2, b: 3, n: { x: 2, y: 3, l: [2] }, e: 'filled', z: 'zz' });
    expect(call('merge', dst, src)).toBe(dst);
    expect(show(dst)).toBe('map[a:1 b:3 e:filled n:map[l:[1] x:1 y:3] z:zz]');
    const dst2 = m({ a: 1, n: { x: 1, l: [1] }, t: true, s: 'str' });
    call('mergeOverwrite', dst2, m({ a: 2, b: 3, n: { x: 2, y: 3, l: [] }, t: false, s: null }));
    expect(show(dst2)).toBe('map[a:2 b:3 n:map[l:[] x:2 y:3] s:<nil> t:false]');
    expect(show(call('merge', m({ a: 'str' }), m({ a: { x: 1 } })))).toBe('map[a:str]');
    expect(show(call('mergeOverwrite', m({ a: 'str' }), m({ a: { x: 1 } })))).toBe('map[a:map[x:1]]');
    expect(show(call('merge', m({ a: 1 }), m({ a: 2, b: 2 }), m({ b: 3, c: 3 })))).toBe('map[a:1 b:2 c:3]');
    // A map copied from src is shared, not cloned.
    const s = m({ n: { x: 1 } });
    const d = m({});
    call('merge', d, s);
    call('set', d.get('n'), 'y', 2);
    expect(show(s)).toBe('map[n:map[x:1 y:2]]');
  });
  it('copies deeply and digs', () => {
    const a = m({ n: { x: 1 }, l: [1] });
    const b = call('deepCopy', a) as GoMap;
    call('set', b.get('n'), 'y', 2);
    expect(show(a)).toBe('map[l:[1] n:map[x:1]]');
    expect(isNil(call('deepCopy', call('rest', [])))).toBe(true);
    expect(callError('deepCopy', null)).toBe('reflect: call of reflect.Value.Type on zero Value');
    const nested = m({ a: { b: { c: 1 } } });
    expect(call('dig', 'a', 'b', 'c', 'def', nested)).toBe(1);
    expect(call('dig', 'a', 'x', 'def', nested)).toBe('def');
    expect(callError('dig', 'a', new Map())).toBe('dig needs at least three arguments');
    expect(callError('dig', 'a', 'b', 'def', m({ a: 'str' }))).toBe(
      'interface conversion: interface {} is string, not map[string]interface {}',
    );
    expect(callError('dig', 'a', 'b', 'def', m({ a: null }))).toBe(
      'interface conversion: interface {} is nil, not map[string]interface {}',
    );
    expect(callError('dig', goInt(1), 'def', m({ a: 1 }))).toBe(
      'interface conversion: interface {} is int, not string',
    );
  });
});
