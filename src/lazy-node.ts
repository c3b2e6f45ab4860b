// Node built-ins that cost start-up time (crypto alone takes several milliseconds to load), required on first use
// instead of at module load: most renders never hash, encrypt, gunzip or resolve a host.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

let crypto: typeof import('node:crypto') | undefined;
let zlib: typeof import('node:zlib') | undefined;
let childProcess: typeof import('node:child_process') | undefined;
let net: typeof import('node:net') | undefined;

export const nodeCrypto = (): typeof import('node:crypto') => (crypto ??= load('node:crypto'));
export const nodeZlib = (): typeof import('node:zlib') => (zlib ??= load('node:zlib'));
export const nodeChildProcess = (): typeof import('node:child_process') =>
  (childProcess ??= load('node:child_process'));
export const nodeNet = (): typeof import('node:net') => (net ??= load('node:net'));
