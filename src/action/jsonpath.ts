// Kubernetes' JSONPath templates (k8s.io/client-go/util/jsonpath) as `helm show values --jsonpath` runs them on
// the chart's values: `{.a.b}`, `{.list[0]}`, `{.list[1:3]}`, `{.list[*].name}`, `{..name}`, `{.a['b.c']}`,
// unions `{.list[0,2]}`, filters `{.list[?(@.x=="y")]}`, `{range .list[*]}...{end}`, quoted text `{"\n"}`.
// Maps and lists print as JSON, scalars with Go's fmt. helm ignores execution errors (a missing key prints
// nothing); parse errors fail the command. Where Go iterates a map in random order (`*`, `..`), bosun sorts keys.
import { marshalJSON } from '../goyaml/index.ts';
import { formatValue } from '../template/fmt.ts';
import { GoInt, type Value } from '../template/value.ts';

export class JSONPathError extends Error {
  override name = 'JSONPathError';
}

type Node =
  | { t: 'list'; nodes: Node[] }
  | { t: 'text'; text: string }
  | { t: 'field'; name: string }
  | { t: 'ident'; name: string }
  | { t: 'array'; params: Param[] }
  | { t: 'union'; lists: Node[][] }
  | { t: 'filter'; left: Node[]; right: Node[]; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'wildcard' }
  | { t: 'recursive' };

interface Param {
  value: number;
  known: boolean;
  derived: boolean;
}

const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

/** The parser of jsonpath/parser.go: text and `{...}` actions into a list of lists of nodes. */
class Parser {
  private pos = 0;
  private start = 0;
  private root: Node[] = [];
  constructor(private readonly input: string) {}

  parse(): Node[] {
    this.root = [];
    this.parseText();
    return this.root;
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    const cp = this.input.codePointAt(this.pos) as number;
    const ch = String.fromCodePoint(cp);
    this.pos += ch.length;
    this.lastWidth = ch.length;
    return ch;
  }
  private lastWidth = 0;
  private backup(): void {
    this.pos -= this.lastWidth;
  }
  private peek(): string | undefined {
    const r = this.next();
    if (r !== undefined) this.backup();
    return r;
  }

  private parseText(): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) this.root.push({ t: 'text', text: this.consume() });
        this.pos += 1;
        this.consume();
        const list: Node[] = [];
        this.root.push({ t: 'list', nodes: list });
        this.parseInsideAction(list);
        return;
      }
      if (this.next() === undefined) break;
    }
    if (this.pos > this.start) this.root.push({ t: 'text', text: this.consume() });
  }

  private parseInsideAction(cur: Node[]): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        this.parseText();
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        const last = cur[cur.length - 1];
        if (last?.t === 'recursive') throw new JSONPathError('invalid multiple recursive descent');
        this.pos += 2;
        this.consume();
        cur.push({ t: 'recursive' });
        const r = this.peek();
        if (r !== undefined && isAlphaNumeric(r)) this.parseField(cur);
        continue;
      }
      const r = this.next();
      if (r === undefined || r === '\r' || r === '\n') throw new JSONPathError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') this.consume();
      else if (r === '[') this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === '.') this.parseField(cur);
      else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        const cp = r.codePointAt(0) as number;
        throw new JSONPathError(
          `unrecognized character in action: U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`,
        );
      }
    }
  }

  private parseIdentifier(cur: Node[]): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        if (r !== undefined) this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.push({ t: 'bool', value: value === 'true' });
    else cur.push({ t: 'ident', name: value });
  }

  private parseNumber(cur: Node[]): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c === undefined) break;
      if (c !== '.' && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (/^[+-]?\d+$/.test(value)) cur.push({ t: 'int', value: Number.parseInt(value, 10) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.push({ t: 'float', value: Number.parseFloat(value) });
    else throw new JSONPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: Node[]): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JSONPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.push({ t: 'union', lists: parts.map((p) => parseAction(`[${p.trim()}]`)) });
      return;
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      cur.push(...parseAction(`.${dict[1]}`));
      return;
    }
    const m = SLICE.exec(text);
    if (!m) throw new JSONPathError(`invalid array index ${text}`);
    const params: Param[] = [];
    const first = { value: 0, known: false, derived: false };
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      const p: Param = { value: 0, known: false, derived: false };
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (!(i > 0 && v === '')) {
          if (!/^[+-]?\d+$/.test(v)) throw new JSONPathError(`array index ${v} is not a number`);
          p.known = true;
          p.value = Number.parseInt(v, 10);
        }
      } else if (i === 1) {
        p.known = true;
        p.value = (params[0] ?? first).value + 1;
        p.derived = true;
      }
      params.push(p);
    }
    cur.push({ t: 'array', params });
  }

  private parseFilter(cur: Node[]): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JSONPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JSONPathError('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) cur.push({ t: 'filter', left: parseAction(text), right: [], op: 'exists' });
    else cur.push({ t: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] });
  }

  private parseQuote(cur: Node[], end: string): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JSONPathError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    cur.push({ t: 'text', text: unquoteExtend(value) });
  }

  private parseField(cur: Node[]): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) {
        if (r !== undefined) this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === '*') cur.push({ t: 'wildcard' });
    else cur.push({ t: 'field', name: value.replaceAll('\\', '') });
  }
}

/** jsonpath's parseAction: the nodes of `{text}`. */
function parseAction(text: string): Node[] {
  const root = new Parser(`{${text}}`).parse();
  const first = root[0];
  return first?.t === 'list' ? first.nodes : [];
}

function isDigit(r: string): boolean {
  return /^\p{Nd}$/u.test(r);
}
function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
}
function isTerminator(r: string | undefined): boolean {
  return r === undefined || ' \t\r\n.,[]$@{}'.includes(r);
}

function unquoteExtend(s: string): string {
  const quote = s[0];
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote) throw new JSONPathError(`unquote string ${s} error invalid syntax`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    if (e in simple) out += simple[e];
    else if (e === '\\' || e === quote) out += e;
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) {
        throw new JSONPathError(`unquote string ${s} error invalid syntax`);
      }
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i += n;
    } else throw new JSONPathError(`unquote string ${s} error invalid syntax`);
  }
  return out;
}

/** Runs a parsed template over data as jsonpath.Execute does; throws JSONPathError on execution errors. */
class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd: Node | undefined;

  findResults(data: Value, nodes: Node[]): Value[][] {
    const cur: Value[] = [data];
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const rest = nodes.slice(i + 1);
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v, rest));
        else this.findResults(null, rest);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEnd) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: Node): Value[] {
    switch (node.t) {
      case 'list': {
        let cur = input;
        for (const n of node.nodes) cur = this.walk(cur, n);
        return cur;
      }
      case 'text':
        return [node.text];
      case 'field':
        return this.field(input, node.name);
      case 'array':
        return array(input, node.params);
      case 'filter':
        return this.filter(input, node);
      case 'int':
        return input.map(() => goIntOf(node.value));
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return recursive(input);
      case 'union':
        return node.lists.flatMap((l) => this.walk(input, { t: 'list', nodes: l }));
      case 'ident':
        if (node.name === 'range') {
          this.beginRange++;
          return input;
        }
        if (node.name === 'end') {
          if (this.inRange > 0) {
            this.endRange++;
            return [];
          }
          throw new JSONPathError('not in range, nothing to end');
        }
        throw new JSONPathError(`unrecognized identifier ${node.name}`);
    }
  }

  private field(input: Value[], name: string): Value[] {
    if (input.length === 0) return [];
    const out: Value[] = [];
    for (const v of input) {
      if (v instanceof Map && v.has(name)) out.push(v.get(name));
    }
    if (out.length === 0) throw new JSONPathError(`${name} is not found`);
    return out;
  }

  private filter(input: Value[], node: Extract<Node, { t: 'filter' }>): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JSONPathError(`${formatValue(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: Value[];
        try {
          lefts = this.walk([item], { t: 'list', nodes: node.left });
        } catch (e) {
          if (node.op === 'exists') continue;
          throw e;
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) out.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JSONPathError('can only compare one element at a time');
        const rights = this.walk([item], { t: 'list', nodes: node.right });
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JSONPathError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.op)) out.push(item);
      }
    }
    return out;
  }
}

function goIntOf(n: number): GoInt {
  return new GoInt(BigInt(n));
}

function children(v: Value): Value[] {
  if (v instanceof Map) return [...v.keys()].sort().map((k) => v.get(k));
  if (Array.isArray(v)) return [...v];
  if (typeof v === 'string') return [...new TextEncoder().encode(v)].map((b) => new GoInt(BigInt(b), 'uint8'));
  return [];
}

function recursive(input: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    const kids = children(v);
    if (kids.length > 0) {
      out.push(v);
      out.push(...recursive(kids));
    }
  }
  return out;
}

function array(input: Value[], template: readonly Param[]): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    if (!Array.isArray(v)) throw new JSONPathError(`${goTypeName(v)} is not array or slice`);
    const p = template.map((x) => ({ ...x }));
    const len = v.length;
    if (!p[0].known) p[0].value = 0;
    if (p[0].value < 0) p[0].value += len;
    if (!p[1].known) p[1].value = len;
    if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
    if (p[1].value === p[0].value) return out;
    if (p[0].value >= len || p[0].value < 0) {
      throw new JSONPathError(`array index out of bounds: index ${p[0].value}, length ${len}`);
    }
    if (p[1].value > len || p[1].value < 0) {
      throw new JSONPathError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
    }
    if (p[0].value > p[1].value) {
      throw new JSONPathError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
    }
    let step = 1;
    if (p[2].known) {
      if (p[2].value <= 0) throw new JSONPathError('step must be > 0');
      step = p[2].value;
    }
    const slice = v.slice(p[0].value, p[1].value);
    for (let i = 0; i < slice.length; i += step) out.push(slice[i]);
  }
  return out;
}

function goTypeName(v: Value): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Map) return 'map[string]interface {}';
  if (v instanceof GoInt) return v.kind;
  return 'interface {}';
}

/** The forked text/template comparison: same basic kinds only (int vs float64 is an error). */
function compare(a: Value, b: Value, op: string): boolean {
  const kind = (v: Value) =>
    v instanceof GoInt ? 'int' : typeof v === 'number' ? 'float' : typeof v === 'string' ? 'string' : typeof v;
  const ka = kind(a);
  const kb = kind(b);
  if (ka !== kb || !['int', 'float', 'string', 'boolean'].includes(ka)) {
    if (op === '==' || op === '!=') {
      if (ka === kb) return op === '==' ? a === b : a !== b;
    }
    throw new JSONPathError('incompatible types for comparison');
  }
  const x = a instanceof GoInt ? a.value : (a as number | string | boolean);
  const y = b instanceof GoInt ? b.value : (b as number | string | boolean);
  switch (op) {
    case '==':
      return x === y;
    case '!=':
      return x !== y;
  }
  if (ka === 'boolean') throw new JSONPathError('invalid type for comparison');
  switch (op) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
  }
  throw new JSONPathError(`unrecognized filter operator ${op}`);
}

/** PrintResults: collections as JSON, scalars with fmt, results of one action separated by spaces. */
function printResults(results: Value[]): string {
  return results
    .map((r) => {
      if (r instanceof Map || Array.isArray(r)) return marshalJSON(r);
      if (r === null || r === undefined) return 'null';
      return formatValue(r);
    })
    .join(' ');
}

/** Parses a JSONPath template; throws JSONPathError with jsonpath's message. */
export function parseJSONPath(template: string): unknown {
  return new Parser(template).parse();
}

/**
 * `show values --jsonpath`: the template's output over the values. A template that does not parse throws
 * (`error parsing jsonpath ...`); execution errors print nothing, as helm ignores them.
 */
export function executeJSONPath(template: string, data: Value): string {
  let nodes: Node[];
  try {
    nodes = new Parser(template).parse();
  } catch (e) {
    if (e instanceof JSONPathError) throw new JSONPathError(`error parsing jsonpath ${template}: ${e.message}`);
    throw e;
  }
  try {
    return new Evaluator()
      .findResults(data, nodes)
      .map((r) => printResults(r))
      .join('');
  } catch (e) {
    if (e instanceof JSONPathError) return '';
    throw e;
  }
}
