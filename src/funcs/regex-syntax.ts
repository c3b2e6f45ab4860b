// Go's regexp syntax (RE2, as regexp/syntax parses it in Perl mode) translated to a JavaScript RegExp.
//
// The parser walks the pattern the way Go's does, so a bad pattern fails with Go's error text (`error parsing
// regexp: missing closing ): `(a``), then the tree is printed as JS source with Go's meanings made explicit:
// `.` excludes only \n, \s \d \w and POSIX classes are ASCII, (?m) ^ and $ see only \n, flags may change
// mid-pattern (JS has no inline flags in Node 20: scoped case folding is spelled out as classes), captures are
// plain numbered groups (names are kept aside, since Go allows names JS does not). Matching is leftmost-first in
// both engines, so a translated pattern finds the same matches.

const MAX_RUNE = 0x10ffff;
const MAX_REPEAT = 1000;

export class RegexSyntaxError extends Error {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

const ERR = {
  charRange: 'invalid character class range',
  escape: 'invalid escape sequence',
  namedCapture: 'invalid named capture',
  perlOp: 'invalid or unsupported Perl syntax',
  repeatOp: 'invalid nested repetition operator',
  repeatSize: 'invalid repeat count',
  missingBracket: 'missing closing ]',
  missingParen: 'missing closing )',
  missingRepeatArg: 'missing argument to repetition operator',
  trailingBackslash: 'trailing backslash at end of expression',
  unexpectedParen: 'unexpected )',
} as const;

interface Flags {
  fold: boolean;
  multiLine: boolean;
  dotNL: boolean;
  nonGreedy: boolean;
}

type Node =
  | { t: 'lit'; cp: number; fold: boolean }
  | { t: 'class'; ranges: number[]; props: string[]; neg: boolean; fold: boolean }
  | { t: 'any'; nl: boolean }
  | { t: 'bol' | 'eol' | 'bot' | 'eot' | 'wb' | 'nwb' }
  | { t: 'group'; cap: number; alts: Node[][] }
  | { t: 'repeat'; op: 'star' | 'plus' | 'quest' | 'braces'; sub: Node; min: number; max: number; greedy: boolean };

interface Frame {
  cap: number;
  flags: Flags; // flags in force when the group opened (restored at its ')')
  alts: Node[][];
  cur: Node[];
}

// Perl and POSIX classes as [lo, hi] pairs.
const DIGIT = [0x30, 0x39];
const SPACE = [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20];
const WORD = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
const PERL: Record<string, [number[], boolean]> = {
  '\\d': [DIGIT, false],
  '\\D': [DIGIT, true],
  '\\s': [SPACE, false],
  '\\S': [SPACE, true],
  '\\w': [WORD, false],
  '\\W': [WORD, true],
};
const POSIX_BASE: Record<string, number[]> = {
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: DIGIT,
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [0x09, 0x0d, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: WORD,
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
};

const CATEGORIES = new Set(
  'C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);
// Unicode's long category names (Go 1.25's unicode.CategoryAliases), canonicalized.
const CATEGORY_ALIASES: Record<string, string> = {
  Other: 'C',
  Control: 'Cc',
  Format: 'Cf',
  Unassigned: 'Cn',
  Privateuse: 'Co',
  Surrogate: 'Cs',
  Letter: 'L',
  Casedletter: 'LC',
  Lowercaseletter: 'Ll',
  Modifierletter: 'Lm',
  Otherletter: 'Lo',
  Titlecaseletter: 'Lt',
  Uppercaseletter: 'Lu',
  Mark: 'M',
  Combiningmark: 'M',
  Spacingmark: 'Mc',
  Enclosingmark: 'Me',
  Nonspacingmark: 'Mn',
  Number: 'N',
  Decimalnumber: 'Nd',
  Digit: 'Nd',
  Letternumber: 'Nl',
  Othernumber: 'No',
  Punctuation: 'P',
  Punct: 'P',
  Connectorpunctuation: 'Pc',
  Dashpunctuation: 'Pd',
  Closepunctuation: 'Pe',
  Finalpunctuation: 'Pf',
  Initialpunctuation: 'Pi',
  Otherpunctuation: 'Po',
  Openpunctuation: 'Ps',
  Symbol: 'S',
  Currencysymbol: 'Sc',
  Modifiersymbol: 'Sk',
  Mathsymbol: 'Sm',
  Othersymbol: 'So',
  Separator: 'Z',
  Lineseparator: 'Zl',
  Paragraphseparator: 'Zp',
  Spaceseparator: 'Zs',
  Cntrl: 'Cc',
};
// Go's script table keys that survive its name canonicalization (one capital, then lower case): Go 1.25 looks
// names up canonicalized, so multi-word scripts such as Old_Italic are not found at all (as helm 4 shows).
const SCRIPTS = new Set(
  (
    'Adlam Ahom Arabic Armenian Avestan Balinese Bamum Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese ' +
    'Buhid Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cyrillic Deseret Devanagari Dogra ' +
    'Duployan Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gurmukhi Han Hangul ' +
    'Hanunoo Hatran Hebrew Hiragana Inherited Javanese Kaithi Kannada Katakana Kawi Kharoshthi Khmer Khojki ' +
    'Khudawadi Lao Latin Lepcha Limbu Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen ' +
    'Medefaidrin Miao Modi Mongolian Mro Multani Myanmar Nabataean Nandinagari Newa Nko Nushu Ogham Osage Osmanya ' +
    'Palmyrene Phoenician Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham Sinhala Sogdian Sundanese ' +
    'Syriac Tagalog Tagbanwa Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto ' +
    'Ugaritic Vai Vithkuqi Wancho Yezidi Yi'
  ).split(' '),
);

/** Go 1.25's canonicalName: no `_`, `-` or spaces; first letter upper case, the rest lower case. */
function canonicalName(name: string): string {
  const s = name.replace(/[_\- ]/g, '');
  return s.slice(0, 1).toUpperCase() + s.slice(1).toLowerCase();
}

/**
 * The JS property (or `Any`/`ASCII`) for a Go Unicode class name, or undefined if Go does not know the name.
 * Follows helm 4.1.4's Go (1.25); Go 1.23 (helm 3.17) only knew exact category and script names.
 */
function unicodeProperty(raw: string, exactNames: boolean): string | undefined {
  // Go 1.23 (helm 3.17) looks names up exactly; Go 1.25 canonicalizes them first.
  const name = exactNames ? raw : canonicalName(raw);
  if (exactNames) {
    if (raw === 'Any') return 'Any';
    if (CATEGORIES.has(raw)) return `General_Category=${raw}`;
    return SCRIPTS.has(raw) ? scriptProperty(raw) : undefined;
  }
  switch (name) {
    case 'Any':
      return 'Any';
    case 'Assigned':
      return '^General_Category=Cn';
    case 'Ascii':
      return 'ASCII';
    case 'Lc':
      return 'General_Category=LC';
  }
  if (CATEGORIES.has(name)) return `General_Category=${name}`;
  if (SCRIPTS.has(name)) return scriptProperty(name);
  const alias = CATEGORY_ALIASES[name];
  return alias ? `General_Category=${alias}` : undefined;
}

function scriptProperty(name: string): string | undefined {
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return `Script=${name}`;
  } catch {
    return undefined; // a script newer than this Node's Unicode tables
  }
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function negate(ranges: number[]): number[] {
  const sorted = normalize(ranges);
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < sorted.length; i += 2) {
    if (next <= sorted[i] - 1) out.push(next, sorted[i] - 1);
    next = sorted[i + 1] + 1;
  }
  if (next <= MAX_RUNE) out.push(next, MAX_RUNE);
  return out;
}

function normalize(ranges: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i], ranges[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1] + 1) {
      if (hi > out[n - 1]) out[n - 1] = hi;
    } else out.push(lo, hi);
  }
  return out;
}

export interface ParsedRegex {
  /** JavaScript source for `new RegExp(source, flags)`. */
  source: string;
  flags: string;
  /** Capture group names by group number (index 0 is the whole match; unnamed groups are ''). */
  names: string[];
}

class Parser {
  private i = 0;
  private flags: Flags = { fold: false, multiLine: false, dotNL: false, nonGreedy: false };
  private stack: Frame[] = [];
  private frame: Frame;
  private numCap = 0;
  readonly names: string[] = [''];
  private lastRepeat = -1; // start of the previous token when it was a repetition operator

  constructor(
    private readonly s: string,
    private readonly exactNames = false,
  ) {
    this.frame = { cap: 0, flags: { ...this.flags }, alts: [], cur: [] };
  }

  private cp(at: number): number {
    return this.s.codePointAt(at)!;
  }

  private width(at: number): number {
    return this.cp(at) > 0xffff ? 2 : 1;
  }

  parse(): Node[][] {
    const s = this.s;
    while (this.i < s.length) {
      const start = this.i;
      let repeatStart = -1;
      const c = s[this.i];
      switch (c) {
        case '(':
          if (s[this.i + 1] === '?') this.parsePerlFlags();
          else {
            this.i++;
            this.open(++this.numCap, '');
          }
          break;
        case '|':
          this.i++;
          this.frame.alts.push(this.frame.cur);
          this.frame.cur = [];
          break;
        case ')':
          this.i++;
          this.close();
          break;
        case '^':
          this.i++;
          this.push({ t: this.flags.multiLine ? 'bol' : 'bot' });
          break;
        case '$':
          this.i++;
          this.push({ t: this.flags.multiLine ? 'eol' : 'eot' });
          break;
        case '.':
          this.i++;
          this.push({ t: 'any', nl: this.flags.dotNL });
          break;
        case '[':
          this.parseClass();
          break;
        case '*':
        case '+':
        case '?': {
          this.i++;
          const op = c === '*' ? 'star' : c === '+' ? 'plus' : 'quest';
          this.repeat(op, c === '+' ? 1 : 0, c === '?' ? 1 : -1, start);
          repeatStart = start;
          break;
        }
        case '{': {
          const r = this.parseRepeat(start);
          if (!r) {
            this.i++;
            this.literal(0x7b);
            break;
          }
          const [min, max, end] = r;
          this.i = end;
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            throw new RegexSyntaxError(ERR.repeatSize, s.slice(start, end));
          }
          this.repeat('braces', min, max, start);
          repeatStart = start;
          break;
        }
        case '\\':
          this.parseBackslash();
          break;
        default: {
          const cp = this.cp(this.i);
          this.i += this.width(this.i);
          this.literal(cp);
        }
      }
      this.lastRepeat = repeatStart;
    }
    if (this.stack.length > 0) throw new RegexSyntaxError(ERR.missingParen, s);
    this.frame.alts.push(this.frame.cur);
    return this.frame.alts;
  }

  private push(n: Node): void {
    this.frame.cur.push(n);
  }

  private literal(cp: number): void {
    this.push({ t: 'lit', cp, fold: this.flags.fold });
  }

  private open(cap: number, name: string): void {
    this.stack.push(this.frame);
    this.frame = { cap, flags: { ...this.flags }, alts: [], cur: [] };
    if (cap > 0) this.names[cap] = name;
  }

  private close(): void {
    const f = this.frame;
    const outer = this.stack.pop();
    if (!outer) throw new RegexSyntaxError(ERR.unexpectedParen, this.s);
    f.alts.push(f.cur);
    this.flags = { ...f.flags };
    this.frame = outer;
    this.push({ t: 'group', cap: f.cap, alts: f.alts });
  }

  /** Applies a repetition operator to the last item; `start` is where the operator's text begins. */
  private repeat(op: 'star' | 'plus' | 'quest' | 'braces', min: number, max: number, start: number): void {
    let nonGreedy = this.flags.nonGreedy;
    if (this.s[this.i] === '?') {
      this.i++;
      nonGreedy = !nonGreedy;
    }
    if (this.lastRepeat >= 0) throw new RegexSyntaxError(ERR.repeatOp, this.s.slice(this.lastRepeat, this.i));
    const cur = this.frame.cur;
    if (cur.length === 0) throw new RegexSyntaxError(ERR.missingRepeatArg, this.s.slice(start, this.i));
    const node: Node = { t: 'repeat', op, sub: cur[cur.length - 1], min, max, greedy: !nonGreedy };
    cur[cur.length - 1] = node;
    if (op === 'braces' && (min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
      throw new RegexSyntaxError(ERR.repeatSize, this.s.slice(start, this.i));
    }
  }

  /** `{min}`, `{min,}` or `{min,max}` at `at`: [min, max (-1: none), end], or null if not of that form. */
  private parseRepeat(at: number): [number, number, number] | null {
    const s = this.s;
    let i = at + 1;
    const int = (): number | null => {
      if (i >= s.length || s[i] < '0' || s[i] > '9') return null;
      if (s[i] === '0' && i + 1 < s.length && s[i + 1] >= '0' && s[i + 1] <= '9') return null;
      let n = 0;
      while (i < s.length && s[i] >= '0' && s[i] <= '9') {
        if (n >= 1e8) n = -1;
        else if (n >= 0) n = n * 10 + (s.charCodeAt(i) - 0x30);
        i++;
      }
      return n;
    };
    let min = int();
    if (min === null || i >= s.length) return null;
    let max: number;
    if (s[i] !== ',') max = min;
    else {
      i++;
      if (i >= s.length) return null;
      if (s[i] === '}') max = -1;
      else {
        const m = int();
        if (m === null) return null;
        max = m;
        if (max < 0) min = -1;
      }
    }
    if (i >= s.length || s[i] !== '}') return null;
    return [min, max, i + 1];
  }

  private parsePerlFlags(): void {
    const s = this.s;
    const start = this.i;
    const t = s.slice(start);
    const withP = t.length > 4 && t[2] === 'P' && t[3] === '<';
    const withName = t.length > 3 && t[2] === '<';
    if (withP || withName) {
      const exprStart = withP ? 4 : 3;
      const end = t.indexOf('>');
      if (end < 0) throw new RegexSyntaxError(ERR.namedCapture, t);
      const name = t.slice(exprStart, end);
      if (name === '' || !/^[A-Za-z0-9_]+$/.test(name)) {
        throw new RegexSyntaxError(ERR.namedCapture, t.slice(0, end + 1));
      }
      this.i = start + end + 1;
      this.open(++this.numCap, name);
      return;
    }
    let i = start + 2;
    const flags = { ...this.flags };
    let negated = false;
    let sawFlag = false;
    while (i < s.length) {
      const c = s[i];
      i += this.width(i);
      switch (c) {
        case 'i':
        case 'm':
        case 's':
        case 'U': {
          const on = !negated;
          if (c === 'i') flags.fold = on;
          else if (c === 'm') flags.multiLine = on;
          else if (c === 's') flags.dotNL = on;
          else flags.nonGreedy = on;
          sawFlag = true;
          continue;
        }
        case '-':
          if (negated) break;
          negated = true;
          sawFlag = false;
          continue;
        case ':':
        case ')':
          if (negated && !sawFlag) break;
          this.i = i;
          if (c === ':') {
            this.open(0, '');
          }
          this.flags = flags;
          return;
      }
      break;
    }
    throw new RegexSyntaxError(ERR.perlOp, s.slice(start, i));
  }

  private parseBackslash(): void {
    const s = this.s;
    const start = this.i;
    if (start + 1 < s.length) {
      const c = s[start + 1];
      const simple: Record<string, Node['t']> = { A: 'bot', z: 'eot', b: 'wb', B: 'nwb' };
      if (simple[c]) {
        this.i += 2;
        this.push({ t: simple[c] } as Node);
        return;
      }
      if (c === 'C') throw new RegexSyntaxError(ERR.escape, '\\C');
      if (c === 'Q') {
        const e = s.indexOf('\\E', start + 2);
        const lit = e < 0 ? s.slice(start + 2) : s.slice(start + 2, e);
        this.i = e < 0 ? s.length : e + 2;
        for (const ch of lit) this.literal(ch.codePointAt(0)!);
        return;
      }
    }
    const cls: Node & { t: 'class' } = { t: 'class', ranges: [], props: [], neg: false, fold: this.flags.fold };
    if (this.parseUnicodeClass(cls) || this.parsePerlClass(cls)) {
      this.push(cls);
      return;
    }
    this.literal(this.parseEscape());
  }

  /** An escape for one character (\n, \x41, \x{263a}, \101, \.), at this.i. */
  private parseEscape(): number {
    const s = this.s;
    const start = this.i;
    let i = start + 1;
    if (i >= s.length) throw new RegexSyntaxError(ERR.trailingBackslash, '');
    const c = this.cp(i);
    i += this.width(i);
    const fail = (): never => {
      throw new RegexSyntaxError(ERR.escape, s.slice(start, i));
    };
    const isOct = (k: number) => k < s.length && s[k] >= '0' && s[k] <= '7';
    if (c >= 0x31 && c <= 0x37 && !isOct(i)) fail();
    if (c >= 0x30 && c <= 0x37) {
      let r = c - 0x30;
      for (let k = 1; k < 3 && isOct(i); k++) r = r * 8 + (s.charCodeAt(i++) - 0x30);
      this.i = i;
      return r;
    }
    if (c === 0x78 /* x */) {
      if (i >= s.length) fail();
      let d = this.cp(i);
      i += this.width(i);
      if (d === 0x7b /* { */) {
        let r = 0;
        let n = 0;
        for (;;) {
          if (i >= s.length) fail();
          d = this.cp(i);
          i += this.width(i);
          if (d === 0x7d) break;
          const v = unhex(d);
          if (v < 0) fail();
          r = r * 16 + v;
          if (r > MAX_RUNE) fail();
          n++;
        }
        if (n === 0) fail();
        this.i = i;
        return r;
      }
      const x = unhex(d);
      const y = i < s.length ? unhex(this.cp(i)) : -1;
      if (i < s.length) i += this.width(i);
      if (x < 0 || y < 0) fail();
      this.i = i;
      return x * 16 + y;
    }
    const ctl: Record<number, number> = { 97: 7, 102: 12, 110: 10, 114: 13, 116: 9, 118: 11 };
    if (ctl[c] !== undefined) {
      this.i = i;
      return ctl[c];
    }
    if (c < 0x80 && !isAlnum(c)) {
      this.i = i;
      return c;
    }
    return fail();
  }

  private parsePerlClass(cls: Node & { t: 'class' }): boolean {
    const g = PERL[this.s.slice(this.i, this.i + 2)];
    if (!g) return false;
    this.i += 2;
    addGroup(cls, g[0], g[1]);
    return true;
  }

  /** \pL, \p{Greek}, \PL, \p{^Greek}; false if not at one. */
  private parseUnicodeClass(cls: Node & { t: 'class' }): boolean {
    const s = this.s;
    const start = this.i;
    if (s[start] !== '\\' || (s[start + 1] !== 'p' && s[start + 1] !== 'P')) return false;
    let negated = s[start + 1] === 'P';
    let i = start + 2;
    if (i >= s.length) throw new RegexSyntaxError(ERR.charRange, s.slice(start));
    let name: string;
    let seqEnd: number;
    if (s[i] !== '{') {
      seqEnd = i + this.width(i);
      name = s.slice(i, seqEnd);
    } else {
      const end = s.indexOf('}', start);
      if (end < 0) throw new RegexSyntaxError(ERR.charRange, s.slice(start));
      seqEnd = end + 1;
      name = s.slice(i + 1, end);
    }
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const prop = unicodeProperty(name, this.exactNames);
    if (prop === undefined) throw new RegexSyntaxError(ERR.charRange, s.slice(start, seqEnd));
    i = seqEnd;
    this.i = i;
    if (prop === 'Any') addGroup(cls, [0, MAX_RUNE], negated);
    else if (prop === 'ASCII') addGroup(cls, [0, 0x7f], negated);
    else if (prop.startsWith('^')) cls.props.push(`\\${negated ? 'p' : 'P'}{${prop.slice(1)}}`);
    else cls.props.push(`\\${negated ? 'P' : 'p'}{${prop}}`);
    return true;
  }

  private parseClass(): void {
    const s = this.s;
    const start = this.i;
    this.i++;
    const cls: Node & { t: 'class' } = { t: 'class', ranges: [], props: [], neg: false, fold: this.flags.fold };
    if (s[this.i] === '^') {
      cls.neg = true;
      this.i++;
    }
    let first = true;
    while (this.i >= s.length || s[this.i] !== ']' || first) {
      first = false;
      if (s.length - this.i > 2 && s[this.i] === '[' && s[this.i + 1] === ':') {
        const close = s.indexOf(':]', this.i + 2);
        if (close >= 0) {
          const name = s.slice(this.i, close + 2);
          let base = name.slice(2, -2);
          const neg = base.startsWith('^');
          if (neg) base = base.slice(1);
          const g = POSIX_BASE[base];
          if (!g) throw new RegexSyntaxError(ERR.charRange, name);
          addGroup(cls, g, neg);
          this.i = close + 2;
          continue;
        }
      }
      if (this.parseUnicodeClass(cls) || this.parsePerlClass(cls)) continue;
      const rangeStart = this.i;
      const lo = this.classChar(start);
      let hi = lo;
      if (s.length - this.i >= 2 && s[this.i] === '-' && s[this.i + 1] !== ']') {
        this.i++;
        hi = this.classChar(start);
        if (hi < lo) throw new RegexSyntaxError(ERR.charRange, s.slice(rangeStart, this.i));
      }
      cls.ranges.push(lo, hi);
    }
    this.i++;
    this.push(cls);
  }

  private classChar(classStart: number): number {
    const s = this.s;
    if (this.i >= s.length) throw new RegexSyntaxError(ERR.missingBracket, s.slice(classStart));
    if (s[this.i] === '\\') return this.parseEscape();
    const c = this.cp(this.i);
    this.i += this.width(this.i);
    return c;
  }
}

/** Adds a Perl or POSIX group; under (?i) Go folds a group before negating it (so (?i)\W excludes ſ and K). */
function addGroup(cls: { ranges: number[]; fold: boolean }, ranges: number[], negated: boolean): void {
  const add = negated ? negate(cls.fold ? foldRanges(ranges) : ranges) : ranges;
  for (const x of add) cls.ranges.push(x);
}

function repeatIsValid(n: Node, budget: number): boolean {
  if (n.t === 'repeat' && n.op === 'braces') {
    let m = n.max;
    if (m === 0) return true;
    if (m < 0) m = n.min;
    if (m > budget) return false;
    if (m > 0) budget = Math.trunc(budget / m);
  }
  if (n.t === 'repeat') return repeatIsValid(n.sub, budget);
  if (n.t === 'group') return n.alts.every((alt) => alt.every((x) => repeatIsValid(x, budget)));
  return true;
}

// ---- Printing as JavaScript ----

let foldOrbits: Map<number, number[]> | undefined;

/** Case-folding orbits (Go's unicode.SimpleFold cycles), derived from JS's one-to-one case mappings. */
function orbitOf(cp: number): number[] {
  if (!foldOrbits) {
    foldOrbits = new Map();
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let r = x;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
      return r;
    };
    const join = (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(ra, rb);
    };
    for (let c = 0x41; c <= 0x1e943; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (c === 0x130 || c === 0x131) continue; // Turkic dotted/dotless i fold to nothing in Go
      const ch = String.fromCodePoint(c);
      for (const m of [ch.toLowerCase(), ch.toUpperCase()]) {
        const mc = m.codePointAt(0)!;
        if (m.length === (mc > 0xffff ? 2 : 1) && mc !== c && mc !== 0x130 && mc !== 0x131) {
          if (!parent.has(c)) parent.set(c, c);
          if (!parent.has(mc)) parent.set(mc, mc);
          join(c, mc);
        }
      }
    }
    const groups = new Map<number, number[]>();
    for (const c of parent.keys()) {
      const r = find(c);
      let g = groups.get(r);
      if (!g) groups.set(r, (g = []));
      g.push(c);
    }
    for (const g of groups.values()) for (const c of g) foldOrbits.set(c, g);
  }
  return foldOrbits.get(cp) ?? [cp];
}

function esc(cp: number): string {
  return isAlnum(cp) ? String.fromCharCode(cp) : `\\u{${cp.toString(16)}}`;
}

function classBody(ranges: number[]): string {
  let out = '';
  for (let i = 0; i < ranges.length; i += 2) {
    out += ranges[i] === ranges[i + 1] ? esc(ranges[i]) : `${esc(ranges[i])}-${esc(ranges[i + 1])}`;
  }
  return out;
}

function foldRanges(ranges: number[]): number[] {
  const out = ranges.slice();
  for (let i = 0; i < ranges.length; i += 2) {
    const lo = Math.max(ranges[i], 0x41);
    const hi = Math.min(ranges[i + 1], 0x1e943);
    if (ranges[i] <= 0x41 && ranges[i + 1] >= 0x1e943) continue; // folding cannot add anything
    for (let c = lo; c <= hi; c++) for (const f of orbitOf(c)) if (f !== c) out.push(f, f);
  }
  return normalize(out);
}

class Printer {
  constructor(private readonly expandFold: boolean) {}

  alts(alts: Node[][]): string {
    return alts.map((a) => this.seq(a)).join('|');
  }

  seq(nodes: Node[]): string {
    let out = '';
    for (const n of nodes) out += this.node(n);
    return out;
  }

  /** Source for one node and whether it can take a quantifier as it is. */
  private atom(n: Node): [string, boolean] {
    switch (n.t) {
      case 'lit': {
        if (this.expandFold && n.fold) {
          const orbit = orbitOf(n.cp);
          if (orbit.length > 1) return [`[${orbit.map(esc).join('')}]`, true];
        }
        return [esc(n.cp), true];
      }
      case 'class': {
        let ranges = n.ranges;
        if (this.expandFold && n.fold) ranges = foldRanges(ranges);
        return [`[${n.neg ? '^' : ''}${classBody(ranges)}${n.props.join('')}]`, true];
      }
      case 'any':
        return [n.nl ? '[\\s\\S]' : '[^\\n]', true];
      case 'bol':
        return ['(?<![^\\n])', false];
      case 'eol':
        return ['(?![^\\n])', false];
      case 'bot':
        return ['^', false];
      case 'eot':
        return ['$', false];
      case 'wb':
        return ['\\b', false];
      case 'nwb':
        return ['\\B', false];
      case 'group':
        return [n.cap > 0 ? `(${this.alts(n.alts)})` : `(?:${this.alts(n.alts)})`, true];
      case 'repeat': {
        const [sub, ok] = this.atom(n.sub);
        const base = ok && n.sub.t !== 'repeat' ? sub : `(?:${sub})`;
        let q: string;
        if (n.op === 'star') q = '*';
        else if (n.op === 'plus') q = '+';
        else if (n.op === 'quest') q = '?';
        else q = n.max === -1 ? `{${n.min},}` : n.max === n.min ? `{${n.min}}` : `{${n.min},${n.max}}`;
        return [base + q + (n.greedy ? '' : '?'), false];
      }
    }
  }

  private node(n: Node): string {
    return this.atom(n)[0];
  }
}

function foldUse(alts: Node[][], seen: Set<boolean>): void {
  for (const alt of alts) {
    for (const n of alt) {
      if (n.t === 'lit' || n.t === 'class') seen.add(n.fold);
      else if (n.t === 'group') foldUse(n.alts, seen);
      else if (n.t === 'repeat') foldUse([[n.sub]], seen);
    }
  }
}

/** Parses a Go regexp and returns its JavaScript form; throws RegexSyntaxError with Go's message. */
export function translateRegex(pattern: string, options: { helm3?: boolean } = {}): ParsedRegex {
  const p = new Parser(pattern, options.helm3 === true);
  const tree = p.parse();
  const seen = new Set<boolean>();
  foldUse(tree, seen);
  // Case folding everywhere: JS's own `i` flag (its Unicode simple folding is Go's). Mixed: spell it out.
  const allFold = seen.has(true) && !seen.has(false);
  const source = new Printer(!allFold && seen.has(true)).alts(tree);
  return { source, flags: allFold ? 'giu' : 'gu', names: p.names };
}
