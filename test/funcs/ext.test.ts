import { describe, expect, it } from 'vitest';
import { fixedEnv } from '../../src/funcs/env.ts';
import { extFuncs } from '../../src/funcs/ext.ts';

// Sprig v3.3.0's functions in these families, as helm 4.1.4 keeps them.
const NAMES = [
  'ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate htmlDateInZone',
  'must_date_modify mustDateModify mustToDate now toDate unixEpoch',
  'randAlphaNum randAlpha randAscii randNumeric shuffle randInt uuidv4 getHostByName semver semverCompare',
  'bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA genCAWithKey genSelfSignedCert',
  'genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES decryptAES randBytes',
]
  .join(' ')
  .split(' ');

describe('extFuncs', () => {
  it('provides each function once', () => {
    const names = extFuncs(fixedEnv()).map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...NAMES].sort());
  });
  it('declares Go parameter types', () => {
    const byName = new Map(extFuncs(fixedEnv()).map((f) => [f.name, f]));
    const sig = (n: string) =>
      byName
        .get(n)!
        .params.map((p) => p.name)
        .join(', ');
    expect(sig('genSignedCert')).toBe('string, []interface {}, []interface {}, int, sprig.certificate');
    expect(sig('dateModify')).toBe('string, time.Time');
    expect(sig('date')).toBe('string, interface {}');
    expect(sig('derivePassword')).toBe('uint32, string, string, string, string');
    expect(sig('randInt')).toBe('int, int');
    expect(sig('now')).toBe('');
  });
  it('selects helm 3 behaviour on request', () => {
    const semverCompare = extFuncs(fixedEnv(), { helm3: true }).find((f) => f.name === 'semverCompare')!;
    expect(() => semverCompare.fn('>1', 'x')).toThrow('Invalid Semantic Version');
  });
});
