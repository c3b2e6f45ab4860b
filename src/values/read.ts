// Reading a values file (a chart's values.yaml or a user's `-f` file) into a map, as helm does.
//
// helm 4 (loader.LoadValues) splits the text into YAML documents as apimachinery's YAMLReader does, reads each
// into a map and merges them in order; helm 3 reads the first document only. The YAML itself is the goyaml
// module's (go-yaml v2 through sigs.k8s.io/yaml); this module adds helm's framing and mergeMaps.

import { GoCodecError, parseValues } from '../goyaml/index.ts';
import type { GoMap } from '../template/value.ts';
import type { Dialect } from './strvals.ts';

/** A values file that does not read; the message is the text after helm's `failed to parse <file>: `. */
export class ValuesFileError extends Error {
  override name = 'ValuesFileError';
}

/** Reads values text into a map. Throws ValuesFileError with helm's wording for the dialect. */
export function readValues(text: string, dialect: Dialect = 'helm4'): GoMap {
  try {
    return parseValues(text, { helm: dialect === 'helm3' ? 3 : 4 });
  } catch (e) {
    if (e instanceof GoCodecError) throw new ValuesFileError(e.message, { cause: e });
    throw e;
  }
}

/**
 * helm's loader.MergeMaps: a new map holding a's entries, then b's; where both hold maps they merge
 * recursively, otherwise b's value replaces a's.
 */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = new Map(a);
  for (const [k, v] of b) {
    if (v instanceof Map) {
      const av = out.get(k);
      if (av instanceof Map) {
        out.set(k, mergeMaps(av, v));
        continue;
      }
    }
    out.set(k, v);
  }
  return out;
}
