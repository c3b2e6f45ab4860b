// The printer behind sprint/sprintf: Go's fmt rules (src/fmt/print.go, format.go) for bosun's value model.
//
// One Printer formats one call. It holds the output so far and the flags of the current verb; `printArg`
// prints an operand with a verb the way Go's fmt prints an interface{} holding that value, `printValue` the
// way it prints an element found inside a slice, map or struct.
//
// Widths and precisions count code points, which is what Go counts (runes) for every valid UTF-8 string.

import {
  canBackquote,
  formatFloat,
  isPrint,
  quote,
  quoteBytes,
  quoteRune,
  quoteRuneToASCII,
  quoteToASCII,
} from './strconv.ts';
import {
  GoInt,
  type GoMap,
  type GoSlice,
  GoStruct,
  type IntKind,
  isUnsigned,
  NO_FIELD,
  typeOf,
  type Value,
} from './value.ts';

const LOWER = '0123456789abcdefx';
const UPPER = '0123456789ABCDEFX';

const TWO64 = 1n << 64n;

let encoder: InstanceType<typeof TextEncoder> | undefined;
let decoder: InstanceType<typeof TextDecoder> | undefined;
let strictDecoder: InstanceType<typeof TextDecoder> | undefined;

function utf8(s: string): Uint8Array {
  encoder ??= new TextEncoder();
  return encoder.encode(s);
}

/** Bytes as text; invalid UTF-8 becomes U+FFFD (a JS string cannot hold it). */
function fromUtf8(b: Uint8Array): string {
  decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
  return decoder.decode(b);
}

/** Bytes as text if they are valid UTF-8. */
function validUtf8(b: Uint8Array): string | undefined {
  strictDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return strictDecoder.decode(b);
  } catch {
    return undefined;
  }
}

/** Number of code points in `s` (Go's utf8.RuneCountInString for the string's UTF-8 form). */
export function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The first `n` code points of `s`. */
function truncateRunes(s: string, n: number): string {
  if (n >= s.length) return s;
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return s.slice(0, i);
}

/** Go's comparison of strings: by bytes of UTF-8, which is by code points (not UTF-16 code units). */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (U+10000 and up) sort after U+E000–U+FFFF in code point order.
      if (x >= 0xd800) x = x <= 0xdfff ? x + 0x2000 : x - 0x800;
      if (y >= 0xd800) y = y <= 0xdfff ? y + 0x2000 : y - 0x800;
      return x - y;
    }
  }
  return a.length - b.length;
}

function sortedKeys(m: GoMap): string[] {
  const keys = Array.from(m.keys());
  if (keys.length > 1) keys.sort(compareGoStrings);
  return keys;
}

// Go prints addresses for pointers, maps and functions with %p; bosun has none, so each object gets a stable
// made-up address in Go's heap range for the life of the process.
const addresses = new WeakMap<object, bigint>();
let nextAddress = 0xc000010000n;

function addressOf(v: object): bigint {
  let a = addresses.get(v);
  if (a === undefined) {
    a = nextAddress;
    nextAddress += 0x30n;
    addresses.set(v, a);
  }
  return a;
}

function isGoFunc(v: Value): boolean {
  return typeof v === 'object' && v !== null && !(v instanceof GoStruct) && 'fn' in v && typeof v.fn === 'function';
}

export class Printer {
  out = '';

  wid = 0;
  prec = 0;
  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  /** %+v: print struct field names. */
  plusV = false;
  /** %#v: Go syntax. */
  sharpV = false;

  /** Set while printing an error operand, so that String() methods are not called again. */
  private erroring = false;

  clearFlags(): void {
    this.wid = 0;
    this.prec = 0;
    this.widPresent = false;
    this.precPresent = false;
    this.minus = false;
    this.plus = false;
    this.sharp = false;
    this.space = false;
    this.zero = false;
    this.plusV = false;
    this.sharpV = false;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Padding

  private writePadding(n: number): void {
    if (n <= 0) return;
    this.out += (this.zero && !this.minus ? '0' : ' ').repeat(n);
  }

  /** Appends `s` padded to the width with spaces (or zeros with the 0 flag), left or right. */
  padString(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.out += s;
      return;
    }
    const n = this.wid - runeCount(s);
    if (n <= 0) {
      this.out += s;
    } else if (this.minus) {
      this.out += s;
      this.writePadding(n);
    } else {
      this.writePadding(n);
      this.out += s;
    }
  }

  /** padString with space padding even under the 0 flag (numbers handle their own zeros). */
  private padSpaces(s: string): void {
    const zero = this.zero;
    this.zero = false;
    this.padString(s);
    this.zero = zero;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Operands

  /** Prints an operand as Go prints an interface{} argument. */
  printArg(arg: Value, verb: string): void {
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.padString('<nil>');
      else this.badVerb(verb, null);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeOf(arg));
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(arg, 'p');
      return;
    }
    switch (typeof arg) {
      case 'string':
        this.fmtString(arg, verb);
        return;
      case 'number':
        this.fmtFloat(arg, 64, verb);
        return;
      case 'boolean':
        this.fmtBool(arg, verb);
        return;
    }
    if (arg instanceof GoInt) {
      this.fmtInteger(arg.value, arg.kind, verb);
    } else if (arg instanceof Uint8Array) {
      this.fmtBytes(arg, verb, '[]byte');
    } else if (!this.handleMethods(arg, verb)) {
      this.printValue(arg, verb, 0);
    }
  }

  /** Uses a String() method for the verbs that accept strings. */
  private handleMethods(v: Value, verb: string): boolean {
    if (this.erroring) return false;
    if (verb === 'w') {
      // %w is only for fmt.Errorf, which templates cannot call.
      this.badVerb(verb, v);
      return true;
    }
    if (!(v instanceof GoStruct) || v.goString === undefined || this.sharpV) return false;
    switch (verb) {
      case 'v':
      case 's':
      case 'x':
      case 'X':
      case 'q':
        this.fmtString(v.goString(), verb);
        return true;
    }
    return false;
  }

  /** Prints a value found at `depth` inside another (0: the operand itself, after printArg's special cases). */
  printValue(v: Value, verb: string, depth: number): void {
    if (v === null || v === undefined) {
      // A nil interface inside a container prints as <nil> whatever the verb.
      this.out += this.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    switch (typeof v) {
      case 'string':
        this.fmtString(v, verb);
        return;
      case 'number':
        this.fmtFloat(v, 64, verb);
        return;
      case 'boolean':
        this.fmtBool(v, verb);
        return;
    }
    if (v instanceof GoInt) {
      this.fmtInteger(v.value, v.kind, verb);
    } else if (v instanceof Uint8Array) {
      this.fmtBytes(v, verb, '[]uint8');
    } else if (Array.isArray(v)) {
      this.printSlice(v, verb, depth);
    } else if (v instanceof Map) {
      this.printMap(v, verb, depth);
    } else if (v instanceof GoStruct) {
      if (depth > 0 && this.handleMethods(v, verb)) return;
      if (!v.isPointer) {
        this.printStruct(v, verb, depth);
      } else if (depth === 0) {
        // Pointers to structs print as &{...} at the top level only (Go avoids loops that way).
        this.out += '&';
        this.printStruct(v, verb, depth + 1);
      } else {
        this.fmtPointer(v, verb);
      }
    } else {
      this.fmtPointer(v, verb);
    }
  }

  private printSlice(v: GoSlice, verb: string, depth: number): void {
    if (this.sharpV) {
      this.out += typeOf(v) + '{';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.out += ', ';
        this.printValue(v[i], verb, depth + 1);
      }
      this.out += '}';
      return;
    }
    this.out += '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) this.out += ' ';
      this.printValue(v[i], verb, depth + 1);
    }
    this.out += ']';
  }

  private printMap(m: GoMap, verb: string, depth: number): void {
    const sharpV = this.sharpV;
    this.out += sharpV ? typeOf(m) + '{' : 'map[';
    let first = true;
    for (const k of sortedKeys(m)) {
      if (!first) this.out += sharpV ? ', ' : ' ';
      first = false;
      this.printValue(k, verb, depth + 1);
      this.out += ':';
      this.printValue(m.get(k), verb, depth + 1);
    }
    this.out += sharpV ? '}' : ']';
  }

  private printStruct(s: GoStruct, verb: string, depth: number): void {
    const sharpV = this.sharpV;
    if (sharpV) this.out += s.isPointer ? s.goTypeName.slice(1) : s.goTypeName;
    this.out += '{';
    const names = s.fieldNames();
    for (let i = 0; i < names.length; i++) {
      if (i > 0) this.out += sharpV ? ', ' : ' ';
      if (this.plusV || sharpV) this.out += names[i] + ':';
      const x = s.field(names[i]);
      this.printValue(x === NO_FIELD ? undefined : x, verb, depth + 1);
    }
    this.out += '}';
  }

  /** %!verb(type=value): the operand does not suit the verb. */
  badVerb(verb: string, v: Value): void {
    this.erroring = true;
    this.out += '%!' + verb + '(';
    if (v === null || v === undefined) {
      this.out += '<nil>';
    } else {
      this.out += typeOf(v) + '=';
      this.printArg(v, 'v');
    }
    this.out += ')';
    this.erroring = false;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Booleans

  private fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.padString(v ? 'true' : 'false');
    else this.badVerb(verb, v);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Integers

  /** Prints an integer of Go kind `kind` (its value `n` is negative only for signed kinds). */
  private fmtInteger(n: bigint, kind: IntKind, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV && isUnsigned(kind)) this.fmt0x64(n, true);
        else this.integer(n, 10, verb, LOWER);
        return;
      case 'd':
        this.integer(n, 10, verb, LOWER);
        return;
      case 'b':
        this.integer(n, 2, verb, LOWER);
        return;
      case 'o':
      case 'O':
        this.integer(n, 8, verb, LOWER);
        return;
      case 'x':
        this.integer(n, 16, verb, LOWER);
        return;
      case 'X':
        this.integer(n, 16, verb, UPPER);
        return;
      case 'c':
        this.padString(String.fromCodePoint(toRune(n)));
        return;
      case 'q':
        this.padString(this.plus ? quoteRuneToASCII(toRune(n)) : quoteRune(toRune(n)));
        return;
      case 'U':
        this.fmtUnicode(n < 0n ? n + TWO64 : n);
        return;
      default:
        this.badVerb(verb, new GoInt(n, kind));
    }
  }

  /** Hexadecimal with or without 0x, whatever the # flag says. */
  private fmt0x64(u: bigint, leading0x: boolean): void {
    const sharp = this.sharp;
    this.sharp = leading0x;
    this.integer(u, 16, 'v', LOWER);
    this.sharp = sharp;
  }

  private integer(n: bigint, base: number, verb: string, digits: string): void {
    const negative = n < 0n;
    const u = negative ? -n : n;
    // Leading zeros come from a precision (%.3d) or, failing that, from the 0 flag and the width (%03d).
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        // Precision 0 prints nothing for zero, but still pads.
        const zero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = zero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let s = u.toString(base);
    if (digits === UPPER && base === 16) s = s.toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    if (this.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8 && s.charCodeAt(0) !== 48) s = '0' + s;
      else if (base === 16) s = '0' + digits[16] + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.plus) s = '+' + s;
    else if (this.space) s = ' ' + s;
    this.padSpaces(s);
  }

  /** %U: U+0078, or with # U+0078 'x'. */
  private fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let s = u.toString(16).toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    s = 'U+' + s;
    if (this.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += " '" + String.fromCodePoint(Number(u)) + "'";
    this.padSpaces(s);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Floats

  private fmtFloat(v: number, size: 32 | 64, verb: string): void {
    switch (verb) {
      case 'v':
        this.float(v, size, 'g', -1);
        return;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.float(v, size, verb, -1);
        return;
      case 'f':
      case 'e':
      case 'E':
        this.float(v, size, verb, 6);
        return;
      case 'F':
        this.float(v, size, 'f', 6);
        return;
      default:
        this.badVerb(verb, v);
    }
  }

  private float(v: number, size: 32 | 64, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb, prec, size);
    // num gets an explicit sign so that the flags below can decide what to show.
    const c0 = num.charCodeAt(0);
    if (c0 !== 45 /* - */ && c0 !== 43 /* + */) num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    const c1 = num.charCodeAt(1);
    if (c1 === 73 /* I */ || c1 === 78 /* N */) {
      // Infinities and NaN are not padded with zeros; NaN shows a sign only when asked to.
      if (c1 === 78 && !this.space && !this.plus) num = num.slice(1);
      this.padSpaces(num);
      return;
    }
    if (this.sharp && verb !== 'b') num = keepPoint(num, verb, prec);
    if (this.plus || num[0] !== '+') {
      // With zero padding the sign goes before the zeros.
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.out += num[0] + '0'.repeat(this.wid - num.length) + num.slice(1);
        return;
      }
      this.padString(num);
      return;
    }
    this.padString(num.slice(1));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Strings and bytes

  private fmtString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's':
        this.fmtS(s);
        return;
      case 'x':
        this.fmtHexBytes(utf8(s), LOWER);
        return;
      case 'X':
        this.fmtHexBytes(utf8(s), UPPER);
        return;
      case 'q':
        this.fmtQ(s);
        return;
      default:
        this.badVerb(verb, s);
    }
  }

  private fmtS(s: string): void {
    if (this.precPresent) s = truncateRunes(s, this.prec);
    this.padString(s);
  }

  private fmtQ(s: string): void {
    if (this.precPresent) s = truncateRunes(s, this.prec);
    if (this.sharp && canBackquote(s)) this.padString('`' + s + '`');
    else this.padString(this.plus ? quoteToASCII(s) : quote(s));
  }

  /** %x of a string or bytes: two hex digits a byte; # adds 0x, space separates bytes. */
  private fmtHexBytes(b: Uint8Array, digits: string): void {
    let length = b.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) {
        width += 2;
      }
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let s = this.sharp ? '0' + digits[16] : '';
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        s += ' ';
        if (this.sharp) s += '0' + digits[16];
      }
      const c = b[i];
      s += digits[c >> 4] + digits[c & 15];
    }
    this.out += s;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  private fmtBytes(b: Uint8Array, verb: string, typeName: string): void {
    switch (verb) {
      case 's':
        this.fmtS(fromUtf8(b));
        return;
      case 'x':
        this.fmtHexBytes(b, LOWER);
        return;
      case 'X':
        this.fmtHexBytes(b, UPPER);
        return;
      case 'q':
        this.fmtQBytes(b);
        return;
    }
    if (this.sharpV && (verb === 'v' || verb === 'd')) {
      this.out += typeName + '{';
      for (let i = 0; i < b.length; i++) {
        if (i > 0) this.out += ', ';
        this.fmt0x64(BigInt(b[i]), true);
      }
      this.out += '}';
      return;
    }
    // Other verbs apply to each byte as a uint8 (%!t(uint8=1) for the unsuitable ones).
    this.out += '[';
    for (let i = 0; i < b.length; i++) {
      if (i > 0) this.out += ' ';
      this.fmtInteger(BigInt(b[i]), 'uint8', verb);
    }
    this.out += ']';
  }

  private fmtQBytes(b: Uint8Array): void {
    const s = validUtf8(b);
    if (s !== undefined) {
      this.fmtQ(s);
      return;
    }
    if (this.precPresent) b = b.subarray(0, byteOffsetOfRune(b, this.prec));
    this.padString(quoteBytes(b, this.plus));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Pointers

  /** Maps, slices, functions and struct pointers print as addresses (made up: see addressOf). */
  private fmtPointer(v: Value, verb: string): void {
    const isRef =
      Array.isArray(v) || v instanceof Map || v instanceof Uint8Array || (v instanceof GoStruct && v.isPointer);
    if (!isRef && !isGoFunc(v)) {
      this.badVerb(verb, v);
      return;
    }
    const u = addressOf(v as object);
    switch (verb) {
      case 'v':
        if (this.sharpV) {
          this.out += '(' + typeOf(v) + ')(';
          this.fmt0x64(u, true);
          this.out += ')';
        } else {
          this.fmt0x64(u, !this.sharp);
        }
        return;
      case 'p':
        this.fmt0x64(u, !this.sharp);
        return;
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        this.fmtInteger(u, 'uintptr', verb);
        return;
      default:
        this.badVerb(verb, v);
    }
  }
}

/** The rune %c prints for an integer: invalid code points become U+FFFD. */
function toRune(n: bigint): number {
  if (n < 0n || n > 0x10ffffn) return 0xfffd;
  const r = Number(n);
  return r >= 0xd800 && r <= 0xdfff ? 0xfffd : r;
}

/** Byte offset just after the first `n` runes of `b` (invalid bytes count as one rune each). */
function byteOffsetOfRune(b: Uint8Array, n: number): number {
  let i = 0;
  for (let k = 0; k < n && i < b.length; k++) {
    const c = b[i];
    let len = 1;
    if (c >= 0xc2 && c <= 0xf4) {
      len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
      for (let j = 1; j < len; j++) {
        if (i + j >= b.length || (b[i + j] & 0xc0) !== 0x80) {
          len = 1;
          break;
        }
      }
    }
    i += len;
  }
  return i;
}

/**
 * The # flag on floats: always show a decimal point, and for %g keep trailing zeros up to the precision
 * (6 when none is given). Hex-float digits count too, as in Go (`%#x` of 1.0 is 0x1.0000p+00).
 */
function keepPoint(num: string, verb: string, prec: number): string {
  let digits = 0;
  if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
  let tail = '';
  let hasPoint = false;
  let sawNonzero = false;
  let end = num.length;
  for (let i = 1; i < end; i++) {
    const c = num[i];
    if (c === '.') {
      hasPoint = true;
      continue;
    }
    if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = num.slice(i);
      end = i;
      break;
    }
    if (c !== '0') sawNonzero = true;
    if (sawNonzero) digits--;
  }
  let s = num.slice(0, end);
  if (!hasPoint) {
    if (s.length === 2 && s[1] === '0') digits--;
    s += '.';
  }
  if (digits > 0) s += '0'.repeat(digits);
  return s + tail;
}
