import { describe, expect, it } from 'vitest';
import { type FuncEnv, fixedEnv } from '../../src/funcs/env.ts';
import { networkFuncs } from '../../src/funcs/network.ts';
import { randomFuncs } from '../../src/funcs/random.ts';
import { RandomReader } from '../../src/funcs/random-source.ts';
import { formatUUID, uuidFuncs } from '../../src/funcs/uuid.ts';
import { GoError, type GoFunc, type GoInt, goInt, type Value } from '../../src/template/value.ts';

function funcsOf(list: GoFunc[]) {
  const m = new Map(list.map((f) => [f.name, f]));
  return (name: string, ...args: Value[]) => (m.get(name) as GoFunc).fn(...args);
}

/** An environment whose random bytes are given, to check how they are consumed. */
function scriptedEnv(bytes: number[]): FuncEnv {
  let at = 0;
  return {
    ...fixedEnv(),
    randomBytes(n) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = bytes[at++ % bytes.length];
      return out;
    },
  };
}

describe('RandomReader.int (crypto/rand.Int)', () => {
  it('masks to the bit length of max-1 and rejects values too large', () => {
    // max 91: 7 bits; 0xff & 0x7f = 127 >= 91 rejected, then 0x85 & 0x7f = 5.
    expect(new RandomReader(scriptedEnv([0xff, 0x85])).int(91)).toBe(5);
    expect(new RandomReader(scriptedEnv([0x12, 0x34])).int(1000)).toBe(0x234);
    expect(new RandomReader(scriptedEnv([9])).int(1)).toBe(0);
    const big = new RandomReader(scriptedEnv([0xff])).bigInt(1n << 128n);
    expect(big).toBe((1n << 128n) - 1n);
  });
  it('is uniform enough', () => {
    const r = new RandomReader(fixedEnv(42));
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) counts[r.int(10)]++;
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
  });
});

describe('random strings', () => {
  const call = funcsOf(randomFuncs(fixedEnv(5)));
  it("use goutils' character sets", () => {
    expect(call('randAlphaNum', goInt(500))).toMatch(/^[A-Za-z0-9]{500}$/);
    expect(call('randAlpha', goInt(500))).toMatch(/^[A-Za-z]{500}$/);
    expect(call('randNumeric', goInt(500))).toMatch(/^[0-9]{500}$/);
    expect(call('randAscii', goInt(500))).toMatch(/^[ -~]{500}$/);
    // All 95 printable characters show up.
    expect(new Set(call('randAscii', goInt(5000)) as string).size).toBe(95);
    expect(new Set(call('randAlphaNum', goInt(5000)) as string).size).toBe(62);
  });
  it('give "" for zero and negative counts', () => {
    expect([0, -5].map((n) => call('randAlphaNum', goInt(n)))).toEqual(['', '']);
  });
  it('are reproducible from the environment', () => {
    const a = funcsOf(randomFuncs(fixedEnv(11)))('randAlphaNum', goInt(20));
    const b = funcsOf(randomFuncs(fixedEnv(11)))('randAlphaNum', goInt(20));
    expect(a).toBe(b);
  });
});

describe('randInt and shuffle', () => {
  const call = funcsOf(randomFuncs(fixedEnv(8)));
  it('randInt draws from [min, max) as an int', () => {
    const seen = new Set<bigint>();
    for (let i = 0; i < 200; i++) {
      const v = call('randInt', goInt(-2), goInt(3)) as GoInt;
      expect(v.kind).toBe('int');
      seen.add(v.value);
    }
    expect([...seen].sort()).toEqual([-1n, -2n, 0n, 1n, 2n]);
  });
  it('randInt panics on an empty range, as rand.Intn does', () => {
    expect(() => call('randInt', goInt(5), goInt(5))).toThrow(GoError);
    expect(() => call('randInt', goInt(5), goInt(1))).toThrow('invalid argument to Intn');
  });
  it('shuffle permutes runes', () => {
    const s = call('shuffle', 'héllo wörld') as string;
    expect([...s].sort().join('')).toBe([...'héllo wörld'].sort().join(''));
    expect(call('shuffle', '')).toBe('');
  });
});

describe('uuidv4', () => {
  it('sets the version and variant bits', () => {
    expect(formatUUID(new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(formatUUID(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
    const u = funcsOf(uuidFuncs(fixedEnv(2)))('uuidv4');
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('getHostByName', () => {
  const env: FuncEnv = { ...fixedEnv(), lookupHost: (h) => (h === 'db' ? ['10.0.0.5', '10.0.0.6'] : []) };
  it('returns "" unless DNS is enabled, as helm does', () => {
    expect(funcsOf(networkFuncs(env))('getHostByName', 'db')).toBe('');
  });
  it('picks one of the addresses, and fails for none', () => {
    const call = funcsOf(networkFuncs(env, true));
    expect(['10.0.0.5', '10.0.0.6']).toContain(call('getHostByName', 'db'));
    expect(() => call('getHostByName', 'nope')).toThrow('invalid argument to Intn');
  });
});
