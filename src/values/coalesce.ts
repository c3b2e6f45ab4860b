// Coalescing values as helm does (pkg/chart/common/util/coalesce.go): the `.Values` of a render.
//
//   coalesceValues(chart, user)   user values over chart defaults, for the chart and every subchart
//   mergeValues(chart, user)      the same but keeping nulls (helm's MergeValues, used for import-values)
//   coalesceTables(dst, src)      dst over src, deleting keys dst sets to null; mergeTables keeps them
//
// Rules: maps merge deeply, lists and scalars replace; a subchart's values are its parent's `<name>:` section
// over its own defaults; `global` is copied down into every subchart (the parent's globals win); a user null
// deletes the default (helm 4 keeps a null that has no default to delete; helm 3 deletes it). Type clashes
// keep the higher-priority value and print helm's warnings. The user's map is deep-copied first, the chart's
// values are never modified.
//
// Map iteration follows insertion order (Go's is random), so where helm's output depends on map order
// (the order of warnings) bosun picks one order consistently.

import { formatValue, sprintf } from '../template/fmt.ts';
import type { GoMap, Value } from '../template/value.ts';
import { ValuesError } from './errors.ts';
import type { Dialect } from './strvals.ts';
import { printfWarning, type WarnFn } from './warnings.ts';

/** The chart structure coalescing needs; bosun's Chart satisfies it. */
export interface ValuesChart {
  /** The chart name (an alias once dependencies are processed). */
  readonly name: string;
  /** Default values (values.yaml). */
  readonly values: GoMap;
  readonly dependencies: readonly ValuesChart[];
}

export interface CoalesceOptions {
  readonly dialect?: Dialect;
  readonly warn?: WarnFn;
}

export const GLOBAL_KEY = 'global';

interface Ctx {
  readonly helm3: boolean;
  readonly warn: WarnFn | undefined;
  /**
   * The result is only read (coalesceValuesShared): a default the user's values lack may be shared with the
   * chart rather than copied, unless coalescing writes into it later (a subchart's section, `global`).
   */
  readonly share: boolean;
}

function ctxOf(options: CoalesceOptions, share = false): Ctx {
  return { helm3: options.dialect === 'helm3', warn: options.warn, share };
}

/** `.Values` for a chart: the user's values coalesced with every chart's defaults (nulls delete). */
export function coalesceValues(chart: ValuesChart, user: GoMap | null, options: CoalesceOptions = {}): GoMap {
  return coalesce(ctxOf(options), chart, deepCopyMap(user ?? new Map()), '', false);
}

/**
 * coalesceValues for a result that is only read (dependency processing's values at each level, which decide
 * conditions and tags): `user` is not modified, and the result shares with it every subtree that coalescing
 * leaves alone. Only the entries coalescing writes into are deep-copied: `global`, the chart's subchart
 * sections, and the keys whose default is a table (merged into the user's table in place). Everything else is
 * set or deleted at the top level only, so a shallow copy of that level is enough; the result's contents are
 * those coalesceValues gives, warnings included (dependency processing used to deep-copy the parent's whole
 * values once per subchart). Defaults the user's values lack are shared with the chart, not copied, except
 * where coalescing writes (see Ctx.share).
 */
export function coalesceValuesShared(chart: ValuesChart, user: GoMap, options: CoalesceOptions = {}): GoMap {
  const dest: GoMap = new Map(user);
  copyEntry(dest, GLOBAL_KEY);
  for (const sub of chart.dependencies) copyEntry(dest, sub.name);
  chart.values.forEach((original, key) => {
    if (isTable(original)) copyEntry(dest, key);
  });
  return coalesce(ctxOf(options, true), chart, dest, '', false);
}

function copyEntry(m: GoMap, key: string): void {
  const v = m.get(key);
  if (typeof v === 'object' && v !== null) m.set(key, deepCopy(v));
}

/** helm's MergeValues: like coalesceValues, but nulls are kept. */
export function mergeValues(chart: ValuesChart, user: GoMap | null, options: CoalesceOptions = {}): GoMap {
  return coalesce(ctxOf(options), chart, deepCopyMap(user ?? new Map()), '', true);
}

/** helm's CoalesceTables: dst (authoritative) over src, in place; returns dst. */
export function coalesceTables(dst: GoMap | null, src: GoMap | null, options: CoalesceOptions = {}): GoMap | null {
  return coalesceTablesFullKey(ctxOf(options), dst, src, '', false);
}

/** helm's MergeTables: as coalesceTables but keeping nulls. */
export function mergeTables(dst: GoMap | null, src: GoMap | null, options: CoalesceOptions = {}): GoMap | null {
  return coalesceTablesFullKey(ctxOf(options), dst, src, '', true);
}

/**
 * A deep copy of maps and lists (helm's copystructure.Copy); scalars are shared. Values are copied several times
 * per render (each level of dependency processing coalesces), so this walks with forEach: iterating a Map with
 * for-of builds an entry array per key, which costs more than the copy itself until the code is optimized.
 */
export function deepCopyMap(m: GoMap): GoMap {
  const out: GoMap = new Map();
  m.forEach(copyInto, out);
  return out;
}

function copyInto(this: GoMap, v: Value, k: string): void {
  this.set(k, deepCopy(v));
}

export function deepCopy(v: Value): Value {
  // Scalars (most entries) leave after one typeof test.
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof Map) return deepCopyMap(v);
  if (Array.isArray(v)) return v.map(deepCopy);
  return v;
}

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

function isTable(v: Value): v is GoMap {
  return v instanceof Map;
}

function coalesce(ctx: Ctx, chart: ValuesChart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  coalesceChartValues(ctx, chart, dest, prefix, merge);
  return coalesceDeps(ctx, chart, dest, prefix, merge);
}

function coalesceDeps(ctx: Ctx, chart: ValuesChart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  for (const sub of chart.dependencies) {
    const c = dest.get(sub.name);
    if (c === undefined) {
      dest.set(sub.name, new Map());
    } else if (!isTable(c)) {
      // helm formats the value with %t, which Go prints as %!t(type=value) for a non-bool.
      throw new ValuesError(sprintf('type mismatch on %s: %t', [sub.name, c]));
    }
    const dv = dest.get(sub.name) as GoMap;
    const subPrefix = concatPrefix(prefix, chart.name);
    coalesceGlobals(ctx, dv, dest, subPrefix);
    dest.set(sub.name, coalesce(ctx, sub, dv, subPrefix, merge));
  }
  return dest;
}

/** Copies the globals of src into dest's `global` (src's win where both have a key). */
function coalesceGlobals(ctx: Ctx, dest: GoMap, src: GoMap, prefix: string): void {
  let dg: GoMap;
  const destGlob = dest.get(GLOBAL_KEY);
  if (destGlob === undefined) dg = new Map();
  else if (isTable(destGlob)) dg = destGlob;
  else {
    ctx.warn?.(printfWarning(`warning: skipping globals because destination ${GLOBAL_KEY} is not a table.`, site(138)));
    return;
  }
  let sg: GoMap;
  const srcGlob = src.get(GLOBAL_KEY);
  if (srcGlob === undefined) sg = new Map();
  else if (isTable(srcGlob)) sg = srcGlob;
  else {
    ctx.warn?.(printfWarning(`warning: skipping globals because source ${GLOBAL_KEY} is not a table.`, site(145)));
    return;
  }
  for (const [key, val] of sg) {
    if (isTable(val)) {
      const vv: GoMap = new Map(val);
      const destv = dg.get(key);
      if (destv === undefined) {
        dg.set(key, vv);
      } else if (!isTable(destv)) {
        ctx.warn?.(
          printfWarning(sprintf('Conflict: cannot merge map onto non-map for %q. Skipping.', [key]), site(161)),
        );
      } else {
        // Merge top-down: the parent's global table over the subchart's, keeping nulls for the later pass.
        coalesceTablesFullKey(ctx, vv, destv, concatPrefix(prefix, key), true);
        dg.set(key, vv);
      }
    } else if (isTable(dg.get(key))) {
      ctx.warn?.(printfWarning(`key ${key} is table. Skipping`, site(175)));
    } else {
      dg.set(key, val);
    }
  }
  dest.set(GLOBAL_KEY, dg);
}

/** Fills v (the user's values for this chart) from the chart's defaults. */
function coalesceChartValues(ctx: Ctx, chart: ValuesChart, v: GoMap, prefix: string, merge: boolean): void {
  const subPrefix = concatPrefix(prefix, chart.name);
  // forEach rather than for-of over entries, here and below: see deepCopyMap.
  chart.values.forEach((original, key) => {
    const value = v.get(key);
    if (value !== undefined) {
      if (value === null && !merge) {
        v.delete(key);
      } else if (isTable(value)) {
        if (!isTable(original)) {
          if (original !== null) {
            ctx.warn?.(printfWarning(`warning: skipped value for ${subPrefix}.${key}: Not a table.`, site(237)));
          }
        } else {
          const childMerge = merge || chart.dependencies.some((d) => d.name === key);
          mergeDefaults(ctx, value, original, concatPrefix(subPrefix, key), childMerge);
        }
      }
    } else if (ctx.share && key !== GLOBAL_KEY && !chart.dependencies.some((d) => d.name === key)) {
      v.set(key, original);
    } else {
      v.set(key, deepCopy(original));
    }
  });
}

/**
 * coalesceTablesFullKey(dst, deepCopy(src)) without copying src up front or changing it: only the subtrees dst
 * takes are copied. A chart's defaults are merged this way at every level of dependency processing, and most of
 * each default table used to be copied only to be read. What CoalesceTables' helm 4 pass does to its (copied)
 * src, letting dst's nulls show there, is read here instead: a key dst holds as null reads as null in src.
 */
function mergeDefaults(ctx: Ctx, dst: GoMap, src: GoMap, prefix: string, merge: boolean): void {
  src.forEach((val, key) => {
    const dv = dst.get(key);
    if (dv === undefined && !dst.has(key)) {
      dst.set(key, deepCopy(val));
      return;
    }
    if (dv === null) {
      // helm 4 deletes only where src had a value; helm 3 always. Otherwise src's key reads as null: no-op.
      if (!merge && (ctx.helm3 || val !== null)) dst.delete(key);
      else if (ctx.helm3 && isTable(val)) warnTableOverValue(ctx, concatPrefix(prefix, key), val);
      return;
    }
    if (isTable(val)) {
      if (isTable(dv)) mergeDefaults(ctx, dv, val, concatPrefix(prefix, key), merge);
      else warnTableOverValue(ctx, concatPrefix(prefix, key), val);
    } else if (isTable(dv) && val !== null) {
      warnValueOverTable(ctx, concatPrefix(prefix, key), val);
    }
  });
}

/** dst (authoritative) over src, in place. */
function coalesceTablesFullKey(
  ctx: Ctx,
  dst: GoMap | null,
  src: GoMap | null,
  prefix: string,
  merge: boolean,
): GoMap | null {
  if (src === null) return dst;
  if (dst === null) return src;
  let srcNonNil: Set<string> | undefined;
  if (!ctx.helm3) {
    // helm 4: remember which src keys had values, then let dst's nulls show in src.
    const nonNil = new Set<string>();
    src.forEach((val, k) => {
      if (val !== null) nonNil.add(k);
    });
    dst.forEach((val, k) => {
      if (val === null) src.set(k, null);
    });
    srcNonNil = nonNil;
  }
  src.forEach((val, key) => {
    const has = dst.has(key);
    const dv = dst.get(key);
    if (has && !merge && dv === null && (srcNonNil === undefined || srcNonNil.has(key))) {
      dst.delete(key);
    } else if (!has) {
      dst.set(key, val);
    } else if (isTable(val)) {
      if (isTable(dv)) coalesceTablesFullKey(ctx, dv, val, concatPrefix(prefix, key), merge);
      else warnTableOverValue(ctx, concatPrefix(prefix, key), val);
    } else if (isTable(dv) && val !== null) {
      warnValueOverTable(ctx, concatPrefix(prefix, key), val);
    }
  });
  return dst;
}

/** helm's warning when src has a table where dst, which wins, has something else. */
function warnTableOverValue(ctx: Ctx, at: string, val: Value): void {
  ctx.warn?.(
    printfWarning(`warning: cannot overwrite table with non table for ${at} (${formatValue(val)})`, site(298)),
  );
}

/** helm's warning when src has a value that is not a table where dst, which wins, has a table. */
function warnValueOverTable(ctx: Ctx, at: string, val: Value): void {
  ctx.warn?.(
    printfWarning(
      `warning: destination for ${at} is a table. Ignoring non-table value (${formatValue(val)})`,
      site(301),
    ),
  );
}

/** The `coalesce.go:NNN` of helm 3's log line (helm 4 prints no source position). */
function site(helm3Line: number): string {
  return `coalesce.go:${helm3Line}`;
}
