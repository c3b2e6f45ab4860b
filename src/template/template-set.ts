// A set of named templates sharing a function map: Go's *template.Template with its associated templates.
//
// Cloning must be O(1): Helm's `tpl` clones the whole set on every call. Templates and functions therefore live
// in layers: a set owns a small mutable map on top of a chain of frozen maps that clones share. Cloning freezes
// the current own map (when it holds anything) into a new shared layer; afterwards each set writes only to its
// own map, so neither sees the other's later definitions, exactly as with Go's deep copy.

import type { Tree } from './ast.ts';
import { isEmptyTree } from './ast.ts';
import { builtins } from './builtins.ts';
import { TemplateExecError } from './errors.ts';
import { type ExecContext, executeTree, MISSING_DEFAULT, MISSING_ERROR, MISSING_ZERO } from './exec.ts';
import { quote } from './fmt.ts';
import { parseTemplates } from './parser.ts';
import type { FuncMap, GoFunc, Value } from './value.ts';

export interface EngineOptions {
  /** Go's `missingkey` option: what a missing map key yields. Default: `default` (`<no value>`). */
  missingKey?: 'default' | 'zero' | 'error';
  /** Which helm's Go to follow: helm 4.1.4 (Go 1.25, the default) or helm 3.17.2 (Go 1.23). */
  dialect?: 'helm4' | 'helm3';
  /** The name of the set's root template, quoted by "no template associated with" errors. Default `gotpl`. */
  name?: string;
}

/**
 * What one `parse` call made: the trees of a text and the parser's questions about functions with their answers.
 * A later parse of the same text by any set that answers the same way yields the same trees, so it may reuse them
 * (trees are read-only once built): a chart rendered again need not parse its templates again.
 */
export interface ParsedText {
  readonly name: string;
  readonly text: string;
  readonly commentNewlines: boolean;
  readonly trees: ReadonlyMap<string, Tree>;
  readonly asked: ReadonlyMap<string, boolean>;
  /** The names of the text's `define`s and `block`s. */
  readonly defines: readonly string[];
}

/** The same parse for a file of another name: the top-level tree takes the name, every tree the file name. */
function renamed(p: ParsedText, name: string): ParsedText {
  const trees = new Map<string, Tree>();
  for (const [n, tree] of p.trees) {
    const treeName = n === p.name ? name : n;
    trees.set(treeName, { name: treeName, parseName: name, text: tree.text, root: tree.root });
  }
  return { ...p, name, trees };
}

interface Layer<T> {
  readonly map: ReadonlyMap<string, T>;
  readonly parent: Layer<T> | null;
}

/** Chains deeper than this are flattened when cloned, to keep look-ups short. */
const MAX_LAYERS = 8;

function depthOf<T>(l: Layer<T> | null): number {
  let n = 0;
  for (; l !== null; l = l.parent) n++;
  return n;
}

function flatten<T>(l: Layer<T> | null): Layer<T> | null {
  if (l === null) return null;
  const all: Array<ReadonlyMap<string, T>> = [];
  for (let x: Layer<T> | null = l; x !== null; x = x.parent) all.push(x.map);
  const map = new Map<string, T>();
  for (let i = all.length - 1; i >= 0; i--) for (const [k, v] of all[i]) map.set(k, v);
  return { map, parent: null };
}

/** Shared, immutable per-set configuration. */
interface Config {
  readonly missingKey: number;
  readonly rangeOverInt: boolean;
  readonly commentNewlines: boolean;
  readonly builtins: Map<string, GoFunc>;
  readonly builtinSet: ReadonlySet<GoFunc>;
  readonly rootName: string;
}

export class TemplateSet implements ExecContext {
  private ownTemplates = new Map<string, Tree>();
  private templateLayers: Layer<Tree> | null = null;
  private ownFuncs: Map<string, GoFunc>;
  private funcLayers: Layer<GoFunc> | null = null;
  private config: Config;

  constructor(funcs: FuncMap, options: EngineOptions = {}) {
    this.ownFuncs = new Map(funcs);
    const dialect = options.dialect ?? 'helm4';
    const b = builtins(dialect);
    this.config = {
      missingKey:
        options.missingKey === 'zero' ? MISSING_ZERO : options.missingKey === 'error' ? MISSING_ERROR : MISSING_DEFAULT,
      rangeOverInt: dialect === 'helm4',
      commentNewlines: dialect === 'helm4',
      builtins: b,
      builtinSet: new Set(b.values()),
      rootName: options.name ?? 'gotpl',
    };
  }

  get missingKey(): number {
    return this.config.missingKey;
  }

  get rangeOverInt(): boolean {
    return this.config.rangeOverInt;
  }

  /**
   * Go's `t.New(name).Parse(text)`: defines `name` and every `define`/`block` in the text. A later definition of
   * a name replaces the earlier one, except that an empty body (only spaces and comments) never replaces one.
   * Throws TemplateParseError; on error nothing is defined. With `previous` (an earlier result for the same text,
   * possibly under another name), its nodes are taken as they are when they would come out the same.
   */
  parse(name: string, text: string, previous?: ParsedText): ParsedText {
    const commentNewlines = this.config.commentNewlines;
    let parsed: ParsedText;
    if (previous !== undefined && this.canReuse(previous, name, text)) {
      parsed = previous.name === name ? previous : renamed(previous, name);
    } else {
      const asked = new Map<string, boolean>();
      const hasFunction = (fn: string): boolean => {
        let has = asked.get(fn);
        if (has === undefined) {
          has = this.lookupFunc(fn) !== undefined;
          asked.set(fn, has);
        }
        return has;
      };
      const defines: string[] = [];
      const trees = parseTemplates(name, text, hasFunction, commentNewlines, defines);
      parsed = { name, text, commentNewlines, trees, asked, defines };
    }
    for (const [n, tree] of parsed.trees) {
      if (isEmptyTree(tree.root) && this.lookupTemplate(n) !== undefined) continue;
      this.ownTemplates.set(n, tree);
    }
    return parsed;
  }

  private canReuse(p: ParsedText, name: string, text: string): boolean {
    if (p.commentNewlines !== this.config.commentNewlines || p.text !== text) return false;
    // Under another name, a define named after either file would have met the top level differently.
    if (p.name !== name && (p.defines.includes(p.name) || p.defines.includes(name))) return false;
    for (const [fn, has] of p.asked) if ((this.lookupFunc(fn) !== undefined) !== has) return false;
    return true;
  }

  /**
   * Every template defined so far, as one read-only map for adoptTemplates. The set keeps them (frozen into a
   * layer, as clone does), so later definitions never reach the map returned.
   */
  definedTemplates(): ReadonlyMap<string, Tree> {
    if (this.ownTemplates.size > 0) {
      this.templateLayers = { map: this.ownTemplates, parent: this.templateLayers };
      this.ownTemplates = new Map();
    }
    const l = this.templateLayers;
    if (l === null) return new Map();
    return l.parent === null ? l.map : flatten(l)!.map;
  }

  /**
   * Defines, in a set with no templates yet, the templates another set's definedTemplates returned: what parsing
   * the same texts in the same order with the same functions would define, without parsing or inserting each.
   */
  adoptTemplates(templates: ReadonlyMap<string, Tree>): void {
    if (this.ownTemplates.size > 0 || this.templateLayers !== null) {
      throw new Error('adoptTemplates: the set already has templates');
    }
    this.templateLayers = { map: templates, parent: null };
  }

  has(name: string): boolean {
    return this.lookupTemplate(name) !== undefined;
  }

  /** Go's ExecuteTemplate. Re-entrant: functions may execute templates of this set (or a clone) again. */
  execute(name: string, dot: Value): string {
    const tree = this.lookupTemplate(name);
    if (tree === undefined) {
      const detail = `no template ${quote(name)} associated with template ${quote(this.config.rootName)}`;
      throw new TemplateExecError(`template: ${detail}`, name, undefined, 0, 0, '', detail);
    }
    return executeTree(this, name, tree, dot === null ? undefined : dot);
  }

  /** Go's Clone, plus Funcs(funcs) on the copy when given. O(1) in the number of templates and functions. */
  clone(funcs?: FuncMap): TemplateSet {
    if (this.ownTemplates.size > 0) {
      this.templateLayers = { map: this.ownTemplates, parent: this.templateLayers };
      this.ownTemplates = new Map();
    }
    if (this.ownFuncs.size > 0) {
      this.funcLayers = { map: this.ownFuncs, parent: this.funcLayers };
      this.ownFuncs = new Map();
    }
    if (depthOf(this.templateLayers) > MAX_LAYERS) this.templateLayers = flatten(this.templateLayers);
    if (depthOf(this.funcLayers) > MAX_LAYERS) this.funcLayers = flatten(this.funcLayers);
    const c: TemplateSet = Object.create(TemplateSet.prototype);
    c.config = this.config;
    c.ownTemplates = new Map();
    c.ownFuncs = funcs === undefined ? new Map() : new Map(funcs);
    c.templateLayers = this.templateLayers;
    c.funcLayers = this.funcLayers;
    return c;
  }

  /** @internal */
  lookupTemplate(name: string): Tree | undefined {
    const t = this.ownTemplates.get(name);
    if (t !== undefined) return t;
    for (let l = this.templateLayers; l !== null; l = l.parent) {
      const x = l.map.get(name);
      if (x !== undefined) return x;
    }
    return undefined;
  }

  /** @internal Go's findFunction: the set's functions first, then the builtins. */
  lookupFunc(name: string): GoFunc | undefined {
    const f = this.ownFuncs.get(name);
    if (f !== undefined) return f;
    for (let l = this.funcLayers; l !== null; l = l.parent) {
      const x = l.map.get(name);
      if (x !== undefined) return x;
    }
    return this.config.builtins.get(name);
  }

  /** @internal */
  isBuiltin(fn: GoFunc): boolean {
    return this.config.builtinSet.has(fn);
  }
}
