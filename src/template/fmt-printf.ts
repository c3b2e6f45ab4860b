// The format-string half of Go's fmt.Sprintf (doPrintf in src/fmt/print.go): flags, width, precision, `*`,
// explicit argument indexes and the error texts for malformed directives. The printer does the operands.

import type { Printer } from './fmt-printer.ts';
import { GoInt, typeOf, type Value } from './value.ts';

/** Widths and precisions above this are treated as malformed, as Go does. */
const MAX_NUM = 1e6;

/** Reads one format string, directive by directive, printing operands through a Printer. */
class FormatScanner {
  readonly end: number;
  private argNum = 0;
  /** The previous item was an explicit index like [3]. */
  private afterIndex = false;
  /** The format chose operands by index (then leftover operands are not reported). */
  private reordered = false;
  private goodArgNum = true;
  /** Result of parseNum. */
  private num = 0;
  private isNum = false;

  constructor(
    readonly p: Printer,
    readonly format: string,
    readonly args: readonly Value[],
  ) {
    this.end = format.length;
  }

  /** A decimal number at format[i..stop) into num/isNum; returns the next index. Absurd numbers swallow the rest. */
  private parseNum(i: number, stop: number): number {
    let num = 0;
    this.isNum = false;
    for (; i < stop; i++) {
      const c = this.format.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (num > MAX_NUM || num < -MAX_NUM) {
        this.num = 0;
        this.isNum = false;
        return stop;
      }
      num = num * 10 + (c - 48);
      this.isNum = true;
    }
    this.num = num;
    return i;
  }

  /** An explicit argument index `[n]` at format[i]: sets argNum (zero-based); returns the next index. */
  private argIndex(i: number): number {
    const { format, end } = this;
    this.afterIndex = false;
    if (i >= end || format.charCodeAt(i) !== 91 /* [ */) return i;
    this.reordered = true;
    // Find the closing bracket; without one, consume just the '['.
    let close = -1;
    for (let j = i + 1; j < end; j++) {
      if (format.charCodeAt(j) === 93 /* ] */) {
        close = j;
        break;
      }
    }
    if (end - i < 3 || close < 0) {
      this.goodArgNum = false;
      return i + 1;
    }
    const next = this.parseNum(i + 1, close);
    if (!this.isNum || next !== close) {
      this.goodArgNum = false;
      return close + 1;
    }
    this.afterIndex = true;
    const n = this.num - 1;
    if (n >= 0 && n < this.args.length) this.argNum = n;
    else this.goodArgNum = false;
    return close + 1;
  }

  /** An integer operand for `*` into num/isNum; advances argNum when there is an operand. */
  private intArg(): void {
    this.num = 0;
    this.isNum = false;
    if (this.argNum >= this.args.length) return;
    const a = this.args[this.argNum++];
    if (!(a instanceof GoInt)) return;
    const v = a.value;
    if (v > BigInt(MAX_NUM) || v < -BigInt(MAX_NUM)) return;
    this.num = Number(v);
    this.isNum = true;
  }

  run(): void {
    const { p, format, args, end } = this;
    for (let i = 0; i < end; ) {
      this.goodArgNum = true;
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

      i = this.argIndex(i);

      // Width: a number or `*` (a negative `*` width means left-justify).
      if (i < end && format.charCodeAt(i) === 42 /* * */) {
        i++;
        this.intArg();
        p.wid = this.num;
        p.widPresent = this.isNum;
        if (!p.widPresent) p.out += '%!(BADWIDTH)';
        if (p.wid < 0) {
          p.wid = -p.wid;
          p.minus = true;
          p.zero = false;
        }
        this.afterIndex = false;
      } else {
        i = this.parseNum(i, end);
        p.wid = this.num;
        p.widPresent = this.isNum;
        if (this.afterIndex && p.widPresent) this.goodArgNum = false; // "%[3]2d"
      }

      // Precision: `.` then a number (none means 0) or `*`.
      if (i + 1 < end && format.charCodeAt(i) === 46 /* . */) {
        i++;
        if (this.afterIndex) this.goodArgNum = false; // "%[3].2d"
        i = this.argIndex(i);
        if (i < end && format.charCodeAt(i) === 42 /* * */) {
          i++;
          this.intArg();
          p.prec = this.num;
          p.precPresent = this.isNum;
          if (p.prec < 0) {
            p.prec = 0;
            p.precPresent = false;
          }
          if (!p.precPresent) p.out += '%!(BADPREC)';
          this.afterIndex = false;
        } else {
          i = this.parseNum(i, end);
          p.prec = this.num;
          p.precPresent = this.isNum;
          if (!p.precPresent) {
            p.prec = 0;
            p.precPresent = true;
          }
        }
      }

      if (!this.afterIndex) i = this.argIndex(i);

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
      } else if (!this.goodArgNum) {
        p.out += '%!' + verb + '(BADINDEX)';
      } else if (this.argNum >= args.length) {
        p.out += '%!' + verb + '(MISSING)';
      } else {
        if (verb === 'v' || verb === 'w') {
          // %#v is Go syntax and %+v adds field names: flags of their own, not # and + of other verbs.
          p.sharpV = p.sharp;
          p.sharp = false;
          p.plusV = p.plus;
          p.plus = false;
        }
        p.printArg(args[this.argNum++], verb);
      }
    }

    // Operands left over, unless the format chose operands by index.
    if (!this.reordered && this.argNum < args.length) {
      p.clearFlags();
      p.out += '%!(EXTRA ';
      for (let k = this.argNum; k < args.length; k++) {
        if (k > this.argNum) p.out += ', ';
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
  }
}

/** Prints `format` with `args` into `p` as Go's Sprintf does. */
export function printf(p: Printer, format: string, args: readonly Value[]): void {
  new FormatScanner(p, format, args).run();
}
