// Sprig's uuidv4 (google/uuid's New): 16 random bytes from FuncEnv.randomBytes with the version and variant set.

import { type GoFunc, goFunc } from '../template/value.ts';
import type { FuncEnv } from './env.ts';

export function uuidFuncs(env: FuncEnv): GoFunc[] {
  return [goFunc('uuidv4', [], () => formatUUID(env.randomBytes(16)))];
}

/** A version 4, variant 10 UUID from 16 random bytes, in the 8-4-4-4-12 form. */
export function formatUUID(b: Uint8Array): string {
  const u = Uint8Array.from(b);
  u[6] = (u[6] & 0x0f) | 0x40;
  u[8] = (u[8] & 0x3f) | 0x80;
  const hex = Array.from(u, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
