// libyaml's emitter as go-yaml runs it (emitterc.go), for the documents Helm's toYaml and toYamlPretty write:
// block mappings and sequences, flow style only for empty collections, scalars in the style the encoder asks for
// and the emitter may override (plain → single-quoted → double-quoted; literal → double-quoted), 80-column
// folding of long scalars (v2; v3 does not fold), v2's indentless sequences under mapping keys.
//
// Written as a recursive walk over a small tree instead of libyaml's event queue: the queue only serves to look
// ahead for empty collections, which the tree shows directly. Widths are counted as libyaml counts them: columns
// in characters, the simple-key limit in UTF-8 bytes.

import { byteLength } from '../template/gostring.ts';

export const SCALAR_PLAIN = 1;
export const SCALAR_SINGLE = 2;
export const SCALAR_DOUBLE = 3;
export const SCALAR_LITERAL = 4;

export type YNode =
  | { readonly kind: 'scalar'; readonly value: string; readonly style: number }
  | { readonly kind: 'seq'; readonly items: YNode[] }
  | { readonly kind: 'map'; readonly pairs: [YNode, YNode][] };

interface Analysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

export interface EmitterOptions {
  /** best_indent (2..9). */
  indent: number;
  /** best_width; Infinity disables folding (go-yaml v3's default). */
  width: number;
  /** go-yaml v2: a sequence that is a mapping value starts at the key's column ("indentless"). */
  indentlessSequences: boolean;
  /** go-yaml v3: a tab keeps a scalar out of plain and single-quoted style but allows a literal block. */
  v3Tabs?: boolean;
}

function isBreakCp(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isBlankzCp(c: number): boolean {
  return c === 32 || c === 9 || c === 0 || isBreakCp(c);
}

/** libyaml's is_printable over UTF-8 bytes, as a test on code points (astral characters are not printable). */
function isPrintable(c: number): boolean {
  return (
    c === 10 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

function codePoints(s: string): number[] {
  const cps: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      cps.push(s.codePointAt(i)!);
      i++;
    } else cps.push(c);
  }
  return cps;
}

const ANALYSIS_EMPTY: Analysis = {
  multiline: false,
  flowPlainAllowed: false,
  blockPlainAllowed: true,
  singleQuotedAllowed: true,
  blockAllowed: false,
};

// Plain ASCII text starting with a letter or digit, with no indicator, space or break: the common case,
// decided without a scan.
const SIMPLE_PLAIN = /^[A-Za-z0-9][A-Za-z0-9_./=+$^()-]*$/;

// Analyses are only read, so the common answer is one shared object rather than one per scalar.
const ANALYSIS_SIMPLE: Analysis = {
  multiline: false,
  flowPlainAllowed: true,
  blockPlainAllowed: true,
  singleQuotedAllowed: true,
  blockAllowed: true,
};

function analyze(value: string, v3Tabs: boolean): Analysis {
  if (value.length === 0) return ANALYSIS_EMPTY;
  if (SIMPLE_PLAIN.test(value)) return ANALYSIS_SIMPLE;
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  const len = value.length;
  for (let i = 0; i < len; ) {
    const c = value.codePointAt(i)!;
    const w = c > 0xffff ? 2 : 1;
    const last = i + w >= len;
    const next = last ? -1 : value.charCodeAt(i + w);
    const followedByWhitespace = next === -1 || next === 32 || next === 9;
    if (i === 0) {
      switch (c) {
        case 35: // #
        case 44: // ,
        case 91: // [
        case 93: // ]
        case 123: // {
        case 125: // }
        case 38: // &
        case 42: // *
        case 33: // !
        case 124: // |
        case 62: // >
        case 39: // '
        case 34: // "
        case 37: // %
        case 64: // @
        case 96: // `
          flowIndicators = true;
          blockIndicators = true;
          break;
        case 63: // ?
        case 58: // :
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 45: // -
          if (followedByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    } else {
      switch (c) {
        case 44:
        case 63:
        case 91:
        case 93:
        case 123:
        case 125:
          flowIndicators = true;
          break;
        case 58:
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 35:
          if (precededByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    }
    if (v3Tabs && c === 9) tabs = true;
    else if (!isPrintable(c)) special = true;
    if (c === 32) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreakCp(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankzCp(c);
    i += w;
  }
  const a: Analysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || tabs || special) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) a.blockAllowed = false;
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

const HEX_UPPER = '0123456789ABCDEF';
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
const HIGH_SURROGATE = /[\ud800-\udbff]/;

export class Emitter {
  private out = '';
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;
  private flowLevel = 0;
  private mappingContext = false;
  private simpleKeyContext = false;

  constructor(private readonly opts: EmitterOptions) {}

  /** One implicit document holding root, as go-yaml's Marshal writes it. */
  document(root: YNode): string {
    this.node(root, false, false);
    this.writeIndent();
    return this.out;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? this.opts.indent : 0;
    else if (!indentless) this.indent += this.opts.indent;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private put(s: string): void {
    this.out += s;
    this.column++;
  }

  private writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) {
      this.out += ' '.repeat(indent - this.column);
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.out += ind;
    this.column += ind.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private node(n: YNode, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    if (n.kind === 'scalar') this.scalar(n.value, n.style);
    else if (n.kind === 'seq') this.sequence(n.items);
    else this.mapping(n.pairs);
  }

  private sequence(items: YNode[]): void {
    if (this.flowLevel > 0 || items.length === 0) {
      this.writeIndicator('[', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
      for (let i = 0; i < items.length; i++) {
        if (i > 0) this.writeIndicator(',', false, false, false);
        if (this.column > this.opts.width) this.writeIndent();
        this.node(items[i], false, false);
      }
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator(']', false, false, false);
      return;
    }
    this.increaseIndent(false, this.opts.indentlessSequences && this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, false, false);
    }
    this.popIndent();
  }

  private isSimpleKey(k: YNode): boolean {
    if (k.kind === 'scalar') {
      const a = analyze(k.value, this.opts.v3Tabs === true);
      // A simple plain key is ASCII: its length is its UTF-8 length.
      if (a === ANALYSIS_SIMPLE) return k.value.length <= 128;
      if (a.multiline) return false;
      return byteLength(k.value) <= 128;
    }
    return k.kind === 'seq' ? k.items.length === 0 : k.pairs.length === 0;
  }

  private mapping(pairs: [YNode, YNode][]): void {
    if (this.flowLevel > 0 || pairs.length === 0) {
      this.writeIndicator('{', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
      for (let i = 0; i < pairs.length; i++) {
        if (i > 0) this.writeIndicator(',', false, false, false);
        if (this.column > this.opts.width) this.writeIndent();
        const [k, v] = pairs[i];
        if (this.isSimpleKey(k)) {
          this.node(k, true, true);
          this.writeIndicator(':', false, false, false);
        } else {
          this.writeIndicator('?', true, false, false);
          this.node(k, true, false);
          if (this.column > this.opts.width) this.writeIndent();
          this.writeIndicator(':', true, false, false);
        }
        this.node(v, true, false);
      }
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator('}', false, false, false);
      return;
    }
    this.increaseIndent(false, false);
    for (const [k, v] of pairs) {
      this.writeIndent();
      if (this.isSimpleKey(k)) {
        this.node(k, true, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(k, true, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(v, true, false);
    }
    this.popIndent();
  }

  private scalar(value: string, requested: number): void {
    const a = analyze(value, this.opts.v3Tabs === true);
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = SCALAR_DOUBLE;
    if (style === SCALAR_PLAIN) {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) {
        style = SCALAR_SINGLE;
      }
      if (value.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = SCALAR_SINGLE;
    }
    if (style === SCALAR_SINGLE && !a.singleQuotedAllowed) style = SCALAR_DOUBLE;
    if (style === SCALAR_LITERAL && (!a.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) {
      style = SCALAR_DOUBLE;
    }
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    switch (style) {
      case SCALAR_PLAIN:
        this.writePlain(value, allowBreaks);
        break;
      case SCALAR_SINGLE:
        this.writeSingle(value, allowBreaks);
        break;
      case SCALAR_DOUBLE:
        this.writeDouble(value, allowBreaks);
        break;
      default:
        this.writeLiteral(value);
    }
    this.popIndent();
  }

  private writeBreakChar(c: number): void {
    if (c === 10) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
    }
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const width = this.opts.width;
    if (!allowBreaks || this.column + value.length <= width) {
      // Nothing can fold: written as is unless it holds line breaks.
      if (!LINE_BREAK.test(value)) {
        this.out += value;
        // Columns count code points: without a high surrogate, every code unit is one.
        this.column += HIGH_SURROGATE.test(value) ? codePoints(value).length : value.length;
        this.whitespace = false;
        this.indention = false;
        return;
      }
    }
    const cps = codePoints(value);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 32) {
        if (allowBreaks && !spaces && this.column > width && cps[i + 1] !== 32) {
          this.writeIndent();
        } else {
          this.put(' ');
        }
        spaces = true;
      } else if (isBreakCp(c)) {
        if (!breaks && c === 10) this.putBreak();
        this.writeBreakChar(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.out += String.fromCodePoint(c);
        this.column++;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const cps = codePoints(value);
    const width = this.opts.width;
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 32) {
        if (allowBreaks && !spaces && this.column > width && i > 0 && i < cps.length - 1 && cps[i + 1] !== 32) {
          this.writeIndent();
        } else {
          this.put(' ');
        }
        spaces = true;
      } else if (isBreakCp(c)) {
        if (!breaks && c === 10) this.putBreak();
        this.writeBreakChar(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 39) this.put("'");
        this.out += String.fromCodePoint(c);
        this.column++;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const cps = codePoints(value);
    const width = this.opts.width;
    // libyaml tests for a byte order mark at the start of the value, not at each character: a value starting
    // with U+FEFF is escaped in full.
    const bom = cps[0] === 0xfeff;
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (bom || !isPrintable(c) || isBreakCp(c) || c === 34 || c === 92) {
        this.put('\\');
        let esc: string | undefined;
        switch (c) {
          case 0:
            esc = '0';
            break;
          case 7:
            esc = 'a';
            break;
          case 8:
            esc = 'b';
            break;
          case 9:
            esc = 't';
            break;
          case 10:
            esc = 'n';
            break;
          case 11:
            esc = 'v';
            break;
          case 12:
            esc = 'f';
            break;
          case 13:
            esc = 'r';
            break;
          case 27:
            esc = 'e';
            break;
          case 34:
            esc = '"';
            break;
          case 92:
            esc = '\\';
            break;
          case 0x85:
            esc = 'N';
            break;
          case 0xa0:
            esc = '_';
            break;
          case 0x2028:
            esc = 'L';
            break;
          case 0x2029:
            esc = 'P';
            break;
        }
        if (esc !== undefined) {
          this.put(esc);
        } else {
          const [letter, digits] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(letter as string);
          for (let k = ((digits as number) - 1) * 4; k >= 0; k -= 4) this.put(HEX_UPPER[(c >> k) & 15]);
        }
        spaces = false;
      } else if (c === 32) {
        if (allowBreaks && !spaces && this.column > width && i > 0 && i < cps.length - 1) {
          this.writeIndent();
          if (cps[i + 1] === 32) this.put('\\');
        } else {
          this.put(' ');
        }
        spaces = true;
      } else {
        this.out += String.fromCodePoint(c);
        this.column++;
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    const cps = codePoints(value);
    // Block scalar hints: an explicit indentation when the text starts with a space or break, and chomping.
    if (cps.length > 0 && (cps[0] === 32 || isBreakCp(cps[0]))) {
      this.writeIndicator(String(this.opts.indent), false, false, false);
    }
    let chomp = '';
    if (cps.length === 0) chomp = '-';
    else {
      const last = cps.length - 1;
      if (!isBreakCp(cps[last])) chomp = '-';
      else if (last === 0 || isBreakCp(cps[last - 1])) chomp = '+';
    }
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreakCp(c)) {
        this.writeBreakChar(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.out += String.fromCodePoint(c);
        this.column++;
        this.indention = false;
        breaks = false;
      }
    }
  }
}
