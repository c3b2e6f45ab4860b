// The parse tree. Nodes are plain objects tagged with a numeric `type`, built once by the parser with everything
// the evaluator needs precomputed (literal values, split field chains), and shared read-only by every execution
// and every clone of a template set. `nodeString` prints a node back the way Go's Node.String does: it is the
// `<...>` context of execution errors.

import { quote } from './fmt.ts';
import type { Value } from './value.ts';

export const N = {
  Text: 0,
  Action: 1,
  Bool: 2,
  Chain: 3,
  Command: 4,
  Dot: 5,
  Else: 6,
  End: 7,
  Field: 8,
  Identifier: 9,
  If: 10,
  List: 11,
  Nil: 12,
  Number: 13,
  Pipe: 14,
  Range: 15,
  String: 16,
  Template: 17,
  Variable: 18,
  With: 19,
  Comment: 20,
  Break: 21,
  Continue: 22,
} as const;

/** One parsed template (Go's parse.Tree): the source text is kept for error positions. */
export interface Tree {
  readonly name: string;
  /** The name of the top-level template being parsed when this tree was made (the file name). */
  readonly parseName: string;
  readonly text: string;
  root: ListNode;
}

// Nodes do not point back to their tree: the same nodes serve every file with the same text (subcharts carry
// identical copies of library charts), and an error's file and line come from the tree being executed.
interface Base {
  readonly pos: number;
}

export interface TextNode extends Base {
  readonly type: typeof N.Text;
  readonly text: string;
}
export interface ActionNode extends Base {
  readonly type: typeof N.Action;
  readonly pipe: PipeNode;
}
export interface BoolNode extends Base {
  readonly type: typeof N.Bool;
  readonly value: boolean;
}
export interface ChainNode extends Base {
  readonly type: typeof N.Chain;
  readonly node: Node;
  readonly fields: string[];
}
export interface CommandNode extends Base {
  readonly type: typeof N.Command;
  readonly args: Node[];
}
export interface DotNode extends Base {
  readonly type: typeof N.Dot;
}
export interface ElseNode extends Base {
  readonly type: typeof N.Else;
}
export interface EndNode extends Base {
  readonly type: typeof N.End;
}
export interface FieldNode extends Base {
  readonly type: typeof N.Field;
  readonly ident: string[];
}
export interface IdentifierNode extends Base {
  readonly type: typeof N.Identifier;
  readonly name: string;
}
export interface BranchNode extends Base {
  readonly type: typeof N.If | typeof N.Range | typeof N.With;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
}
export interface ListNode extends Base {
  readonly type: typeof N.List;
  readonly nodes: Node[];
}
export interface NilNode extends Base {
  readonly type: typeof N.Nil;
}
export interface NumberNode extends Base {
  readonly type: typeof N.Number;
  readonly text: string;
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly isComplex: boolean;
  readonly int64: bigint;
  readonly uint64: bigint;
  readonly float64: number;
  /** The value with no type context (Go's idealConstant): an `int`, a `float64`, or an error message. */
  readonly ideal: Value | { readonly error: string };
}
export interface PipeNode extends Base {
  readonly type: typeof N.Pipe;
  isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}
export interface StringNode extends Base {
  readonly type: typeof N.String;
  readonly quoted: string;
  readonly text: string;
}
export interface TemplateNode extends Base {
  readonly type: typeof N.Template;
  readonly name: string;
  readonly pipe: PipeNode | null;
}
export interface VariableNode extends Base {
  readonly type: typeof N.Variable;
  readonly ident: string[];
}
export interface CommentNode extends Base {
  readonly type: typeof N.Comment;
  readonly text: string;
}
export interface BreakNode extends Base {
  readonly type: typeof N.Break;
}
export interface ContinueNode extends Base {
  readonly type: typeof N.Continue;
}

export type Node =
  | TextNode
  | ActionNode
  | BoolNode
  | ChainNode
  | CommandNode
  | DotNode
  | ElseNode
  | EndNode
  | FieldNode
  | IdentifierNode
  | BranchNode
  | ListNode
  | NilNode
  | NumberNode
  | PipeNode
  | StringNode
  | TemplateNode
  | VariableNode
  | CommentNode
  | BreakNode
  | ContinueNode;

/** Go's Node.String(): the node printed back as template source. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case N.Text:
      return n.text;
    case N.Action:
      return `{{${nodeString(n.pipe)}}}`;
    case N.Bool:
      return n.value ? 'true' : 'false';
    case N.Chain: {
      const head = n.node.type === N.Pipe ? `(${nodeString(n.node)})` : nodeString(n.node);
      return `${head}.${n.fields.join('.')}`;
    }
    case N.Command: {
      let s = '';
      for (let i = 0; i < n.args.length; i++) {
        const a = n.args[i];
        if (i > 0) s += ' ';
        s += a.type === N.Pipe ? `(${nodeString(a)})` : nodeString(a);
      }
      return s;
    }
    case N.Dot:
      return '.';
    case N.Else:
      return '{{else}}';
    case N.End:
      return '{{end}}';
    case N.Field:
      return `.${n.ident.join('.')}`;
    case N.Identifier:
      return n.name;
    case N.If:
    case N.Range:
    case N.With: {
      const kw = n.type === N.If ? 'if' : n.type === N.Range ? 'range' : 'with';
      let s = `{{${kw} ${nodeString(n.pipe)}}}${nodeString(n.list)}`;
      if (n.elseList) s += `{{else}}${nodeString(n.elseList)}`;
      return `${s}{{end}}`;
    }
    case N.List: {
      let s = '';
      for (const c of n.nodes) s += nodeString(c);
      return s;
    }
    case N.Nil:
      return 'nil';
    case N.Number:
      return n.text;
    case N.Pipe: {
      let s = '';
      if (n.decl.length > 0) {
        s = n.decl.map(nodeString).join(', ');
        s += ' := ';
      }
      for (let i = 0; i < n.cmds.length; i++) {
        if (i > 0) s += ' | ';
        s += nodeString(n.cmds[i]);
      }
      return s;
    }
    case N.String:
      return n.quoted;
    case N.Template:
      return `{{template ${quote(n.name)}${n.pipe ? ` ${nodeString(n.pipe)}` : ''}}}`;
    case N.Variable:
      return n.ident.join('.');
    case N.Comment:
      return `{{${n.text}}}`;
    case N.Break:
      return '{{break}}';
    case N.Continue:
      return '{{continue}}';
  }
}

// unicode.IsSpace (JS's trim() also drops U+FEFF, which Go keeps).
const GO_SPACE_ONLY = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** Go's parse.IsEmptyTree: only whitespace text and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case N.Comment:
      return true;
    case N.List:
      return n.nodes.every(isEmptyTree);
    case N.Text:
      return GO_SPACE_ONLY.test(n.text);
    default:
      return false;
  }
}
