// Go's fmt.Sprint, Sprintln and Sprintf for bosun's value model (src/fmt/print.go).
//
// The engine prints pipeline results with `formatPrintable` (or `formatValue`), and `print`/`println`/`printf`
// with the others; Sprig's functions (toString, cat, join, quote, ...) use them too.
//
// Bytes and code points: Go strings are UTF-8 bytes, ours UTF-16. Where Go counts runes (widths, `%.3s`
// precisions) we count code points, which is the same count for any valid UTF-8. Where Go works on bytes
// (`%x` of a string, map key order) we use the UTF-8 bytes or code point order, which agree. Only invalid UTF-8
// differs: a JS string cannot hold it, so it can only come as a `[]byte` (Uint8Array); `%q` and `%x` of those
// escape each bad byte as Go does, while `%s` and `%v`-as-text turn it into U+FFFD where Go writes the raw byte.
// Pointers (%p, nested struct pointers) print made-up but stable addresses: Go's are not reproducible anyway.

import { Printer } from './fmt-printer.ts';
import { printf } from './fmt-printf.ts';
import { formatFloat } from './strconv.ts';
import { GoInt, GoStruct, type Value } from './value.ts';

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

/**
 * How text/template prints a pipeline result (`{{ .Capabilities }}`): as formatValue, except that a pointer to a
 * struct prints its fields without `&`, and a String() method declared on the pointer type applies (the engine's
 * operand is addressable; Go's rule is exact for struct fields and variables, not for values taken from maps).
 * Missing values (`<no value>`) are the engine's to print.
 */
export function formatPrintable(v: Value): string {
  if (!(v instanceof GoStruct)) return formatValue(v);
  if (v.goString !== undefined) return v.goString();
  if (!v.isPointer) return formatValue(v);
  const p = acquire();
  p.printStruct(v, 'v', 1);
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
  const quick = simpleSprintf(format, args);
  if (quick !== undefined) return quick;
  const p = acquire();
  printf(p, format, args);
  return release(p);
}

/**
 * The formats charts use most (`%s-headless`, `%s.%s.svc.%s`, `%s:%d`): bare `%s`/`%v` of strings, `%d`/`%v` of
 * integers and `%%`, each operand used once in order. Those print as the operand itself, so they are joined
 * here without the general scanner (cold, it costs more than the whole format). Anything else: undefined.
 */
function simpleSprintf(format: string, args: readonly Value[]): string | undefined {
  let out = '';
  let i = 0;
  let argNum = 0;
  for (let pct = format.indexOf('%'); pct >= 0; pct = format.indexOf('%', i)) {
    out += format.slice(i, pct);
    const verb = format.charCodeAt(pct + 1);
    i = pct + 2;
    if (verb === 37 /* % */) {
      out += '%';
      continue;
    }
    if (argNum >= args.length) return undefined;
    const a = args[argNum];
    if (typeof a === 'string') {
      if (verb !== 115 /* s */ && verb !== 118 /* v */) return undefined;
      out += a;
    } else if (a instanceof GoInt) {
      if (verb !== 100 /* d */ && verb !== 118 /* v */) return undefined;
      out += a.value.toString();
    } else return undefined;
    argNum++;
  }
  if (argNum !== args.length) return undefined;
  return i === 0 ? format : out + format.slice(i);
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
