// Warnings helm prints on stderr while loading charts and coalescing values, in each dialect's form:
//   helm 4 (log/slog text handler, no time):  level=INFO msg="warning: destination for a.b is a table. ..."
//                                              level=WARN msg="returned non-bool value" path=a.enabled chart=sub
//   helm 3 (log with Lshortfile):             coalesce.go:301: warning: destination for a.b is a table. ...
// A warning records both forms; either may be absent when only one helm prints it.

import { goQuote } from './goquote.ts';
import type { Dialect } from './strvals.ts';

export interface HelmWarning {
  /** helm 4's slog record (log.Printf output arrives as INFO). */
  readonly helm4?: {
    readonly level: 'INFO' | 'WARN' | 'ERROR';
    readonly msg: string;
    readonly attrs?: readonly (readonly [string, string])[];
  };
  /** helm 3's log line: the `file.go:line` that printed it, and the text. */
  readonly helm3?: { readonly site: string; readonly text: string };
}

export type WarnFn = (w: HelmWarning) => void;

/** A warning printed with log.Printf by both helms (helm 4 routes it through slog at INFO). */
export function printfWarning(text: string, helm3Site: string): HelmWarning {
  return { helm4: { level: 'INFO', msg: text }, helm3: { site: helm3Site, text } };
}

/** The line helm prints for a warning (without the trailing newline), or undefined if that helm is silent. */
export function formatWarning(w: HelmWarning, dialect: Dialect = 'helm4'): string | undefined {
  if (dialect === 'helm3') return w.helm3 ? `${w.helm3.site}: ${w.helm3.text}` : undefined;
  if (!w.helm4) return undefined;
  let line = `level=${w.helm4.level} msg=${slogValue(w.helm4.msg)}`;
  for (const [k, v] of w.helm4.attrs ?? []) line += ` ${k}=${slogValue(v)}`;
  return line;
}

/** slog's TextHandler quoting: a value is quoted when empty or holding spaces, `=`, `"` or unprintables. */
export function slogValue(s: string): string {
  return needsQuoting(s) ? goQuote(s) : s;
}

// Made on first use: V8 parses a Unicode-class RegExp when it creates it (~1 ms for this one), and most runs print
// no warning.
let unsafe: RegExp | undefined;

function needsQuoting(s: string): boolean {
  unsafe ??= /[\s="\p{C}]|[^\p{L}\p{M}\p{N}\p{P}\p{S}]/u;
  return s.length === 0 || unsafe.test(s);
}
