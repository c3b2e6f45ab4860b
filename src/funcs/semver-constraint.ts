// Masterminds/semver v3 constraints: `>= 1.2, < 2`, `^1.2`, `~1.2.3`, `1.x`, `*`, `1.2 - 1.4`, `a || b`.
// Sprig's semverCompare and Helm's dependency and kubeVersion checks use this one grammar.
//
// The grammar is the library's regular expressions, kept as they are because the odd corners are part of the
// behaviour users see (an empty operator means `=`, `|` is accepted inside a version part and then fails as
// `constraint parser error`, a hyphen range is rewritten textually before anything else). Go's regexp picks
// the same submatches as a backtracking engine, so JavaScript's engine reproduces them; `\s` is spelled out
// because Go's is ASCII-only.

import {
  comparePrerelease,
  parseVersion,
  SEMVER_V34,
  type SemverDialect,
  SemverError,
  type SemverVersion,
} from './semver-version.ts';

const S = '[\\t\\n\\f\\r ]';
const CV =
  'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';

// One constraint: 1 operator, 2 version text, 3 major, 4 ".minor", 5 ".patch", 6 "-prerelease".
const ONE = new RegExp(`^${S}*(${OPS})${S}*(${CV})${S}*$`);
// A hyphen range `a - b`: 1 the lower version, 11 the upper.
const RANGE = new RegExp(`${S}*(${CV})${S}+-${S}+(${CV})${S}*`, 'g');
const FIND = new RegExp(`(${OPS})${S}*(${CV})`, 'g');
const VALID = new RegExp(`^(${S}*(${OPS})${S}*(${CV})${S}*)((?:${S}+|,${S}*)(${OPS})${S}*(${CV})${S}*)*$`);

type Op = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

interface Single {
  /** The version the check compares with (wildcards replaced by 0). */
  readonly con: SemverVersion;
  /** The version text as written (`4.x`), for messages and String(). */
  readonly orig: string;
  readonly op: Op;
  readonly dirty: boolean;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
}

function isX(s: string): boolean {
  return s === 'x' || s === 'X' || s === '*';
}

/** What every hyphen range holds; most constraints have none, and then RANGE need not scan them. */
const HYPHEN = new RegExp(`${S}-${S}`);

function rewriteRange(c: string): string {
  if (!HYPHEN.test(c)) return c;
  let out = c;
  for (const m of c.matchAll(RANGE)) {
    const replacement = `>= ${m[1]}, <= ${m[11]} `;
    out = out.replace(m[0], () => replacement);
  }
  return out;
}

function parseSingle(text: string, d: SemverDialect): Single {
  const m = ONE.exec(text);
  if (m === null) throw new SemverError(`improper constraint: ${text}`);
  const major = m[3];
  const minor = m[4] ?? '';
  const patch = m[5] ?? '';
  const pre = m[6] ?? '';
  let ver = m[2];
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major)) {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (minor === '' || isX(minor.slice(1))) {
    ver = `${major}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (patch === '' || isX(patch.slice(1))) {
    ver = `${major}${minor}.0${pre}`;
    dirty = patchDirty = true;
  }
  let con: SemverVersion;
  try {
    con = parseVersion(ver, d);
  } catch {
    throw new SemverError(d.legacy ? 'constraint Parser Error' : 'constraint parser error');
  }
  return { con, orig: m[2], op: m[1] as Op, dirty, minorDirty, patchDirty };
}

/** The outcome of one check: undefined when satisfied, else the library's reason. */
type Verdict = string | undefined;

const preMessage = (v: SemverVersion) =>
  `${v.goString()} is a prerelease version and the constraint is only looking for release versions`;

/**
 * Checks `v` against one constraint. `groupPre` says whether the AND group names a prerelease (v3.4 lets
 * prereleases through only then); the legacy dialect asks the constraint's own version instead.
 */
function checkSingle(v: SemverVersion, c: Single, groupPre: boolean, d: SemverDialect): Verdict {
  const blocked = v.pre !== '' && (d.legacy ? c.con.pre === '' : !groupPre);
  switch (c.op) {
    case '!=':
      // v3.3 only refused prereleases for wildcard `!=` constraints.
      if (blocked && (!d.legacy || c.dirty)) return preMessage(v);
      return notEqual(v, c);
    case '':
    case '=':
      if (blocked) return preMessage(v);
      if (c.dirty) return tilde(v, c);
      return v.compare(c.con) === 0 ? undefined : `${v.goString()} is not equal to ${c.orig}`;
    case '>':
      if (blocked) return preMessage(v);
      return greaterThan(v, c);
    case '<':
      if (blocked) return preMessage(v);
      return v.compare(c.con) < 0 ? undefined : `${v.goString()} is greater than or equal to ${c.orig}`;
    case '>=':
    case '=>':
      if (blocked) return preMessage(v);
      return v.compare(c.con) >= 0 ? undefined : `${v.goString()} is less than ${c.orig}`;
    case '<=':
    case '=<':
      if (blocked) return preMessage(v);
      return lessThanEqual(v, c);
    case '~':
    case '~>':
      if (blocked) return preMessage(v);
      return tilde(v, c);
    case '^':
      if (blocked) return preMessage(v);
      return caret(v, c);
  }
}

function notEqual(v: SemverVersion, c: Single): Verdict {
  const equal = `${v.goString()} is equal to ${c.orig}`;
  if (c.dirty) {
    if (c.con.major !== v.major) return undefined;
    if (c.con.minor !== v.minor && !c.minorDirty) return undefined;
    if (c.minorDirty) return equal;
    if (c.con.patch !== v.patch && !c.patchDirty) return undefined;
    if (c.patchDirty) {
      if ((v.pre !== '' || c.con.pre !== '') && comparePrerelease(v.pre, c.con.pre) !== 0) return undefined;
      return equal;
    }
  }
  return v.compare(c.con) === 0 ? equal : undefined;
}

function greaterThan(v: SemverVersion, c: Single): Verdict {
  const fail = `${v.goString()} is less than or equal to ${c.orig}`;
  if (!c.dirty) return v.compare(c.con) === 1 ? undefined : fail;
  if (v.major > c.con.major) return undefined;
  if (v.major < c.con.major) return fail;
  // `>11` needs 12 or higher; `>11.1` needs 11.2 or higher.
  if (c.minorDirty) return fail;
  if (c.patchDirty) return v.minor > c.con.minor ? undefined : fail;
  return v.compare(c.con) === 1 ? undefined : fail;
}

function lessThanEqual(v: SemverVersion, c: Single): Verdict {
  const fail = `${v.goString()} is greater than ${c.orig}`;
  if (!c.dirty) return v.compare(c.con) <= 0 ? undefined : fail;
  if (v.major > c.con.major) return fail;
  if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return fail;
  return undefined;
}

function tilde(v: SemverVersion, c: Single): Verdict {
  if (v.compare(c.con) < 0) return `${v.goString()} is less than ${c.orig}`;
  // ~0.0.0 accepts everything, like >= 0.0.0.
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) {
    return undefined;
  }
  if (v.major !== c.con.major) return `${v.goString()} does not have same major version as ${c.orig}`;
  if (v.minor !== c.con.minor && !c.minorDirty) {
    return `${v.goString()} does not have same major and minor version as ${c.orig}`;
  }
  return undefined;
}

function caret(v: SemverVersion, c: Single): Verdict {
  const vs = v.goString();
  if (v.compare(c.con) < 0) return `${vs} is less than ${c.orig}`;
  if (c.con.major > 0n || c.minorDirty) {
    return v.major === c.con.major ? undefined : `${vs} does not have same major version as ${c.orig}`;
  }
  if (v.major > 0n) return `${vs} does not have same major version as ${c.orig}`;
  if (c.con.minor > 0n || c.patchDirty) {
    return v.minor === c.con.minor
      ? undefined
      : `${vs} does not have same minor version as ${c.orig}. Expected minor versions to match when constraint major version is 0`;
  }
  if (v.minor > 0n) return `${vs} does not have same minor version as ${c.orig}`;
  return c.con.patch === v.patch
    ? undefined
    : `${vs} does not equal ${c.orig}. Expect version and constraint to equal when major and minor versions are 0`;
}

/** A parsed constraint: OR groups of AND-ed single constraints. */
export class SemverConstraint {
  private constructor(
    private readonly groups: readonly (readonly Single[])[],
    private readonly groupPre: readonly boolean[],
    private readonly dialect: SemverDialect,
  ) {}

  /** Parses as semver's NewConstraint; throws SemverError (`improper constraint: ...`). */
  static parse(text: string, d: SemverDialect = SEMVER_V34): SemverConstraint {
    const ors = rewriteRange(text).split('||');
    const groups: Single[][] = [];
    const groupPre: boolean[] = [];
    for (const or of ors) {
      if (!VALID.test(or)) throw new SemverError(`improper constraint: ${or}`);
      const found = or.match(FIND) ?? [or];
      const group = found.map((f) => parseSingle(f, d));
      groups.push(group);
      groupPre.push(group.some((c) => c.con.pre !== ''));
    }
    return new SemverConstraint(groups, groupPre, d);
  }

  /** Whether `v` satisfies the constraint (semver's Check). */
  check(v: SemverVersion): boolean {
    for (let i = 0; i < this.groups.length; i++) {
      if (this.groups[i].every((c) => checkSingle(v, c, this.groupPre[i], this.dialect) === undefined)) return true;
    }
    return false;
  }

  /** semver's Validate: whether `v` satisfies the constraint, and the reasons when it does not. */
  validate(v: SemverVersion): { ok: boolean; reasons: string[] } {
    const reasons: string[] = [];
    let preReported = false;
    for (let i = 0; i < this.groups.length; i++) {
      let ok = true;
      for (const c of this.groups[i]) {
        const skipsPre = this.dialect.legacy ? c.con.pre === '' : !this.groupPre[i];
        if (skipsPre && v.pre !== '') {
          if (!preReported) reasons.push(preMessage(v));
          preReported = true;
          ok = false;
          continue;
        }
        const why = checkSingle(v, c, this.groupPre[i], this.dialect);
        if (why !== undefined) {
          reasons.push(why);
          ok = false;
        }
      }
      if (ok) return { ok: true, reasons: [] };
    }
    return { ok: false, reasons };
  }

  /** The normalised text: `>=1.2 <2 || ^3`. */
  toString(): string {
    return this.groups.map((g) => g.map((c) => c.op + c.orig).join(' ')).join(' || ');
  }
}

const cache = new Map<string, SemverConstraint>();
const CACHE_LIMIT = 512;

/** SemverConstraint.parse with a cache: templates check the same few constraints again and again. */
export function parseConstraint(text: string, d: SemverDialect = SEMVER_V34): SemverConstraint {
  const key = d.legacy ? `L${text}` : `N${text}`;
  let c = cache.get(key);
  if (c === undefined) {
    c = SemverConstraint.parse(text, d);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, c);
  }
  return c;
}

/**
 * The check Helm and Sprig's semverCompare make: parse the constraint, then the version, then check.
 * Throws SemverError for either parse failure, in that order.
 */
export function satisfies(constraint: string, version: string, d: SemverDialect = SEMVER_V34): boolean {
  const c = parseConstraint(constraint, d);
  return c.check(parseVersion(version, d));
}
