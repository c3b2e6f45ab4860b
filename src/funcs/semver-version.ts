// Semantic versions as Masterminds/semver v3 parses and orders them (Sprig's `semver`, Helm's chart and
// kubeVersion checks). helm 4.1.4 links semver v3.4.0; helm 3.17.2 links v3.3.0, whose messages are capitalised
// and whose constraint checks treat prereleases per constraint rather than per AND group: `legacy` selects it.

import { numErrorText, parseGoUint, scanGoUint } from '../template/strconv-parse.ts';
import {
  GoError,
  type GoFunc,
  GoInt,
  GoOpaque,
  goFunc,
  goInt,
  type ParamType,
  T,
  type Value,
} from '../template/value.ts';

/** Which Masterminds/semver release to imitate: v3.4.0 (helm 4, the default) or v3.3.0 (helm 3.17, legacy). */
export interface SemverDialect {
  readonly legacy: boolean;
}

export const SEMVER_V34: SemverDialect = { legacy: false };
export const SEMVER_V33: SemverDialect = { legacy: true };

/** A version or constraint that does not parse; the message is the library's own error text. */
export class SemverError extends GoError {
  override name = 'SemverError';
}

const MESSAGES = {
  invalid: ['invalid semantic version', 'Invalid Semantic Version'],
  empty: ['version string empty', 'Version string empty'],
  startsZero: ['version segment starts with 0', 'Version segment starts with 0'],
  metadata: ['invalid metadata string', 'Invalid Metadata string'],
  prerelease: ['invalid prerelease string', 'Invalid Prerelease string'],
  segment: ['error parsing version segment: ', 'Error parsing version segment: '],
} as const;

export function semverMessage(key: keyof typeof MESSAGES, d: SemverDialect): string {
  return MESSAGES[key][d.legacy ? 1 : 0];
}

// NewVersion in both releases coerces with this loose pattern (leading zeros and short forms accepted).
// Groups: 1 major, 2 ".minor", 3 ".patch", 5 prerelease, 8 metadata.
const LOOSE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const DIGITS = /^[0-9]+$/;
const ALLOWED = /^[0-9A-Za-z-]+$/;
/** strconv.ParseUint(digits, 10, 64) of a numeric part (ASCII digits by the regexp): only overflow fails. */
function parseSegment(digits: string, d: SemverDialect): bigint {
  const { value, err } = scanGoUint(digits, 10);
  if (err !== undefined) throw new SemverError(semverMessage('segment', d) + numErrorText('ParseUint', digits, err));
  return value;
}

function validatePrerelease(pre: string, d: SemverDialect): void {
  for (const part of pre.split('.')) {
    if (part === '') throw new SemverError(semverMessage('prerelease', d));
    if (DIGITS.test(part)) {
      if (part.length > 1 && part.charCodeAt(0) === 48) throw new SemverError(semverMessage('startsZero', d));
    } else if (!ALLOWED.test(part)) {
      throw new SemverError(semverMessage('prerelease', d));
    }
  }
}

function validateMetadata(meta: string, d: SemverDialect): void {
  for (const part of meta.split('.')) {
    if (part === '' || !ALLOWED.test(part)) throw new SemverError(semverMessage('metadata', d));
  }
}

const versions = new Map<string, SemverVersion>();

/**
 * Parses a version as semver's NewVersion does: an optional `v`, one to three numeric parts (missing ones are
 * 0, leading zeros allowed), then an optional prerelease and metadata. Throws SemverError with the library's text.
 * Versions are immutable, so the few a chart checks again and again are cached.
 */
export function parseVersion(s: string, d: SemverDialect = SEMVER_V34): SemverVersion {
  let v = versions.get(s);
  if (v === undefined) {
    v = parseVersionUncached(s, d);
    if (versions.size >= 512) versions.clear();
    versions.set(s, v);
  }
  return v;
}

function parseVersionUncached(s: string, d: SemverDialect): SemverVersion {
  const m = LOOSE.exec(s);
  if (m === null) throw new SemverError(semverMessage('invalid', d));
  const major = parseSegment(m[1], d);
  const minor = m[2] === undefined ? 0n : parseSegment(m[2].slice(1), d);
  const patch = m[3] === undefined ? 0n : parseSegment(m[3].slice(1), d);
  const pre = m[5] ?? '';
  const metadata = m[8] ?? '';
  if (pre !== '') validatePrerelease(pre, d);
  if (metadata !== '') validateMetadata(metadata, d);
  return new SemverVersion(major, minor, patch, pre, metadata, s, true);
}

/** Whether `s` is a number as strconv.ParseUint(s, 10, 64) reads it (prerelease identifiers compare numerically). */
function prePartNumber(s: string): bigint | undefined {
  return DIGITS.test(s) ? parseGoUint(s, 10) : undefined;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const sn = prePartNumber(s);
  const on = prePartNumber(o);
  if (sn === undefined && on === undefined) return s > o ? 1 : -1;
  if (on === undefined) return -1; // a number sorts before an identifier
  if (sn === undefined) return 1;
  return sn > on ? 1 : -1;
}

/** Compares two prerelease strings identifier by identifier (a missing identifier sorts first). */
export function comparePrerelease(a: string, b: string): number {
  const as = a.split('.');
  const bs = b.split('.');
  const n = Math.max(as.length, bs.length);
  for (let i = 0; i < n; i++) {
    const c = comparePrePart(as[i] ?? '', bs[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SEMVER_PTR: ParamType = { kind: 'struct', name: '*semver.Version' };

/**
 * `*semver.Version` (or `semver.Version` for the results of IncPatch and friends, which lack the pointer
 * methods). Prints as its String(): `1.2.3-beta+build`, without the `v` of the original.
 */
export class SemverVersion extends GoOpaque {
  // MarshalJSON: the version string.
  override jsonValue(): Value {
    return this.goString();
  }
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
    readonly pointer: boolean,
  ) {
    super();
  }

  get goTypeName(): string {
    return this.pointer ? '*semver.Version' : 'semver.Version';
  }

  override goString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.pre !== '') s += `-${this.pre}`;
    if (this.metadata !== '') s += `+${this.metadata}`;
    return s;
  }

  /** Orders by major.minor.patch, then prerelease (a release sorts after its prereleases); metadata is ignored. */
  compare(o: SemverVersion): number {
    const c = cmp(this.major, o.major) || cmp(this.minor, o.minor) || cmp(this.patch, o.patch);
    if (c !== 0) return c;
    if (this.pre === '' && o.pre === '') return 0;
    if (this.pre === '') return 1;
    if (o.pre === '') return -1;
    return comparePrerelease(this.pre, o.pre);
  }

  private vPrefix(): string {
    return this.original.startsWith('v') ? 'v' : '';
  }

  /** A copy as semver's value-receiver methods return it, with `original` rebuilt as the library does. */
  private derive(major: bigint, minor: bigint, patch: bigint, pre: string, metadata: string): SemverVersion {
    const v = new SemverVersion(major, minor, patch, pre, metadata, '', false);
    return new SemverVersion(major, minor, patch, pre, metadata, this.vPrefix() + v.goString(), false);
  }

  incPatch(): SemverVersion {
    // A prerelease of x.y.z increments to x.y.z itself.
    const patch = this.pre !== '' ? this.patch : this.patch + 1n;
    return this.derive(this.major, this.minor, BigInt.asUintN(64, patch), '', '');
  }

  incMinor(): SemverVersion {
    return this.derive(this.major, BigInt.asUintN(64, this.minor + 1n), 0n, '', '');
  }

  incMajor(): SemverVersion {
    return this.derive(BigInt.asUintN(64, this.major + 1n), 0n, 0n, '', '');
  }

  override method(name: string): GoFunc | undefined {
    switch (name) {
      case 'String':
        return goFunc(name, [], () => this.goString());
      case 'Major':
        return goFunc(name, [], () => new GoInt(this.major, 'uint64'));
      case 'Minor':
        return goFunc(name, [], () => new GoInt(this.minor, 'uint64'));
      case 'Patch':
        return goFunc(name, [], () => new GoInt(this.patch, 'uint64'));
      case 'Prerelease':
        return goFunc(name, [], () => this.pre);
      case 'Metadata':
        return goFunc(name, [], () => this.metadata);
      case 'IncPatch':
        return goFunc(name, [], () => this.incPatch());
      case 'IncMinor':
        return goFunc(name, [], () => this.incMinor());
      case 'IncMajor':
        return goFunc(name, [], () => this.incMajor());
      case 'SetPrerelease':
        return goFunc(name, [T.string], (p) => {
          if (p !== '') validatePrerelease(p as string, SEMVER_V34);
          return this.derive(this.major, this.minor, this.patch, p as string, this.metadata);
        });
      case 'SetMetadata':
        return goFunc(name, [T.string], (m) => {
          if (m !== '') validateMetadata(m as string, SEMVER_V34);
          return this.derive(this.major, this.minor, this.patch, this.pre, m as string);
        });
      case 'MarshalJSON':
        return goFunc(name, [], () => new TextEncoder().encode(JSON.stringify(this.goString())));
      case 'MarshalText':
        return goFunc(name, [], () => new TextEncoder().encode(this.goString()));
      case 'Value':
        return goFunc(name, [], () => this.goString());
    }
    if (!this.pointer) return undefined;
    switch (name) {
      case 'Original':
        return goFunc(name, [], () => this.original);
      case 'Compare':
        return goFunc(name, [SEMVER_PTR], (o) => goInt(this.compare(o as SemverVersion)));
      case 'LessThan':
        return goFunc(name, [SEMVER_PTR], (o) => this.compare(o as SemverVersion) < 0);
      case 'LessThanEqual':
        return goFunc(name, [SEMVER_PTR], (o) => this.compare(o as SemverVersion) <= 0);
      case 'GreaterThan':
        return goFunc(name, [SEMVER_PTR], (o) => this.compare(o as SemverVersion) > 0);
      case 'GreaterThanEqual':
        return goFunc(name, [SEMVER_PTR], (o) => this.compare(o as SemverVersion) >= 0);
      case 'Equal':
        return goFunc(name, [SEMVER_PTR], (o: Value) =>
          o instanceof SemverVersion ? o === this || this.compare(o) === 0 : false,
        );
    }
    return undefined;
  }
}
