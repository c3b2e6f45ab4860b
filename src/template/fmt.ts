// Go's fmt.Sprint, Sprintln and Sprintf for bosun's value model (src/fmt/print.go).
//
// The engine prints pipeline results with `formatValue`, and `print`/`println`/`printf` with the others;
// Sprig's functions (toString, cat, join, ...) use them too.

import { Printer } from './fmt-printer.ts';
import { printf } from './fmt-printf.ts';
import { formatFloat } from './strconv.ts';
import { GoInt, type Value } from './value.ts';

export { quote, quoteToASCII } from './strconv.ts';

/** `%v` of one value, exactly as Go's fmt.Sprint(v) prints it. `undefined` is a nil interface (`<nil>`). */
export function formatValue(v: Value): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return formatFloat(v, 'g', -1);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return '<nil>';
  }
  if (v === null) return '<nil>';
  if (v instanceof GoInt) return v.value.toString();
  const p = acquire();
  p.printArg(v, 'v');
  return release(p);
}

/** Go's fmt.Sprint: operands in their default format, a space between two operands when neither is a string. */
export function sprint(args: readonly Value[]): string {
  if (args.length === 1) return formatValue(args[0]);
  const p = acquire();
  let prevString = false;
  for (let i = 0; i < args.length; i++) {
    const isString = typeof args[i] === 'string';
    if (i > 0 && !isString && !prevString) p.out += ' ';
    p.printArg(args[i], 'v');
    prevString = isString;
  }
  return release(p);
}

/** Go's fmt.Sprintln: operands in their default format, always separated by spaces, and a newline. */
export function sprintln(args: readonly Value[]): string {
  const p = acquire();
  for (let i = 0; i < args.length; i++) {
    if (i > 0) p.out += ' ';
    p.printArg(args[i], 'v');
  }
  p.out += '\n';
  return release(p);
}

/**
 * Go's fmt.Sprintf. Every verb and flag of Go's fmt, `*` widths and precisions, explicit argument indexes
 * (`%[2]d`), and Go's error texts: `%!d(string=a)`, `%!d(MISSING)`, `%!(EXTRA int=1)`, `%!(BADWIDTH)`,
 * `%!(BADPREC)`, `%!(NOVERB)`, `%!d(BADINDEX)`.
 */
export function sprintf(format: string, args: readonly Value[]): string {
  const p = acquire();
  printf(p, format, args);
  return release(p);
}

// One spare printer saves an allocation per call. A String() method that prints while a printer is busy simply
// gets a new one.
let spare: Printer | undefined;

function acquire(): Printer {
  const p = spare ?? new Printer();
  spare = undefined;
  return p;
}

function release(p: Printer): string {
  const s = p.out;
  p.out = '';
  p.clearFlags();
  spare = p;
  return s;
}
