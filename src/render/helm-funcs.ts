// Helm's own template functions that need the template set: include, tpl, required, fail, and the cluster-facing
// lookup, which `helm template` answers without a cluster.
import { isStackOverflow } from '../template/convert.ts';
import type { ParsedText, TemplateSet } from '../template/index.ts';
import { quote } from '../template/strconv.ts';
import { type FuncMap, GoError, goFunc, T, type Value } from '../template/value.ts';
import { warnWrap } from './errors.ts';

/** include of the same name may nest this deep before Helm gives up (a template that includes itself). */
const RECURSION_MAX = 1000;

export interface HelmFuncOptions {
  /** `--strict`-like rendering (missingkey=error) — used by lint's strict mode. */
  strict?: boolean;
  /** In lint mode `required` and `fail` only warn. */
  lintMode?: boolean;
  /** Receives lint-mode warnings. */
  warn?: (msg: string) => void;
}

/**
 * Adds include/tpl bound to `set` (and to each clone `tpl` makes), plus required, fail and lookup, to a copy of `base`. `included` counts include depth per name across the whole render.
 */
export function bindHelmFuncs(
  base: FuncMap,
  opts: HelmFuncOptions,
): { funcs: FuncMap; bind: (set: TemplateSet) => void } {
  const funcs: FuncMap = new Map(base);
  const included = new Map<string, number>();
  let root: TemplateSet | undefined;
  // tpl's earlier parses by text: charts pass the same texts to tpl many times (bitnami's tplvalues.render),
  // and a parse may be reused whenever the parsing set would answer the same (TemplateSet.parse checks).
  const tplParsed = new Map<string, ParsedText>();

  const includeFor = (set: () => TemplateSet) =>
    goFunc('include', [T.string, T.any], (name, data) => {
      const n = name as string;
      const depth = included.get(n) ?? 0;
      if (depth > RECURSION_MAX) {
        throw new GoError(`rendering template has a nested reference name: ${n}: unable to execute template`);
      }
      included.set(n, depth + 1);
      try {
        return set().execute(n, data);
      } catch (e) {
        // JavaScript's stack ends before helm's depth limit: runaway recursion gets helm's message all the same
        // (and every include above wraps it as helm does), never a RangeError.
        if (isStackOverflow(e)) {
          throw new GoError(`rendering template has a nested reference name: ${n}: unable to execute template`);
        }
        throw e;
      } finally {
        included.set(n, depth);
      }
    });

  const tplFor = (parent: () => TemplateSet, parentName: string) =>
    goFunc('tpl', [T.string, T.any], (text, vals): Value => {
      // Like helm: a clone of the enclosing set, whose own include/tpl see the clone, so that defines inside
      // the tpl text can be included from it.
      // The clone inherits every other function from its parent, so only these two are its own.
      let clone: TemplateSet;
      const cloneFuncs: FuncMap = new Map([
        ['include', includeFor(() => clone)],
        ['tpl', tplFor(() => clone, parentName)],
      ]);
      clone = parent().clone(cloneFuncs);
      try {
        tplParsed.set(text as string, clone.parse(parentName, text as string, tplParsed.get(text as string)));
      } catch (e) {
        throw new GoError(`cannot parse template ${quote(text as string)}: ${(e as Error).message}`, { cause: e });
      }
      let out: string;
      try {
        out = clone.execute(parentName, vals);
      } catch (e) {
        throw new GoError(`error during tpl function execution for ${quote(text as string)}: ${(e as Error).message}`, {
          cause: e,
        });
      }
      return out.replaceAll('<no value>', '');
    });

  funcs.set(
    'include',
    includeFor(() => root!),
  );
  funcs.set(
    'tpl',
    tplFor(() => root!, 'gotpl'),
  );
  funcs.set(
    'required',
    goFunc('required', [T.string, T.any], (warn, val) => {
      if (val === null || val === undefined || val === '') {
        if (opts.lintMode) {
          opts.warn?.(`missing required value: ${warn as string}`);
          return '';
        }
        throw new GoError(warnWrap(warn as string));
      }
      return val;
    }),
  );
  funcs.set(
    'fail',
    goFunc('fail', [T.string], (msg) => {
      if (opts.lintMode) {
        opts.warn?.(`fail: ${msg as string}`);
        return '';
      }
      throw new GoError(warnWrap(msg as string));
    }),
  );
  // With no cluster, lookup finds nothing: an empty map.
  funcs.set(
    'lookup',
    goFunc('lookup', [T.string, T.string, T.string, T.string], () => new Map()),
  );

  return {
    funcs,
    bind: (set) => {
      root = set;
    },
  };
}
