// The evaluator: a tree walk over the parsed nodes with Go's text/template semantics (exec.go). It mirrors Go's
// bookkeeping of "the node being evaluated" exactly, because that node is what execution errors quote
// (`at <.Values.a.b>`) and where they point (line:column).
//
// Go's reflect values map onto bosun's value model like this: `undefined` is an invalid reflect.Value (a missing
// key), `null` is a nil interface (a map element that is nil, a function returning nil interface {}). Go drops
// the interface wrapper after each pipeline command, so a pipeline never yields `null`, only `undefined`; but a
// field read as a function argument keeps it, which is why `upper .Values.none` says "got interface {}".

import {
  type ActionNode,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
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
import {
  assignable,
  callFunction,
  canBeNil,
  errorText,
  isGoFunc,
  isInterfaceElem,
  isStackOverflow,
  printable,
  reflectString,
  unaddressable,
  zeroOf,
} from './convert.ts';
import { TemplateExecError } from './errors.ts';
import { formatPrintable, formatValue, quote } from './fmt.ts';
import { byteLength, compareStrings } from './gostring.ts';
import {
  type GoFunc,
  GoInt,
  type GoMap,
  GoStruct,
  goInt,
  goIntOfKind,
  isUnsigned,
  NO_FIELD,
  type ParamType,
  truth,
  typeInfoOf,
  typeOf,
  type Value,
} from './value.ts';

export const MISSING_DEFAULT = 0;
export const MISSING_ZERO = 1;
export const MISSING_ERROR = 2;

/** What an execution needs from its template set. */
export interface ExecContext {
  lookupTemplate(name: string): Tree | undefined;
  lookupFunc(name: string): GoFunc | undefined;
  isBuiltin(fn: GoFunc): boolean;
  readonly missingKey: number;
  /** Go 1.22+ ranges over integers (helm 4); older Go (helm 3) refuses. */
  readonly rangeOverInt: boolean;
}

/** The "no value piped in" marker (Go's missingVal). */
const MISSING: unique symbol = Symbol('missing');
type Final = Value | typeof MISSING;

const WALK_NORMAL = 0;
const WALK_BREAK = 1;
const WALK_CONTINUE = 2;

const MAX_EXEC_DEPTH = 100000;
/**
 * Go stops `{{template}}` recursion at MAX_EXEC_DEPTH levels; JavaScript's stack ends long before. Runaway
 * recursion is stopped here instead, with Go's message and location, while the stack still has room to build
 * the error (a stack overflow surfaces as unrelated errors wherever it strikes). No real chart nests
 * `{{template}}` calls this deep.
 */
const PRACTICAL_DEPTH = 1000;

const VALUE_TYPE: ParamType = { kind: 'value', name: 'reflect.Value' };

/** Executes template `tree` (named `name`) with `dot`, returning its output. */
export function executeTree(ctx: ExecContext, name: string, tree: Tree, dot: Value): string {
  const s = new State(ctx, name, tree, dot);
  s.walkList(dot, tree.root);
  return s.out;
}

class State {
  out = '';
  private node: Node | null = null;
  private names: string[];
  private values: Value[];
  private nv = 1;
  private depth = 0;
  /**
   * Whether dot, and each variable, holds an element of an interface {} container (Go sees the interface
   * wrapper: a field on it fails "in type interface {}", not "in type string").
   */
  private dotWrapped = false;
  private wrapped: boolean[] = [false];

  constructor(
    private readonly ctx: ExecContext,
    private tmplName: string,
    /** The tree being executed: the nodes evaluated are its own, and errors quote its file and lines. */
    private tree: Tree,
    dot: Value,
  ) {
    this.names = ['$'];
    this.values = [dot];
  }

  // --- variables ----------------------------------------------------------------------------------------------

  private push(name: string, value: Value): void {
    const i = this.nv++;
    this.names[i] = name;
    this.values[i] = value;
    this.wrapped[i] = false;
  }

  private setVar(name: string, value: Value, wrapped = false): void {
    for (let i = this.nv - 1; i >= 0; i--) {
      if (this.names[i] === name) {
        this.values[i] = value;
        this.wrapped[i] = wrapped;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private varIndex(name: string): number {
    for (let i = this.nv - 1; i >= 0; i--) if (this.names[i] === name) return i;
    this.errorf(`undefined variable: ${name}`);
  }

  // --- errors -------------------------------------------------------------------------------------------------

  errorf(detail: string, cause?: unknown): never {
    const name = this.tmplName;
    const n = this.node;
    if (n === null) {
      throw new TemplateExecError(`template: ${name}: ${detail}`, name, undefined, 0, 0, '', detail, { cause });
    }
    const { text, parseName } = this.tree;
    const before = text.slice(0, n.pos);
    const nl = before.lastIndexOf('\n');
    let line = 1;
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
    // Go counts the column in bytes, and on the first line it is the byte offset itself.
    const column = nl < 0 ? byteLength(before) : byteLength(before.slice(nl + 1));
    const source = nodeString(n);
    const message = `template: ${parseName}:${line}:${column}: executing ${quote(name)} at <${source}>: ${detail}`;
    throw new TemplateExecError(message, name, parseName, line, column, source, detail, { cause });
  }

  // --- walking ------------------------------------------------------------------------------------------------

  /**
   * Walks a list of nodes (every node sits in a list). One loop handles all node kinds, so that each nesting
   * level costs few stack frames: Helm charts nest `include` calls, and each is a nested execution.
   */
  walkList(dot: Value, list: ListNode): number {
    const nodes = list.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      this.node = node;
      switch (node.type) {
        case N.Text:
          this.out += node.text;
          break;
        case N.Action: {
          const v = this.evalPipeline(dot, node.pipe);
          if (node.pipe.decl.length === 0) this.printValue(node, v);
          break;
        }
        case N.If:
        case N.With: {
          const r = this.walkIfOrWith(dot, node);
          if (r !== WALK_NORMAL) return r;
          break;
        }
        case N.Range:
          this.walkRange(dot, node);
          break;
        case N.Template:
          this.walkTemplate(dot, node);
          break;
        case N.Break:
          return WALK_BREAK;
        case N.Continue:
          return WALK_CONTINUE;
        case N.List: {
          const r = this.walkList(dot, node);
          if (r !== WALK_NORMAL) return r;
          break;
        }
        case N.Comment:
          break;
        default:
          this.errorf(`unknown node: ${nodeString(node)}`);
      }
    }
    return WALK_NORMAL;
  }

  private walkIfOrWith(dot: Value, node: BranchNode): number {
    const mark = this.nv;
    const val = this.evalPipeline(dot, node.pipe);
    let r = WALK_NORMAL;
    if (truth(val)) {
      if (node.type === N.With) {
        const w = this.dotWrapped;
        this.dotWrapped = false;
        r = this.walkList(val, node.list);
        this.dotWrapped = w;
      } else r = this.walkList(dot, node.list);
    } else if (node.elseList !== null) r = this.walkList(dot, node.elseList);
    this.nv = mark;
    return r;
  }

  private walkRange(dot: Value, r: BranchNode): void {
    this.node = r;
    const mark = this.nv;
    const val = this.evalPipeline(dot, r.pipe);
    const bodyMark = this.nv;
    const decl = r.pipe.decl;
    let ran = false;
    const outerWrapped = this.dotWrapped;
    // Elements of []interface {} and map[string]interface {} arrive wrapped in their interface.
    const elemWrapped = (val instanceof Map || Array.isArray(val)) && isInterfaceElem(val);
    // Returns false when the body executed {{break}}.
    const iteration = (index: Value, elem: Value): boolean => {
      if (decl.length > 0) {
        if (r.pipe.isAssign) {
          if (decl.length > 1) this.setVar(decl[0].ident[0], index);
          else this.setVar(decl[0].ident[0], elem, elemWrapped);
        } else {
          this.values[this.nv - 1] = elem;
          this.wrapped[this.nv - 1] = elemWrapped;
        }
      }
      if (decl.length > 1) {
        if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem, elemWrapped);
        else this.values[this.nv - 2] = index;
      }
      this.dotWrapped = elemWrapped;
      const res = this.walkList(elem, r.list);
      this.dotWrapped = outerWrapped;
      this.nv = bodyMark;
      return res !== WALK_BREAK;
    };
    if (Array.isArray(val)) {
      ran = val.length > 0;
      for (let i = 0; i < val.length; i++) if (!iteration(goInt(i), val[i])) break;
    } else if (val instanceof Map) {
      ran = val.size > 0;
      if (ran) {
        // Go sorts the keys and reads the elements before the first iteration.
        const keys = [...val.keys()].sort(compareStrings);
        const elems = keys.map((k) => val.get(k));
        for (let i = 0; i < keys.length; i++) if (!iteration(keys[i], elems[i])) break;
      }
    } else if (val instanceof Uint8Array) {
      ran = val.length > 0;
      for (let i = 0; i < val.length; i++) if (!iteration(goInt(i), goIntOfKind(BigInt(val[i]), 'uint8'))) break;
    } else if (val instanceof GoInt && this.ctx.rangeOverInt) {
      if (decl.length > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
      const n = val.value;
      ran = n > 0n;
      for (let i = 0n; i < n; i++) if (!iteration(undefined, goIntOfKind(i, val.kind))) break;
    } else if (val !== undefined && val !== null) {
      this.errorf(`range can't iterate over ${formatValue(printable(val))}`);
    }
    if (!ran && r.elseList !== null) this.walkList(dot, r.elseList);
    this.nv = mark;
  }

  private walkTemplate(dot: Value, t: TemplateNode): void {
    this.node = t;
    const tree = this.ctx.lookupTemplate(t.name);
    if (tree === undefined) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH || this.depth >= PRACTICAL_DEPTH) {
      this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    }
    const newDot = this.evalPipeline(dot, t.pipe);
    const { tmplName, tree: outer, names, values, nv, wrapped, dotWrapped } = this;
    this.tmplName = t.name;
    this.tree = tree;
    this.names = ['$'];
    this.values = [newDot];
    this.wrapped = [false];
    this.dotWrapped = false;
    this.nv = 1;
    this.depth++;
    try {
      this.walkList(newDot, tree.root);
    } catch (e) {
      // JavaScript's stack ends long before Go's depth limit: report runaway recursion as Go would.
      if (isStackOverflow(e)) {
        this.node = t;
        this.tree = outer;
        this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
      }
      throw e;
    }
    this.depth--;
    this.tmplName = tmplName;
    this.tree = outer;
    this.names = names;
    this.values = values;
    this.wrapped = wrapped;
    this.dotWrapped = dotWrapped;
    this.nv = nv;
  }

  // --- evaluation ---------------------------------------------------------------------------------------------

  private evalPipeline(dot: Value, pipe: PipeNode | null): Value {
    if (pipe === null) return undefined;
    this.node = pipe;
    let value: Final = MISSING;
    const cmds = pipe.cmds;
    for (let i = 0; i < cmds.length; i++) {
      value = this.evalCommand(dot, cmds[i], value);
      // Go drops an interface {} wrapper here: a nil interface becomes "no value".
      if (value === null) value = undefined;
    }
    const v = value as Value;
    const decl = pipe.decl;
    for (let i = 0; i < decl.length; i++) {
      if (pipe.isAssign) this.setVar(decl[i].ident[0], v);
      else this.push(decl[i].ident[0], v);
    }
    return v;
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Final): Value {
    const first = cmd.args[0];
    switch (first.type) {
      case N.Field:
        return this.evalFieldNode(dot, first, cmd.args, final);
      case N.Chain:
        return this.evalChainNode(dot, first, cmd.args, final);
      case N.Identifier: {
        // Go's evalFunction, inlined to save a stack frame per call.
        this.node = first;
        const fn = this.ctx.lookupFunc(first.name);
        if (fn === undefined) this.errorf(`${quote(first.name)} is not a defined function`);
        return this.evalCall(dot, fn, this.ctx.isBuiltin(fn), cmd, first.name, cmd.args, final, undefined);
      }
      case N.Pipe:
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case N.Variable:
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case N.Bool:
        return first.value;
      case N.Dot:
        return dot;
      case N.Nil:
        this.errorf('nil is not a command');
        break;
      case N.Number:
        return this.idealConstant(first);
      case N.String:
        return first.text;
    }
    this.errorf(`can't evaluate command ${quote(nodeString(first))}`);
  }

  private idealConstant(n: NumberNode): Value {
    this.node = n;
    const v = n.ideal;
    if (v !== null && typeof v === 'object' && 'error' in v) this.errorf(v.error as string);
    return v as Value;
  }

  private evalFieldNode(dot: Value, field: FieldNode, args: Node[] | null, final: Final): Value {
    this.node = field;
    return this.evalFieldChain(dot, dot, this.dotWrapped, field, field.ident, 0, args, final);
  }

  private evalChainNode(dot: Value, chain: ChainNode, args: Node[] | null, final: Final): Value {
    this.node = chain;
    if (chain.node.type === N.Nil) this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, false, chain, chain.fields, 0, args, final);
  }

  private evalVariableNode(dot: Value, v: VariableNode, args: Node[] | null, final: Final): Value {
    this.node = v;
    const i = this.varIndex(v.ident[0]);
    const value = this.values[i];
    if (v.ident.length === 1) {
      if (args !== null) this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, this.wrapped[i], v, v.ident, 1, args, final);
  }

  private evalFieldChain(
    dot: Value,
    receiver: Value,
    wrapped: boolean,
    node: Node,
    ident: string[],
    start: number,
    args: Node[] | null,
    final: Final,
  ): Value {
    const last = ident.length - 1;
    const noArgs = (args === null || args.length <= 1) && final === MISSING;
    for (let i = start; i <= last; i++) {
      // The common step, inline: a key found in a map type without methods (what evalField would return).
      if (receiver instanceof Map && (noArgs || i < last)) {
        const info = typeInfoOf(receiver);
        if (info === undefined || info.methods === undefined) {
          const v = receiver.get(ident[i]);
          if (v !== undefined && !(v instanceof GoStruct)) {
            if (i === last) return v;
            const elem = info?.elem;
            wrapped = elem === undefined || elem === 'interface {}';
            receiver = v;
            continue;
          }
        }
      }
      if (i === last) break;
      const next = this.evalField(dot, ident[i], node, null, MISSING, receiver, wrapped);
      wrapped = receiver instanceof Map && isInterfaceElem(receiver);
      receiver = next;
    }
    return this.evalField(dot, ident[last], node, args, final, receiver, wrapped);
  }

  private evalFunction(dot: Value, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Final): Value {
    this.node = node;
    const fn = this.ctx.lookupFunc(node.name);
    if (fn === undefined) this.errorf(`${quote(node.name)} is not a defined function`);
    return this.evalCall(dot, fn, this.ctx.isBuiltin(fn), cmd, node.name, args, final, undefined);
  }

  private evalField(
    dot: Value,
    fieldName: string,
    node: Node,
    args: Node[] | null,
    final: Final,
    receiver: Value,
    wrapped: boolean,
  ): Value {
    if (receiver === undefined) {
      if (this.ctx.missingKey === MISSING_ERROR) this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (receiver instanceof GoStruct) {
      const m = receiver.method(fieldName);
      if (m !== undefined) return this.evalCall(dot, m, false, node, fieldName, args, final, undefined);
      const f = receiver.field(fieldName);
      if (f !== NO_FIELD) {
        const c = fieldName.charCodeAt(0);
        if (c >= 97 && c <= 122) {
          this.errorf(`${fieldName} is an unexported field of struct type ${receiver.goTypeName}`);
        }
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return f;
      }
    } else if (receiver instanceof Map || Array.isArray(receiver)) {
      const info = typeInfoOf(receiver);
      const methods = info?.methods;
      // Own properties only: a field named `constructor` must not find Object's.
      const m = methods !== undefined && Object.hasOwn(methods, fieldName) ? methods[fieldName] : undefined;
      if (m !== undefined) return this.evalCall(dot, m, false, node, fieldName, args, final, receiver);
      if (receiver instanceof Map) {
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        const v = receiver.get(fieldName);
        // Map elements are not addressable (see unaddressable).
        if (v !== undefined) return v instanceof GoStruct && v.stringerOnPointer ? unaddressable(v) : v;
        if (this.ctx.missingKey === MISSING_ZERO) return zeroOf(info?.elem);
        if (this.ctx.missingKey === MISSING_ERROR) this.errorf(`map has no entry for key ${quote(fieldName)}`);
        return undefined;
      }
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${wrapped ? 'interface {}' : typeOf(receiver)}`);
  }

  /**
   * Calls `fn` with the argument nodes `args[1:]` and the piped-in `final`, converting each argument to the
   * function's Go parameter type. `recv` is the receiver of a method found through GoTypeInfo.methods.
   */
  private evalCall(
    dot: Value,
    fn: GoFunc,
    isBuiltin: boolean,
    node: Node,
    name: string,
    args: Node[] | null,
    final: Final,
    recv: GoMap | Value[] | undefined,
  ): Value {
    const numArgs = args === null ? 0 : args.length - 1;
    const hasFinal = final !== MISSING;
    const numIn = numArgs + (hasFinal ? 1 : 0);
    const params = fn.params;
    const variadic = fn.variadic;
    let numFixed = numArgs;
    if (variadic !== undefined) {
      numFixed = params.length;
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${numArgs}`);
      }
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }

    if (isBuiltin && (name === 'and' || name === 'or')) {
      const isOr = name === 'or';
      let v: Value;
      for (let i = 1; i <= numArgs; i++) {
        v = this.evalArg(dot, VALUE_TYPE, (args as Node[])[i]);
        if (truth(v) === isOr) return v;
      }
      if (hasFinal) v = final;
      return v;
    }

    const argv: Value[] = new Array(recv === undefined ? numIn : numIn + 1);
    let o = 0;
    if (recv !== undefined) argv[o++] = recv;
    let i = 0;
    for (; i < numFixed && i < numArgs; i++) argv[o++] = this.evalArg(dot, params[i], (args as Node[])[i + 1]);
    if (variadic !== undefined)
      for (; i < numArgs; i++) argv[o++] = this.evalArg(dot, variadic, (args as Node[])[i + 1]);
    if (hasFinal) {
      let t = params[params.length - 1];
      if (variadic !== undefined) t = numIn - 1 < numFixed ? params[numIn - 1] : variadic;
      argv[o++] = this.validateType(final, t);
    }

    let f = fn.fn;
    if (isBuiltin && name === 'call') {
      // Go passes the callee's source text along, for its error messages.
      const callee = numArgs === 0 ? reflectString(final as Value) : nodeString((args as Node[])[1]);
      argv.unshift(callee);
      f = callFunction;
    }
    try {
      // Direct calls for the usual arities: a spread call costs more while the code is cold.
      let r: Value;
      switch (argv.length) {
        case 0:
          r = f();
          break;
        case 1:
          r = f(argv[0]);
          break;
        case 2:
          r = f(argv[0], argv[1]);
          break;
        case 3:
          r = f(argv[0], argv[1], argv[2]);
          break;
        default:
          r = f(...argv);
      }
      // A function's result is not addressable: a pointer-receiver String() no longer applies when printed.
      return r instanceof GoStruct && r.stringerOnPointer ? unaddressable(r) : r;
    } catch (e) {
      if (isStackOverflow(e)) throw e; // let walkTemplate report runaway recursion
      this.node = node;
      this.errorf(`error calling ${name}: ${errorText(e)}`, e);
    }
  }

  /** Go's validateType: the value as an argument of Go type `typ` (null: no type, keep the value). */
  private validateType(value: Value, typ: ParamType | null): Value {
    if (value === undefined) {
      if (typ === null || typ.kind === 'value') return undefined;
      if (canBeNil(typ)) return null;
      this.errorf(`invalid value; expected ${typ.name}`);
    }
    if (typ === null || typ.kind === 'value' || typ.kind === 'interface') return value;
    if (assignable(value, typ)) return value;
    if (value instanceof GoStruct && value.isPointer && value.goTypeName.slice(1) === typ.name) return value;
    this.errorf(`wrong type for value; expected ${typ.name}; got ${value === null ? 'interface {}' : typeOf(value)}`);
  }

  private evalArg(dot: Value, typ: ParamType | null, n: Node): Value {
    this.node = n;
    switch (n.type) {
      case N.Dot:
        return this.validateType(dot, typ);
      case N.Nil:
        if (typ === null || typ.kind === 'value') return undefined;
        if (canBeNil(typ)) return null;
        this.errorf(`cannot assign nil to ${typ.name}`);
        break;
      case N.Field:
        return this.validateType(this.evalFieldNode(dot, n, null, MISSING), typ);
      case N.Variable:
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case N.Pipe:
        return this.validateType(this.evalPipeline(dot, n), typ);
      case N.Identifier:
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case N.Chain:
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    if (typ === null) return this.evalEmptyInterface(dot, n);
    switch (typ.kind) {
      case 'bool':
        if (n.type === N.Bool) return n.value;
        this.errorf(`expected bool; found ${nodeString(n)}`);
        break;
      case 'float':
        if (n.type === N.Number && n.isFloat) return n.float64;
        this.errorf(`expected float; found ${nodeString(n)}`);
        break;
      case 'int':
        if (isUnsigned(typ.name)) {
          if (n.type === N.Number && n.isUint) return goIntOfKind(n.uint64, typ.name);
          this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
        }
        if (n.type === N.Number && n.isInt) return goIntOfKind(n.int64, typ.name);
        this.errorf(`expected integer; found ${nodeString(n)}`);
        break;
      case 'interface':
      case 'value':
        return this.evalEmptyInterface(dot, n);
      case 'string':
        if (n.type === N.String) return n.text;
        this.errorf(`expected string; found ${nodeString(n)}`);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ.name}`);
  }

  private evalEmptyInterface(dot: Value, n: Node): Value {
    this.node = n;
    switch (n.type) {
      case N.Bool:
        return n.value;
      case N.Dot:
        return dot;
      case N.Number:
        return this.idealConstant(n);
      case N.String:
        return n.text;
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private printValue(n: ActionNode, v: Value): void {
    this.node = n;
    if (typeof v === 'string') {
      this.out += v;
      return;
    }
    if (v === undefined || v === null) {
      this.out += '<no value>';
      return;
    }
    if (isGoFunc(v)) {
      this.errorf(`can't print ${nodeString(n)} of type ${typeOf(v)}`);
    }
    this.out += formatPrintable(v);
  }
}
