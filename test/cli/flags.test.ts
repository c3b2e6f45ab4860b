import { describe, expect, it } from 'vitest';
import { FlagError, type FlagSpec, parseFlags } from '../../src/cli/flags.ts';

const specs: FlagSpec[] = [
  { name: 'values', short: 'f', kind: 'stringSlice', usage: '' },
  { name: 'set', kind: 'stringArray', usage: '' },
  { name: 'namespace', short: 'n', kind: 'string', usage: '', default: '' },
  { name: 'debug', kind: 'bool', usage: '' },
  { name: 'atomic', kind: 'bool', usage: '' },
  { name: 'history-max', kind: 'int', usage: '', default: 10 },
  { name: 'dry-run', kind: 'string', usage: '', noOptDefault: 'client' },
];

describe('pflag-compatible parsing', () => {
  it('reads long, short, attached and = forms anywhere among arguments', () => {
    const p = parseFlags(
      ['rel', '-n', 'ns', './chart', '--set', 'a=1,b=2', '--set=c=3', '-fx.yaml,y.yaml', '-f=z.yaml'],
      specs,
    );
    expect(p.args).toEqual(['rel', './chart']);
    expect(p.flags.get('namespace')).toBe('ns');
    expect(p.flags.get('set')).toEqual(['a=1,b=2', 'c=3']);
    expect(p.flags.get('values')).toEqual(['x.yaml', 'y.yaml', 'z.yaml']);
  });

  it('handles booleans, ints, defaults, optional values and --', () => {
    const p = parseFlags(['--debug', '--atomic=false', '--dry-run', 'x', '--', '--not-a-flag'], specs);
    expect(p.flags.get('debug')).toBe(true);
    expect(p.flags.get('atomic')).toBe(false);
    expect(p.flags.get('dry-run')).toBe('client');
    expect(p.flags.get('history-max')).toBe(10);
    expect(p.args).toEqual(['x', '--not-a-flag']);
    expect(p.changed.has('atomic')).toBe(true);
    expect(p.changed.has('history-max')).toBe(false);
  });

  it('rejects unknown flags and missing values with pflag messages', () => {
    expect(() => parseFlags(['--nope'], specs)).toThrow(new FlagError('unknown flag: --nope'));
    expect(() => parseFlags(['--set'], specs)).toThrow('flag needs an argument: --set');
    expect(() => parseFlags(['--debug=maybe'], specs)).toThrow('invalid argument "maybe" for "--debug" flag');
    expect(() => parseFlags(['-x'], specs)).toThrow("unknown shorthand flag: 'x' in -x");
  });

  it('splits string slices as CSV, keeping quoted commas', () => {
    expect(parseFlags(['-f', '"a,b.yaml",c.yaml'], specs).flags.get('values')).toEqual(['a,b.yaml', 'c.yaml']);
  });
});
