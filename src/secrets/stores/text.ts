// sops's ValToString: how the flat formats (dotenv, INI) write a non-string value.

import { formatFloatF } from '../../goyaml/gofloat.ts';
import { formatFloat } from '../../template/strconv.ts';
import { formatRfc3339 } from '../gotext.ts';
import { type Scalar, SopsTime } from '../tree.ts';

/** strconv.FormatFloat(x, 'G', -1, 64). */
export function formatFloatG(x: number): string {
  return formatFloat(x, 'G', -1, 64);
}

export function valueText(v: Scalar): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    const s = formatFloatG(v);
    // A float that reads like an integer keeps one decimal digit.
    return s.includes('.') || s.includes('E') || !Number.isFinite(v) ? s : formatFloatF(v) + '.0';
  }
  if (v instanceof SopsTime) return formatRfc3339(v.time);
  return `[${[...v].join(' ')}]`;
}
