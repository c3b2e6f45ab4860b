// The parser's fast path for the common actions: `{{ .Values.x.y }}`, `{{- include "name" . | nindent 4 }}`,
// `{{ if $x }}`, `{{ range $k, $v := .list }}`, `{{ end }}`... are read straight from the source with native
// sticky regexes and built into the very nodes the token-by-token parser makes, without a token object or a
// parser call per token. It runs cold on every CLI call, where the interpreter's cost per call and per property
// access is what counts.
//
// It only ever answers for actions it reads completely and that the general parser would accept: anything else
// (an error to report, a rare token, a character outside ASCII, a literal needing care) makes it give up before
// it has changed anything, and the general parser reads the action from its start as before. So every error,
// with its words and line, still comes from the general parser.

import {
  type BoolNode,
  type CommandNode,
  type DotNode,
  type FieldNode,
  type IdentifierNode,
  N,
  type NilNode,
  type Node,
  type PipeNode,
  type StringNode,
  type VariableNode,
} from './ast.ts';
import { Tok } from './lexer.ts';
import { numberNode, unquote } from './literal.ts';

/** What `action` read; FAIL leaves the action to the general parser. */
export const FAIL = 0;
export const F_ACTION = 1;
export const F_END = 2;
export const F_ELSE = 3;
export const F_IF = 4;
export const F_WITH = 5;
export const F_RANGE = 6;
export const F_TEMPLATE = 7;
/** `{{else if pipeline}}` and `{{else with pipeline}}`: `pos` is where `if`/`with` is. */
export const F_ELSE_IF = 8;
export const F_ELSE_WITH = 9;

// Each operand must end where the general parser would end its token and be followed by what may follow an
// operand in a command: a space, `|`, `)` or `}}` (a `.`, `(`, `,`, `:` or anything else goes the general way).
/** `.a.b.c`: field names never start with a digit (`.5` is a number). */
const FIELDS = /(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?=[ \t\r\n|)]|\}\})/y;
/** `$`, `$x`, `$x.a.b`. */
const VARIABLE = /\$[A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?=[ \t\r\n|)]|\}\})/y;
/** A variable's name alone, before `:=`, `=` or `,`. */
const VAR_NAME = /\$[A-Za-z0-9_]*/y;
const STRING = /"(?:[^"\\\n]|\\[^\n])*"(?=[ \t\r\n|)]|\}\})/y;
const RAW_STRING = /`[^`]*`(?=[ \t\r\n|)]|\}\})/y;
/** Decimal integers below 2^53, which numberNode takes without a question (no sign, no leading zero). */
const NUMBER = /(?:0|[1-9][0-9]{0,14})(?=[ \t\r\n|)]|\}\})/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*(?=[ \t\r\n|)]|\}\})/y;
/** A keyword that starts an action, followed by a space or the end of the action. */
const KEYWORD = /(?:if|with|range|end|else|template)(?=[ \t\r\n]|\}\})/y;
const SPACES = /[ \t\r\n]*/y;

/** Words that the lexer makes keywords: never functions here (true, false and nil are taken apart). */
const RESERVED = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);

/** Parenthesized pipelines nest at most this deep here (the general parser has Go's limit and message). */
const MAX_DEPTH = 50;

/** The `decl` of every pipeline that declares nothing, as the general parser shares it. */
const NO_DECL: VariableNode[] = [];

/** Whether an operand may end at `p`: what follows is a space, `|`, `)` or `}}` (the lookahead of the regexes). */
function endsOperand(s: string, p: number): boolean {
  const d = s.charCodeAt(p);
  return (
    d === 32 || d === 10 || d === 9 || d === 13 || d === 124 || d === 41 || (d === 125 && s.charCodeAt(p + 1) === 125)
  );
}

function skipSpaces(s: string, p: number): number {
  const c = s.charCodeAt(p);
  if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return p;
  SPACES.lastIndex = p;
  SPACES.test(s);
  return SPACES.lastIndex;
}

/** Reads whole actions from the source text of one parse. */
export class ActionScanner {
  /** Results of the last successful `action`. */
  pipe: PipeNode | null = null;
  /** The position of the action's first token (the pipeline's, or the template name's). */
  pos = 0;
  /** The template name of `{{template}}`. */
  name = '';
  /** Where the closing `}}` is (the right delimiter token's position), and where lexing resumes after it. */
  rd = 0;
  after = 0;
  /** Scan position inside `action`. */
  private p = 0;
  private depth = 0;
  /**
   * The nodes of the commands and pipelines being read (they nest, each taking the slots from its mark up to
   * `top`), so that each node gets one exact-size array: the trees live as long as the render.
   */
  private readonly stack: Node[] = [];
  private top = 0;

  constructor(
    private readonly s: string,
    private readonly hasFunction: (name: string) => boolean,
  ) {}

  /**
   * The action whose text starts at `from` (just after `{{` and its trim marker), or FAIL. Variables it
   * declares are pushed on `vars` (nothing is pushed on FAIL).
   */
  action(from: number, vars: string[]): number {
    const s = this.s;
    const q = skipSpaces(s, from);
    const c = s.charCodeAt(q);
    this.depth = 0;
    this.top = 0;
    if (c >= 101 /* e */ && c <= 119 /* w */) {
      KEYWORD.lastIndex = q;
      if (KEYWORD.test(s)) {
        const end = KEYWORD.lastIndex;
        this.p = end;
        switch (end - q) {
          case 2:
            return this.header(F_IF, 'if', vars);
          case 3:
            return this.closing(skipSpaces(s, end)) ? F_END : FAIL;
          case 4:
            if (c === 119) return this.header(F_WITH, 'with', vars);
            return this.elseAction(end, vars);
          case 5:
            return this.header(F_RANGE, 'range', vars);
          default:
            return this.template(end, vars);
        }
      }
    }
    this.p = q;
    const kind = this.header(F_ACTION, 'command', vars);
    if (kind !== FAIL) this.pos = q;
    return kind;
  }

  /**
   * `define "name"` up to its `}}`, from just after `{{` (the lexer saw `define` there): true with `pos` (where
   * `define` is), `name`, `rd` and `after`.
   */
  define(from: number): boolean {
    const s = this.s;
    const q = skipSpaces(s, from);
    const r = skipSpaces(s, q + 6);
    if (r === q + 6) return false;
    const name = this.stringAt(r);
    if (name === null) return false;
    this.pos = q;
    this.name = name.text;
    return this.closing(skipSpaces(s, this.p));
  }

  /** After `else`: its `}}`, or `if`/`with` and a pipeline. */
  private elseAction(end: number, vars: string[]): number {
    const s = this.s;
    const r = skipSpaces(s, end);
    if (this.closing(r)) return F_ELSE;
    KEYWORD.lastIndex = r;
    if (r === end || !KEYWORD.test(s)) return FAIL;
    const e = KEYWORD.lastIndex;
    this.pos = r;
    this.p = e;
    if (e - r === 2) return this.header(F_ELSE_IF, 'if', vars);
    if (e - r === 4 && s.charCodeAt(r) === 119) return this.header(F_ELSE_WITH, 'with', vars);
    return FAIL;
  }

  /**
   * A pipeline up to its `}}` (an action's, or the header of `if`, `with`, `range`, `template`): `kind` with
   * `pipe` set, or FAIL with `vars` as they were.
   */
  private header(kind: number, context: string, vars: string[]): number {
    const mark = vars.length;
    const pipe = this.pipeline(context, vars, false);
    if (pipe === null) {
      if (vars.length !== mark) vars.length = mark;
      return FAIL;
    }
    this.pipe = pipe;
    return kind;
  }

  /** `template "name"` with an optional pipeline. */
  private template(p: number, vars: string[]): number {
    const s = this.s;
    const q = skipSpaces(s, p);
    const name = this.stringAt(q);
    if (name === null) return FAIL;
    this.pos = q;
    this.name = name.text;
    const r = skipSpaces(s, this.p);
    if (this.closing(r)) {
      this.pipe = null;
      return F_TEMPLATE;
    }
    if (r === this.p) return FAIL;
    this.p = r;
    return this.header(F_TEMPLATE, 'template clause', vars);
  }

  /** At `p` (after spaces): `}}`, or ` -}}` when a space precedes. Sets `rd` and `after`. */
  private closing(p: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === 125 /* } */) {
      if (s.charCodeAt(p + 1) !== 125) return false;
      this.rd = p;
      this.after = p + 2;
      return true;
    }
    if (c === 45 /* - */ && s.charCodeAt(p + 1) === 125 && s.charCodeAt(p + 2) === 125) {
      const b = s.charCodeAt(p - 1);
      if (b !== 32 && b !== 10 && b !== 9 && b !== 13) return false;
      this.rd = p + 1;
      this.after = skipSpaces(s, p + 3);
      return true;
    }
    return false;
  }

  /**
   * A pipeline from `this.p` (maybe before spaces) to its closing `}}` (top) or `)` (inParen), after which
   * `this.p` is left; null when it is not a plain one.
   */
  private pipeline(context: string, vars: string[], inParen: boolean): PipeNode | null {
    const s = this.s;
    let q = skipSpaces(s, this.p);
    const start = q;
    let decl = NO_DECL;
    let isAssign = false;
    if (s.charCodeAt(q) === 36 /* $ */) {
      VAR_NAME.lastIndex = q;
      VAR_NAME.test(s);
      const e = VAR_NAME.lastIndex;
      const r = skipSpaces(s, e);
      const c = s.charCodeAt(r);
      if (c === 58 /* : */ && s.charCodeAt(r + 1) === 61) {
        decl = [{ type: N.Variable, pos: q, ident: [s.slice(q, e)] }];
        vars.push(decl[0].ident[0]);
        q = skipSpaces(s, r + 2);
      } else if (c === 61 /* = */ && r > e) {
        decl = [{ type: N.Variable, pos: q, ident: [s.slice(q, e)] }];
        vars.push(decl[0].ident[0]);
        isAssign = true;
        q = skipSpaces(s, r + 1);
      } else if (c === 44 /* , */ && context === 'range') {
        const v = skipSpaces(s, r + 1);
        if (s.charCodeAt(v) !== 36) return null;
        VAR_NAME.lastIndex = v;
        VAR_NAME.test(s);
        const e2 = VAR_NAME.lastIndex;
        const r2 = skipSpaces(s, e2);
        if (s.charCodeAt(r2) !== 58 || s.charCodeAt(r2 + 1) !== 61) return null;
        const first: VariableNode = { type: N.Variable, pos: q, ident: [s.slice(q, e)] };
        const second: VariableNode = { type: N.Variable, pos: v, ident: [s.slice(v, e2)] };
        decl = [first, second];
        vars.push(first.ident[0]);
        vars.push(second.ident[0]);
        q = skipSpaces(s, r2 + 2);
      }
    }
    const stack = this.stack;
    const cmdMark = this.top;
    for (;;) {
      // A command: operands separated by spaces, up to `|` or the end of the pipeline.
      const cmdPos = q;
      const argMark = this.top;
      for (;;) {
        const node = this.operand(q, vars);
        if (node === null) return null;
        stack[this.top++] = node;
        const e = this.p;
        let c = s.charCodeAt(e);
        q = e;
        if (c === 32 || c === 10 || c === 9 || c === 13) {
          // Mostly one space, then the next operand.
          c = s.charCodeAt(e + 1);
          q = e + 1;
          if (c === 32 || c === 10 || c === 9 || c === 13) {
            q = skipSpaces(s, q);
            c = s.charCodeAt(q);
          }
        }
        if (c === 124 /* | */) {
          q = skipSpaces(s, q + 1);
          break;
        }
        if (inParen) {
          if (c === 41 /* ) */) {
            this.p = q + 1;
            this.command(cmdPos, argMark);
            return this.finish(start, isAssign, decl, cmdMark);
          }
        } else if ((c === 125 || c === 45) && this.closing(q)) {
          this.p = this.after;
          this.command(cmdPos, argMark);
          return this.finish(start, isAssign, decl, cmdMark);
        }
        // Another operand, which a space must have separated.
        if (q === e) return null;
      }
      this.command(cmdPos, argMark);
    }
  }

  /** The operands stacked since `mark` become one command node in their place. */
  private command(pos: number, mark: number): void {
    const args = this.stack.slice(mark, this.top);
    const cmd: CommandNode = { type: N.Command, pos, args };
    this.stack[mark] = cmd;
    this.top = mark + 1;
  }

  /** The pipeline node, unless a later command starts with a value (an error the general parser reports). */
  private finish(pos: number, isAssign: boolean, decl: VariableNode[], mark: number): PipeNode | null {
    const cmds = this.stack.slice(mark, this.top) as CommandNode[];
    this.top = mark;
    for (let i = 1; i < cmds.length; i++) {
      switch (cmds[i].args[0].type) {
        case N.Bool:
        case N.Dot:
        case N.Nil:
        case N.Number:
        case N.String:
          return null;
      }
    }
    return { type: N.Pipe, pos, isAssign, decl, cmds };
  }

  /** One operand at `q`, leaving `this.p` after it; null when it is not a plain one. */
  private operand(q: number, vars: string[]): Node | null {
    const s = this.s;
    const c = s.charCodeAt(q);
    switch (c) {
      case 46 /* . */:
        {
          FIELDS.lastIndex = q;
          if (FIELDS.test(s)) {
            const e = FIELDS.lastIndex;
            this.p = e;
            const names = s.slice(q + 1, e);
            const dot = names.indexOf('.');
            if (dot < 0) return { type: N.Field, pos: q, ident: [names] } as FieldNode;
            // Several names: the node stands at the second (where the general parser's chain starts).
            return { type: N.Field, pos: q + 1 + dot, ident: names.split('.') } as FieldNode;
          }
          if (endsOperand(s, q + 1)) {
            this.p = q + 1;
            return { type: N.Dot, pos: q } as DotNode;
          }
          return null;
        }
      case 36 /* $ */:
        {
          VARIABLE.lastIndex = q;
          if (!VARIABLE.test(s)) return null;
          const e = VARIABLE.lastIndex;
          const text = s.slice(q, e);
          const dot = text.indexOf('.');
          if (dot < 0) {
            if (!vars.includes(text)) return null;
            this.p = e;
            return { type: N.Variable, pos: q, ident: [text] } as VariableNode;
          }
          // `$x.a.b`: one node at the first field, as the general parser builds it.
          const ident = text.split('.');
          if (!vars.includes(ident[0])) return null;
          this.p = e;
          return { type: N.Variable, pos: q + dot, ident } as VariableNode;
        }
      case 34 /* " */:
      case 96 /* ` */:
        return this.stringAt(q);
      case 40 /* ( */:
        {
          if (this.depth >= MAX_DEPTH) return null;
          this.depth++;
          this.p = q + 1;
          const pipe = this.pipeline('parenthesized pipeline', vars, true);
          this.depth--;
          if (pipe === null) return null;
          // What follows `)` must end the operand (a `.` would make a chain).
          return endsOperand(s, this.p) ? pipe : null;
        }
    }
    if (c >= 48 && c <= 57) {
      NUMBER.lastIndex = q;
      if (!NUMBER.test(s)) return null;
      this.p = NUMBER.lastIndex;
      return numberNode(Tok.Number, q, s.slice(q, this.p));
    }
    WORD.lastIndex = q;
    if (!WORD.test(s)) return null;
    const e = WORD.lastIndex;
    const word = s.slice(q, e);
    this.p = e;
    if (word === 'true' || word === 'false') return { type: N.Bool, pos: q, value: word === 'true' } as BoolNode;
    if (word === 'nil') return { type: N.Nil, pos: q } as NilNode;
    if (RESERVED.has(word) || !this.hasFunction(word)) return null;
    return { type: N.Identifier, pos: q, name: word } as IdentifierNode;
  }

  /** A "..." or `...` literal at `q` (as an operand, or a template name), leaving `this.p` after it. */
  private stringAt(q: number): StringNode | null {
    const s = this.s;
    const re = s.charCodeAt(q) === 34 ? STRING : s.charCodeAt(q) === 96 ? RAW_STRING : null;
    if (re === null) return null;
    re.lastIndex = q;
    if (!re.test(s)) return null;
    const e = re.lastIndex;
    const quoted = s.slice(q, e);
    let text: string;
    if (re === STRING && quoted.indexOf('\\') < 0) text = quoted.slice(1, -1);
    else {
      const t = unquoteOrNull(quoted);
      if (t === null) return null;
      text = t;
    }
    this.p = e;
    return { type: N.String, pos: q, quoted, text };
  }
}

/** The literal's value, or null when it is malformed (the general parser reports it). */
function unquoteOrNull(lit: string): string | null {
  try {
    return unquote(lit);
  } catch {
    return null;
  }
}
