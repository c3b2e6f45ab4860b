// Sprig's semver functions: `semver` and `semverCompare`.

import { type GoFunc, goFunc, T } from '../template/value.ts';
import { parseConstraint } from './semver-constraint.ts';
import { parseVersion, SEMVER_V33, SEMVER_V34 } from './semver-version.ts';

export { parseConstraint, SemverConstraint, satisfies } from './semver-constraint.ts';
export {
  parseVersion,
  SEMVER_V33,
  SEMVER_V34,
  type SemverDialect,
  SemverError,
  SemverVersion,
} from './semver-version.ts';

export function semverFuncs(legacy = false): GoFunc[] {
  const d = legacy ? SEMVER_V33 : SEMVER_V34;
  return [
    goFunc('semver', [T.string], (v) => parseVersion(v as string, d)),
    // Sprig parses the constraint first, so a bad constraint is reported even when the version is bad too.
    goFunc('semverCompare', [T.string, T.string], (c, v) =>
      parseConstraint(c as string, d).check(parseVersion(v as string, d)),
    ),
  ];
}
