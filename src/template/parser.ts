// The template parser: Go's recursive descent with its three-token look-ahead, so that every parse error carries
// the same words and the same line number as Go's (the line of the last token read, not of the construct).

import {
  type ActionNode,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  isEmptyTree,
  type ListNode,
  N,
  type Node,
  type NumberNode,
  nodeString,
  type PipeNode,
  type TemplateNode,
  type Tree,
  type VariableNode,
} from './ast.ts';
import { quote } from './fmt.ts';
import { Lexer, STEP_DELIM, STEP_TEXT, Tok, type Token, type TokType } from './lexer.ts';
import { numberNode, SyntaxError_, unquote } from './literal.ts';
import {
  ActionScanner,
  F_ACTION,
  F_ELSE,
  F_ELSE_IF,
  F_ELSE_WITH,
  F_END,
  F_IF,
  F_RANGE,
  F_WITH,
  FAIL,
} from './parse-fast.ts';
import { TokenReader } from './parse-tokens.ts';

const MAX_STACK_DEPTH = 10000;
const MAX_PIPELINE_CMDS = 100000;

/** State shared by the trees of one `parse` call: the token stream, the function check, the result set. */
interface ParseContext {
  readonly lex: Lexer;
  readonly parseName: string;
  readonly text: string;
  readonly hasFunction: (name: string) => boolean;
  readonly treeSet: Map<string, Tree>;
  /** The names given by `define` and `block`, as they are met. */
  readonly defines: string[];
  /**
   * One stack for the children of every list, pipeline and command being parsed (they nest, so each takes the
   * slots from its mark up to `top`): each node then gets one exact-size array, with no growing array before it.
   */
  readonly stack: Node[];
  top: number;
  /** Reads the common actions whole (see parse-fast.ts). */
  readonly fast: ActionScanner;
}

/** The `decl` of every pipeline that declares nothing (no consumer changes a tree's arrays). */
const NO_DECL: VariableNode[] = [];
/** A pipeline's commands until it is complete. */
const NO_CMDS: CommandNode[] = [];
/** A list's nodes until it is complete. */
const NO_NODES: Node[] = [];

/**
 * Parses `text` as template `name`, returning every tree it defines (the top-level one and each `define` and
 * `block`), as Go's parse.Parse does. Throws TemplateParseError. `defines`, when given, receives the names that
 * `define` and `block` gave.
 */
export function parseTemplates(
  name: string,
  text: string,
  hasFunction: (name: string) => boolean,
  commentNewlines = true,
  defines: string[] = [],
): Map<string, Tree> {
  const ctx: ParseContext = {
    lex: new Lexer(text, { breakOK: !hasFunction('break'), continueOK: !hasFunction('continue'), commentNewlines }),
    parseName: name,
    text,
    hasFunction,
    treeSet: new Map(),
    defines,
    stack: [],
    top: 0,
    fast: new ActionScanner(text, hasFunction),
  };
  const p = new TreeParser(ctx, name);
  p.parseTop();
  p.add(false);
  return ctx.treeSet;
}

/** What fastNode returns for a whole `{{define}}` it read (there is no node for it). */
const DEFINED: Node = { type: N.Comment, pos: -1, text: '' };

/** Parses one tree (Go's *parse.Tree during parsing); `define` and `block` bodies get their own. */
class TreeParser extends TokenReader {
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  /**
   * The kind of branch (N.If, N.With, N.Range) whose first list is being read, else 0: an `{{else if}}` read by
   * the fast path is taken only where that branch will take it at once (elsewhere it is an error, which the
   * general path reports with its exact position).
   */
  private openBranch = 0;
  /** The header of the `{{else if}}`/`{{else with}}` just read by the fast path, for branchBody, and its mark. */
  private elsePipe: PipeNode | null = null;
  private elseMark = 0;
  private stackDepth = 0;
  readonly tree: Tree;

  constructor(
    private readonly ctx: ParseContext,
    name: string,
  ) {
    super(ctx.lex, ctx.parseName);
    this.tree = { name, parseName: ctx.parseName, text: ctx.text, root: undefined as unknown as ListNode };
  }

  /** The nodes stacked since `mark`, as an exact-size array, unstacked. */
  private take(mark: number): Node[] {
    const ctx = this.ctx;
    const nodes = ctx.stack.slice(mark, ctx.top);
    ctx.top = mark;
    return nodes;
  }

  // --- trees --------------------------------------------------------------------------------------------------

  /** Installs this tree in the set; a second non-empty definition of a name in one parse is an error. */
  add(defined = true): void {
    if (defined) this.ctx.defines.push(this.tree.name);
    const set = this.ctx.treeSet;
    const old = set.get(this.tree.name);
    if (old === undefined || isEmptyTree(old.root)) {
      set.set(this.tree.name, this.tree);
      return;
    }
    if (!isEmptyTree(this.tree.root)) {
      this.errorf(`template: multiple definition of template ${quote(this.tree.name)}`);
    }
  }

  /** The top level: text, actions and `define`s, up to EOF. */
  parseTop(): void {
    this.tree.root = this.newList(this.peek().pos);
    const ctx = this.ctx;
    const mark = ctx.top;
    for (;;) {
      if (this.peekCount === 0) {
        const n = this.fastNode(true);
        if (n === DEFINED) continue;
        if (n !== null) {
          if (n.type === N.End || n.type === N.Else) this.errorf(`unexpected ${nodeString(n)}`);
          ctx.stack[ctx.top++] = n;
          continue;
        }
      }
      if (this.peek().typ === Tok.EOF) break;
      // At `{{define`, a definition; the lexer tells without making the tokens, so that any other action is
      // read from its start (by the fast path when it can).
      if (this.peek().typ === Tok.LeftDelim && this.lex.atDefine()) {
        this.next();
        this.nextNonSpace();
        const def = new TreeParser(this.ctx, 'definition');
        def.parseDefinition();
        continue;
      }
      const n = this.textOrAction();
      if (n.type === N.End || n.type === N.Else) this.errorf(`unexpected ${nodeString(n)}`);
      ctx.stack[ctx.top++] = n;
    }
    (this.tree.root as { nodes: Node[] }).nodes = this.take(mark);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const nameTok = this.nextNonSpace();
    if (nameTok.typ !== Tok.String && nameTok.typ !== Tok.RawString) this.unexpected(nameTok, context);
    (this.tree as { name: string }).name = this.stringText(nameTok);
    this.expect(Tok.RightDelim, context);
    this.definitionBody();
  }

  /** A definition after its `{{define "name"}}`. */
  private definitionBody(): void {
    const context = 'define clause';
    const list = this.newList(this.peekNonSpace().pos);
    const end = this.itemList(list);
    this.tree.root = list;
    if (end.type !== N.End) this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  /** Fills `list` up to `{{end}}` or `{{else}}`, which it returns. */
  private itemList(list: ListNode): Node {
    const ctx = this.ctx;
    const mark = ctx.top;
    for (;;) {
      let n = this.peekCount === 0 ? this.fastNode(false) : null;
      if (n === null) {
        if (this.peekNonSpace().typ === Tok.EOF) break;
        n = this.textOrAction();
      }
      if (n.type === N.End || n.type === N.Else) {
        (list as { nodes: Node[] }).nodes = this.take(mark);
        return n;
      }
      ctx.stack[ctx.top++] = n;
    }
    this.errorf('unexpected EOF');
  }

  /**
   * The next text or action read without tokens in hand (no token is pending), or null when the general step
   * must take it (then nothing was consumed, or the LeftDelim is back in hand as peek() would leave it).
   * At the top level, `{{define` is left to the general step.
   */
  private fastNode(top: boolean): Node | null {
    const lex = this.lex;
    const step = lex.textStep();
    if (step === STEP_TEXT) return { type: N.Text, pos: lex.tpos, text: lex.tval };
    if (step !== STEP_DELIM) return null;
    const at = lex.tpos;
    if (top && lex.atDefine()) {
      const f = this.ctx.fast;
      if (f.define(lex.offset)) {
        // As the general path leaves it: this tree read `define`, the definition's tree the rest.
        lex.resumeAt(f.after);
        this.token[0] = { typ: Tok.Define, pos: f.pos, val: 'define' };
        const def = new TreeParser(this.ctx, f.name);
        def.token[0] = { typ: Tok.RightDelim, pos: f.rd, val: '}}' };
        def.definitionBody();
        return DEFINED;
      }
      this.token[0] = { typ: Tok.LeftDelim, pos: at, val: '{{' };
      this.peekCount = 1;
      return null;
    }
    this.actionPos = at;
    let n = this.fastAction();
    if (n === null) {
      // As textOrAction after reading the LeftDelim.
      this.token[0] = { typ: Tok.LeftDelim, pos: at, val: '{{' };
      n = this.action();
    }
    this.actionPos = -1;
    return n;
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Tok.Text:
        return { type: N.Text, pos: t.pos, text: t.val };
      case Tok.LeftDelim: {
        // No try/finally: an error ends the whole parse.
        this.actionPos = t.pos;
        const n = (this.peekCount === 0 ? this.fastAction() : null) ?? this.action();
        this.actionPos = -1;
        return n;
      }
    }
    this.unexpected(t, 'input');
  }

  /** The action just after `{{` read whole by the fast path, or null when it leaves it to `action`. */
  private fastAction(): Node | null {
    const f = this.ctx.fast;
    const mark = this.vars.length;
    const kind = f.action(this.lex.offset, this.vars);
    if (kind === FAIL) return null;
    if (kind === F_ELSE_IF || kind === F_ELSE_WITH) {
      if (this.openBranch !== (kind === F_ELSE_IF ? N.If : N.With)) {
        if (this.vars.length !== mark) this.vars.length = mark;
        return null;
      }
      this.elsePipe = f.pipe;
      this.elseMark = mark;
    }
    // As after the general parser: the lexer after `}}`, which is the last token read.
    this.lex.resumeAt(f.after);
    this.token[0] = { typ: Tok.RightDelim, pos: f.rd, val: '}}' };
    switch (kind) {
      case F_ACTION: {
        const a: ActionNode = { type: N.Action, pos: f.pos, pipe: f.pipe! };
        return a;
      }
      case F_END:
        return { type: N.End, pos: f.rd };
      case F_ELSE:
        return { type: N.Else, pos: f.rd };
      case F_ELSE_IF:
      case F_ELSE_WITH:
        return { type: N.Else, pos: f.pos };
      case F_IF:
        return this.branchBody(N.If, f.pipe!, mark);
      case F_WITH:
        return this.branchBody(N.With, f.pipe!, mark);
      case F_RANGE:
        return this.branchBody(N.Range, f.pipe!, mark);
    }
    // F_TEMPLATE
    const n: TemplateNode = { type: N.Template, pos: f.pos, name: f.name, pipe: f.pipe };
    return n;
  }

  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Tok.Block:
        return this.blockControl();
      case Tok.Break:
        return this.loopControl(t, N.Break, '{{break}}');
      case Tok.Continue:
        return this.loopControl(t, N.Continue, '{{continue}}');
      case Tok.Else:
        return this.elseControl();
      case Tok.End:
        return { type: N.End, pos: this.expect(Tok.RightDelim, 'end').pos };
      case Tok.If:
        return this.branch(N.If, 'if');
      case Tok.Range:
        return this.branch(N.Range, 'range');
      case Tok.Template:
        return this.templateControl();
      case Tok.With:
        return this.branch(N.With, 'with');
    }
    this.backup();
    const pipe = this.pipeline('command', Tok.RightDelim);
    const a: ActionNode = { type: N.Action, pos: t.pos, pipe };
    return a;
  }

  private loopControl(t: Token, type: typeof N.Break | typeof N.Continue, word: string): Node {
    const next = this.nextNonSpace();
    if (next.typ !== Tok.RightDelim) this.unexpected(next, word);
    if (this.rangeDepth === 0) this.errorf(`${word} outside {{range}}`);
    return { type, pos: t.pos };
  }

  private pipeline(context: string, end: TokType): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = { type: N.Pipe, pos: start.pos, isAssign: false, decl: NO_DECL, cmds: NO_CMDS };
    const decl = pipe as { decl: VariableNode[] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== Tok.Variable) break;
      this.next();
      // "$x foo" needs three tokens of look-ahead to tell an argument from a declaration.
      const after = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === Tok.Assign || next.typ === Tok.Declare) {
        pipe.isAssign = next.typ === Tok.Assign;
        this.nextNonSpace();
        decl.decl = this.addDecl(decl.decl, this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === Tok.Char && next.val === ',') {
        this.nextNonSpace();
        decl.decl = this.addDecl(decl.decl, this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === Tok.Variable || p === Tok.RightDelim || p === Tok.RightParen) continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (after.typ === Tok.Space) {
        this.backup3(v, after);
      } else {
        this.backup2(v);
      }
      break;
    }
    const ctx = this.ctx;
    const mark = ctx.top;
    for (;;) {
      const t = this.nextNonSpace();
      switch (t.typ) {
        case end:
          (pipe as { cmds: CommandNode[] }).cmds = this.take(mark) as CommandNode[];
          this.checkPipeline(pipe, context);
          return pipe;
        case Tok.Bool:
        case Tok.CharConstant:
        case Tok.Complex:
        case Tok.Dot:
        case Tok.Field:
        case Tok.Identifier:
        case Tok.Number:
        case Tok.Nil:
        case Tok.RawString:
        case Tok.String:
        case Tok.Variable:
        case Tok.LeftParen:
          this.backup();
          {
            const cmd = this.command();
            ctx.stack[ctx.top++] = cmd;
          }
          if (ctx.top - mark > MAX_PIPELINE_CMDS) this.errorf('pipeline too long');
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  /** A pipeline declares one variable, or two in `range`: exact-size arrays. */
  private addDecl(decl: VariableNode[], v: VariableNode): VariableNode[] {
    return decl.length === 0 ? [v] : [decl[0], v];
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i].args[0].type) {
        case N.Bool:
        case N.Dot:
        case N.Nil:
        case N.Number:
        case N.String:
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  /** `if`, `range` and `with` (Go's parseControl); the variables they declare end with them. */
  private branch(type: BranchNode['type'], context: string): BranchNode {
    const mark = this.vars.length;
    return this.branchBody(type, this.pipeline(context, Tok.RightDelim), mark);
  }

  /** A branch after its `{{if pipeline}}`; `mark` is where its variables start. */
  private branchBody(type: BranchNode['type'], pipe: PipeNode, mark: number): BranchNode {
    if (type === N.Range) this.rangeDepth++;
    const list = this.newList(this.peekNonSpace().pos);
    const outer = this.openBranch;
    this.openBranch = type;
    let next = this.itemList(list);
    this.openBranch = 0;
    if (type === N.Range) this.rangeDepth--;
    let elseList: ListNode | null = null;
    if (next.type === N.Else) {
      // `{{else if x}}` and `{{else with x}}` parse as `{{else}}{{if x}}...{{end}}{{end}}`, sharing the end.
      const header = this.elsePipe;
      if (header !== null) {
        // Read whole by the fast path, which checked the kind.
        this.elsePipe = null;
        const nodes: Node[] = [this.branchBody(type, header, this.elseMark)];
        elseList = { type: N.List, pos: next.pos, nodes };
      } else if (type === N.If && this.peek().typ === Tok.If) {
        this.next();
        const nodes: Node[] = [this.branch(N.If, 'if')];
        elseList = { type: N.List, pos: next.pos, nodes };
      } else if (type === N.With && this.peek().typ === Tok.With) {
        this.next();
        const nodes: Node[] = [this.branch(N.With, 'with')];
        elseList = { type: N.List, pos: next.pos, nodes };
      } else {
        elseList = this.newList(this.peekNonSpace().pos);
        next = this.itemList(elseList);
        if (next.type !== N.End) this.errorf(`expected end; found ${nodeString(next)}`);
      }
    }
    // No try/finally: an error ends the whole parse. Truncating an array is a slow call: only when needed.
    if (this.vars.length !== mark) this.vars.length = mark;
    this.openBranch = outer;
    return { type, pos: pipe.pos, pipe, list, elseList };
  }

  private elseControl(): Node {
    const p = this.peekNonSpace();
    if (p.typ === Tok.If || p.typ === Tok.With) return { type: N.Else, pos: p.pos };
    const t = this.expect(Tok.RightDelim, 'else');
    return { type: N.Else, pos: t.pos };
  }

  private blockControl(): Node {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, Tok.RightDelim);
    const block = new TreeParser(this.ctx, name);
    const list = block.newList(block.peekNonSpace().pos);
    const end = block.itemList(list);
    block.tree.root = list;
    if (end.type !== N.End) this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    const n: TemplateNode = { type: N.Template, pos: t.pos, name, pipe };
    return n;
  }

  private templateControl(): Node {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== Tok.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, Tok.RightDelim);
    }
    const n: TemplateNode = { type: N.Template, pos: t.pos, name, pipe };
    return n;
  }

  private templateName(t: Token, context: string): string {
    if (t.typ === Tok.String || t.typ === Tok.RawString) return this.stringText(t);
    this.unexpected(t, context);
  }

  private command(): CommandNode {
    const pos = this.peekNonSpace().pos;
    const ctx = this.ctx;
    const mark = ctx.top;
    for (;;) {
      const operand = this.operand();
      if (operand !== null) ctx.stack[ctx.top++] = operand;
      const t = this.next();
      if (t.typ === Tok.Space) continue;
      if (t.typ === Tok.RightDelim || t.typ === Tok.RightParen) this.backup();
      else if (t.typ !== Tok.Pipe) this.unexpected(t, 'operand');
      break;
    }
    if (ctx.top === mark) this.errorf('empty command');
    return { type: N.Command, pos, args: this.take(mark) };
  }

  private operand(): Node | null {
    const node = this.term();
    if (node === null) return null;
    let t = this.peek();
    if (t.typ !== Tok.Field) return node;
    const pos = t.pos;
    const fields: string[] = [];
    do {
      fields.push(this.next().val.slice(1));
      t = this.peek();
    } while (t.typ === Tok.Field);
    switch (node.type) {
      // (Fields after a field or a variable are part of it: term took them.)
      case N.Bool:
      case N.String:
      case N.Number:
      case N.Nil:
      case N.Dot:
        this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
    }
    const chain: ChainNode = { type: N.Chain, pos, node, fields: fields.slice() };
    return chain;
  }

  private term(): Node | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Tok.Identifier:
        if (!this.ctx.hasFunction(t.val)) this.errorf(`function ${quote(t.val)} not defined`);
        return { type: N.Identifier, pos: t.pos, name: t.val };
      case Tok.Dot:
        return { type: N.Dot, pos: t.pos };
      case Tok.Nil:
        return { type: N.Nil, pos: t.pos };
      case Tok.Variable:
        this.useVar(t.val);
        return this.fieldChain(N.Variable, t.pos, t.val);
      case Tok.Field:
        return this.fieldChain(N.Field, t.pos, t.val.slice(1));
      case Tok.Bool:
        return { type: N.Bool, pos: t.pos, value: t.val === 'true' };
      case Tok.CharConstant:
      case Tok.Complex:
      case Tok.Number:
        return this.newNumber(t);
      case Tok.LeftParen: {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        const pipe = this.pipeline('parenthesized pipeline', Tok.RightParen);
        this.stackDepth--;
        return pipe;
      }
      case Tok.String:
      case Tok.RawString:
        return { type: N.String, pos: t.pos, quoted: t.val, text: this.stringText(t) };
    }
    this.backup();
    return null;
  }

  private useVar(name: string): void {
    if (!this.vars.includes(name)) this.errorf(`undefined variable ${quote(name)}`);
  }

  /**
   * `.a.b` and `$x.a.b` arrive as several tokens; they become one node, positioned at the second token when there
   * are several. Built here, with its names, rather than as a one-name node that a longer copy replaces.
   */
  private fieldChain(type: typeof N.Field | typeof N.Variable, pos: number, first: string): FieldNode | VariableNode {
    let t = this.peek();
    if (t.typ !== Tok.Field) return { type, pos, ident: [first] } as FieldNode | VariableNode;
    const at = t.pos;
    const second = this.next().val.slice(1);
    t = this.peek();
    if (t.typ !== Tok.Field) return { type, pos: at, ident: [first, second] } as FieldNode | VariableNode;
    const ident = [first, second];
    do {
      ident.push(this.next().val.slice(1));
      t = this.peek();
    } while (t.typ === Tok.Field);
    return { type, pos: at, ident: ident.slice() } as FieldNode | VariableNode;
  }

  private newVariable(pos: number, ident: string): VariableNode {
    const names = [ident]; // a variable token is one name
    return { type: N.Variable, pos, ident: names };
  }

  private newList(pos: number): ListNode {
    return { type: N.List, pos, nodes: NO_NODES };
  }

  /** A string literal's value: a "..." token without escapes is its inside (the lexer checked the rest). */
  private stringText(t: Token): string {
    const v = t.val;
    if (t.typ === Tok.String && v.indexOf('\\') < 0) return v.slice(1, -1);
    return this.unquote(v);
  }

  private unquote(lit: string): string {
    try {
      return unquote(lit);
    } catch (e) {
      if (e instanceof SyntaxError_) this.errorf(e.message);
      throw e;
    }
  }

  private newNumber(t: Token): NumberNode {
    try {
      return numberNode(t.typ, t.pos, t.val);
    } catch (e) {
      if (e instanceof SyntaxError_) this.errorf(e.message);
      throw e;
    }
  }
}
