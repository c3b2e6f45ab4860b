// Node built-ins and packages that cost start-up time (crypto, tar: several milliseconds each to load), required on
// first use instead of at module load: most renders never hash, encrypt, unpack an archive or resolve a host.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

let crypto: typeof import('node:crypto') | undefined;
let zlib: typeof import('node:zlib') | undefined;
let childProcess: typeof import('node:child_process') | undefined;
let net: typeof import('node:net') | undefined;
let tar: typeof import('tar') | undefined;
let bcrypt: typeof import('bcryptjs') | undefined;

export const nodeCrypto = (): typeof import('node:crypto') => (crypto ??= load('node:crypto'));
export const nodeZlib = (): typeof import('node:zlib') => (zlib ??= load('node:zlib'));
export const nodeChildProcess = (): typeof import('node:child_process') =>
  (childProcess ??= load('node:child_process'));
export const nodeNet = (): typeof import('node:net') => (net ??= load('node:net'));
/** The tar package (~12 ms to initialise): only charts packaged as .tgz need it. */
export const tarPackage = (): typeof import('tar') => (tar ??= load('tar'));
/** bcryptjs (~7 ms to initialise): only htpasswd and bcrypt need it. */
export const bcryptPackage = (): typeof import('bcryptjs') => (bcrypt ??= load('bcryptjs'));
