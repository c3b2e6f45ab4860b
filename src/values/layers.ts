// The user-values side of a render: `-f` files and the `--set` family, layered as helm's values.Options does.
//
// Order, later winning: every `-f` file in order (merged with mergeMaps), then `--set-json`, `--set`,
// `--set-string`, `--set-file`, `--set-literal`, each flag's occurrences in order. The `--set` parsers write
// into the same map in place, as helm's do. Errors carry helm's prefix naming the flag (or the file).
//
// I/O is injected: `readFile` returns a file's text for `-f` and `--set-file` (the CLI passes a reader of the
// file system and of stdin for `-`; tests pass a map).

import type { GoMap } from '../template/value.ts';
import { ValuesError } from './errors.ts';
import { decodeJSON } from './json-prefix.ts';
import { mergeMaps, readValues, ValuesFileError } from './read.ts';
import { type Dialect, parseStrvalsInto, StrvalsError, type StrvalsMode } from './strvals.ts';

/** The values flags of `helm template`/`install`/`upgrade`, each in command-line order. */
export interface ValueLayers {
  /** `-f/--values`: paths (or `-` for stdin), read through `readFile`. */
  readonly valueFiles?: readonly string[];
  /** `--set-json` */
  readonly jsonValues?: readonly string[];
  /** `--set` */
  readonly values?: readonly string[];
  /** `--set-string` */
  readonly stringValues?: readonly string[];
  /** `--set-file` */
  readonly fileValues?: readonly string[];
  /** `--set-literal` */
  readonly literalValues?: readonly string[];
}

export interface LayerOptions {
  readonly dialect?: Dialect;
  /** Returns a file's text; throws an Error whose message is Go's (`open x: no such file or directory`). */
  readonly readFile?: (path: string) => string;
}

/** The kinds of `--set` flag, with the flag name helm's messages use. */
export type SetFlag = 'set' | 'set-string' | 'set-json' | 'set-file' | 'set-literal';

const MODE: Record<SetFlag, StrvalsMode> = {
  set: 'typed',
  'set-string': 'string',
  'set-json': 'json',
  'set-file': 'file',
  'set-literal': 'literal',
};

function noFiles(path: string): string {
  throw new Error(`open ${path}: no such file or directory`);
}

/**
 * Applies one occurrence of a `--set`-family flag to `base` and returns the (possibly new) map: a `--set-json`
 * whose value is a JSON object (helm 4) is merged with mergeMaps, everything else is parsed into `base`.
 */
export function applySetFlag(base: GoMap, flag: SetFlag, text: string, options: LayerOptions = {}): GoMap {
  const dialect = options.dialect ?? 'helm4';
  if (flag === 'set-json') {
    const trimmed = text.trim();
    if (dialect === 'helm4' && trimmed.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = decodeJSON(trimmed);
      } catch {
        parsed = undefined;
      }
      if (!(parsed instanceof Map)) {
        throw new ValuesError(`failed parsing --set-json data JSON: ${text}`, '--set-json');
      }
      return mergeMaps(base, parsed as GoMap);
    }
    try {
      parseStrvalsInto(text, base, { mode: 'json', dialect });
    } catch (e) {
      if (e instanceof StrvalsError) throw new ValuesError(`failed parsing --set-json data ${text}`, '--set-json');
      throw e;
    }
    return base;
  }
  const readFile = options.readFile ?? noFiles;
  try {
    parseStrvalsInto(text, base, { mode: MODE[flag], dialect, readFile });
  } catch (e) {
    if (e instanceof StrvalsError) {
      throw new ValuesError(`failed parsing --${flag} data: ${e.message}`, `--${flag}`, { cause: e });
    }
    throw e;
  }
  return base;
}

/** Applies every occurrence of one `--set`-family flag, in order, to `base` (a new map by default). */
export function parseSetFlags(
  flag: SetFlag,
  texts: readonly string[],
  options: LayerOptions = {},
  base: GoMap = new Map(),
): GoMap {
  let out = base;
  for (const t of texts) out = applySetFlag(out, flag, t, options);
  return out;
}

/** Reads one `-f` file's text into a map; errors read `failed to parse <path>: ...`. */
export function readValuesFile(path: string, text: string, dialect: Dialect = 'helm4'): GoMap {
  try {
    return readValues(text, dialect);
  } catch (e) {
    if (e instanceof ValuesFileError)
      throw new ValuesError(`failed to parse ${path}: ${e.message}`, path, { cause: e });
    throw e;
  }
}

/** Builds the user-supplied values from every layer (helm's values.Options.MergeValues). */
export function mergeValueLayers(layers: ValueLayers, options: LayerOptions = {}): GoMap {
  const dialect = options.dialect ?? 'helm4';
  const readFile = options.readFile ?? noFiles;
  let base: GoMap = new Map();
  for (const path of layers.valueFiles ?? []) {
    let text: string;
    try {
      text = readFile(path);
    } catch (e) {
      throw new ValuesError((e as Error).message, path, { cause: e });
    }
    base = mergeMaps(base, readValuesFile(path, text, dialect));
  }
  for (const v of layers.jsonValues ?? []) base = applySetFlag(base, 'set-json', v, options);
  for (const v of layers.values ?? []) base = applySetFlag(base, 'set', v, options);
  for (const v of layers.stringValues ?? []) base = applySetFlag(base, 'set-string', v, options);
  for (const v of layers.fileValues ?? []) base = applySetFlag(base, 'set-file', v, { dialect, readFile });
  for (const v of layers.literalValues ?? []) base = applySetFlag(base, 'set-literal', v, options);
  return base;
}
