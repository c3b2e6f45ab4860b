// Go's fmt.Sprint, Sprintln and Sprintf for bosun's value model (src/fmt/print.go).
//
// The engine prints pipeline results with `formatValue`, and `print`/`println`/`printf` with the others;
// Sprig's functions (toString, cat, join, ...) use them too.

import { Printer } from './fmt-printer.ts';
import { formatFloat } from './strconv.ts';
import { GoInt, isUnsigned, typeOf, type Value } from './value.ts';

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
  const p = new Printer();
  p.printArg(v, 'v');
  return p.out;
}

/** Go's fmt.Sprint: operands in their default format, a space between two operands when neither is a string. */
export function sprint(args: readonly Value[]): string {
  if (args.length === 1) return formatValue(args[0]);
  const p = new Printer();
  let prevString = false;
  for (let i = 0; i < args.length; i++) {
    const isString = typeof args[i] === 'string';
    if (i > 0 && !isString && !prevString) p.out += ' ';
    p.printArg(args[i], 'v');
    prevString = isString;
  }
  return p.out;
}

/** Go's fmt.Sprintln: operands in their default format, always separated by spaces, and a newline. */
export function sprintln(args: readonly Value[]): string {
  const p = new Printer();
  for (let i = 0; i < args.length; i++) {
    if (i > 0) p.out += ' ';
    p.printArg(args[i], 'v');
  }
  return p.out + '\n';
}

/** Widths and precisions above this are treated as malformed, as Go does. */
const MAX_NUM = 1e6;

/**
 * Go's fmt.Sprintf. Every verb and flag of Go's fmt, `*` widths and precisions, explicit argument indexes
 * (`%[2]d`), and Go's error texts: `%!d(string=a)`, `%!d(MISSING)`, `%!(EXTRA int=1)`, `%!(BADWIDTH)`,
 * `%!(BADPREC)`, `%!(NOVERB)`, `%!d(BADINDEX)`.
 */
export function sprintf(format: string, args: readonly Value[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false; // the previous item was an index like [3]
  let reordered = false;
  let goodArgNum = true;

  // A decimal number at format[i..end): [value, present, next index]. Absurdly long numbers swallow the rest.
  const parseNum = (i: number, stop: number): [number, boolean, number] => {
    let num = 0;
    let isNum = false;
    for (; i < stop; i++) {
      const c = format.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (num > MAX_NUM || num < -MAX_NUM) return [0, false, stop];
      num = num * 10 + (c - 48);
      isNum = true;
    }
    return [num, isNum, i];
  };

  // An explicit argument index `[n]` at format[i]: sets argNum (zero-based) and returns the next index.
  const argIndex = (i: number): number => {
    afterIndex = false;
    if (i >= end || format.charCodeAt(i) !== 91 /* [ */) return i;
    reordered = true;
    // Find the closing bracket; without one, consume just the '['.
    let close = -1;
    for (let j = i + 1; j < end; j++) {
      if (format.charCodeAt(j) === 93 /* ] */) {
        close = j;
        break;
      }
    }
    if (end - i < 3 || close < 0) {
      goodArgNum = false;
      return i + 1;
    }
    const [n, ok, next] = parseNum(i + 1, close);
    if (!ok || next !== close) {
      goodArgNum = false;
      return close + 1;
    }
    afterIndex = true;
    if (n - 1 >= 0 && n - 1 < args.length) argNum = n - 1;
    else goodArgNum = false;
    return close + 1;
  };

  // An integer operand for `*`: [value, ok]; advances argNum when there is an operand.
  const intArg = (): [number, boolean] => {
    if (argNum >= args.length) return [0, false];
    const a = args[argNum++];
    if (!(a instanceof GoInt)) return [0, false];
    const v = a.value;
    if (isUnsigned(a.kind) ? v >= 1n << 63n : v < -(1n << 63n) || v >= 1n << 63n) return [0, false];
    if (v > BigInt(MAX_NUM) || v < -BigInt(MAX_NUM)) return [0, false];
    return [Number(v), true];
  };

  for (let i = 0; i < end; ) {
    goodArgNum = true;
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      p.out += i === 0 ? format : format.slice(i);
      break;
    }
    if (pct > i) p.out += format.slice(i, pct);
    i = pct + 1;

    p.clearFlags();
    flags: for (; i < end; i++) {
      switch (format.charCodeAt(i)) {
        case 35 /* # */:
          p.sharp = true;
          break;
        case 48 /* 0 */:
          p.zero = true;
          break;
        case 43 /* + */:
          p.plus = true;
          break;
        case 45 /* - */:
          p.minus = true;
          break;
        case 32 /* space */:
          p.space = true;
          break;
        default:
          break flags;
      }
    }

    i = argIndex(i);

    // Width: a number or `*` (a negative `*` width means left-justify).
    if (i < end && format.charCodeAt(i) === 42 /* * */) {
      i++;
      [p.wid, p.widPresent] = intArg();
      if (!p.widPresent) p.out += '%!(BADWIDTH)';
      if (p.wid < 0) {
        p.wid = -p.wid;
        p.minus = true;
        p.zero = false;
      }
      afterIndex = false;
    } else {
      [p.wid, p.widPresent, i] = parseNum(i, end);
      if (afterIndex && p.widPresent) goodArgNum = false; // "%[3]2d"
    }

    // Precision: `.` then a number (none means 0) or `*`.
    if (i + 1 < end && format.charCodeAt(i) === 46 /* . */) {
      i++;
      if (afterIndex) goodArgNum = false; // "%[3].2d"
      i = argIndex(i);
      if (i < end && format.charCodeAt(i) === 42 /* * */) {
        i++;
        [p.prec, p.precPresent] = intArg();
        if (p.prec < 0) {
          p.prec = 0;
          p.precPresent = false;
        }
        if (!p.precPresent) p.out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        [p.prec, p.precPresent, i] = parseNum(i, end);
        if (!p.precPresent) {
          p.prec = 0;
          p.precPresent = true;
        }
      }
    }

    if (!afterIndex) i = argIndex(i);

    if (i >= end) {
      p.out += '%!(NOVERB)';
      break;
    }

    let verb: string;
    const c = format.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (format.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      verb = format.slice(i, i + 2);
      i += 2;
    } else {
      verb = c >= 0xd800 && c <= 0xdfff ? '\ufffd' : format[i];
      i++;
    }

    if (verb === '%') {
      p.out += '%'; // takes no operand and ignores width and precision
    } else if (!goodArgNum) {
      p.out += '%!' + verb + '(BADINDEX)';
    } else if (argNum >= args.length) {
      p.out += '%!' + verb + '(MISSING)';
    } else {
      if (verb === 'v' || verb === 'w') {
        // %#v is Go syntax and %+v adds field names: flags of their own, not # and + of other verbs.
        p.sharpV = p.sharp;
        p.sharp = false;
        p.plusV = p.plus;
        p.plus = false;
      }
      p.printArg(args[argNum++], verb);
    }
  }

  // Operands left over, unless the format chose operands by index.
  if (!reordered && argNum < args.length) {
    p.clearFlags();
    p.out += '%!(EXTRA ';
    for (let k = argNum; k < args.length; k++) {
      if (k > argNum) p.out += ', ';
      const a = args[k];
      if (a === null || a === undefined) {
        p.out += '<nil>';
      } else {
        p.out += typeOf(a) + '=';
        p.printArg(a, 'v');
      }
    }
    p.out += ')';
  }
  return p.out;
}
