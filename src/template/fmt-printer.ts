// The printer behind sprint/sprintf: Go's fmt rules (src/fmt/print.go, format.go) for bosun's value model.
//
// One Printer formats one call. It holds the output so far and the flags of the current verb; `printArg`
// prints an operand with a verb the way Go's fmt prints an interface{} holding that value, `printValue` the
// way it prints an element found inside a slice, map or struct.
//
// Widths and precisions count code points, which is what Go counts (runes) for every valid UTF-8 string.

import { decimalBytes, FloatPad, floatText, integerText, toRune, unicodeText } from './fmt-number.ts';

import { byteOffsetOfRune, fromUtf8, runeCount, truncateRunes, utf8, validUtf8 } from './fmt-text.ts';
import { compareStrings } from './gostring.ts';
import { canBackquote, formatFloat, quote, quoteBytes, quoteRune, quoteRuneToASCII, quoteToASCII } from './strconv.ts';
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

/** Map keys in Go's order (fmtsort: by bytes). */
function sortedKeys(m: GoMap): string[] {
  const keys = Array.from(m.keys());
  if (keys.length > 1) keys.sort(compareStrings);
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
    // A String() of the pointer type is not in a struct value's method set.
    if (v.stringerOnPointer && !v.isPointer) return false;
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
    } else if (isGoFunc(v)) {
      this.fmtPointer(v, verb);
    } else {
      this.out += '?unknown?'; // not a bosun value (Go prints ?type? for kinds it cannot show)
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

  /** Prints a struct's fields in braces (`{a b}`, `{A:a B:b}` with %+v, `pkg.T{A:"a"}` with %#v). */
  printStruct(s: GoStruct, verb: string, depth: number): void {
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
        else this.integer(n, 10, verb, false);
        return;
      case 'd':
        this.integer(n, 10, verb, false);
        return;
      case 'b':
        this.integer(n, 2, verb, false);
        return;
      case 'o':
      case 'O':
        this.integer(n, 8, verb, false);
        return;
      case 'x':
        this.integer(n, 16, verb, false);
        return;
      case 'X':
        this.integer(n, 16, verb, true);
        return;
      case 'c':
        this.padString(String.fromCodePoint(toRune(n)));
        return;
      case 'q':
        this.padString(this.plus ? quoteRuneToASCII(toRune(n)) : quoteRune(toRune(n)));
        return;
      case 'U':
        this.padSpaces(unicodeText(this, n < 0n ? n + TWO64 : n));
        return;
      default:
        this.badVerb(verb, new GoInt(n, kind));
    }
  }

  /** Hexadecimal with or without 0x, whatever the # flag says. */
  private fmt0x64(u: bigint, leading0x: boolean): void {
    const sharp = this.sharp;
    this.sharp = leading0x;
    this.integer(u, 16, 'v', false);
    this.sharp = sharp;
  }

  private integer(n: bigint, base: 2 | 8 | 10 | 16, verb: string, upper: boolean): void {
    const s = integerText(this, n, base, verb, upper);
    if (s !== undefined) {
      this.padSpaces(s);
      return;
    }
    // Precision 0 prints nothing for zero, but still pads.
    const zero = this.zero;
    this.zero = false;
    this.writePadding(this.wid);
    this.zero = zero;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Floats

  private fmtFloat(v: number, size: 32 | 64, verb: string): void {
    switch (verb) {
      case 'v':
        if (!this.widPresent && !this.precPresent && !this.plus && !this.space && !this.sharp) {
          this.out += formatFloat(v, 'g', -1, size);
          return;
        }
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
    const [text, pad] = floatText(this, v, size, verb, prec);
    if (pad === FloatPad.Flags) this.padString(text);
    else if (pad === FloatPad.Spaces) this.padSpaces(text);
    else this.out += text;
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
    if ((verb === 'v' || verb === 'd') && !this.widPresent && !this.precPresent && !this.plus && !this.space) {
      this.out += decimalBytes(b);
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
