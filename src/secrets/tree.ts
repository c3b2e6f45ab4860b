// The document model every SOPS store loads into and emits from, as sops's TreeBranch: ordered maps, lists,
// scalar leaves and comments. Leaves and comments are mutable boxes so that encryption and decryption replace
// their contents in place, and carry an optional `ref` back to the node of the source document (the YAML store
// writes results back into its Document, keeping layout and comments).

import type { GoTime } from './gotext.ts';

/** A time.Time value (type `time`); its text is RFC 3339 with nanoseconds. */
export class SopsTime {
  constructor(readonly time: GoTime) {}
}

/**
 * A leaf's value with its Go type: string, int (bigint), float64 (number), bool, []byte (Uint8Array),
 * time.Time (SopsTime), or nil (null). Nil leaves are neither encrypted nor part of the MAC.
 */
export type Scalar = string | bigint | number | boolean | Uint8Array | SopsTime | null;

export class Leaf {
  constructor(
    public value: Scalar,
    readonly ref?: unknown,
  ) {}
}

/** A comment line (without its `#`). `inline` marks a comment that sat on the line of a value. */
export class Comment {
  constructor(
    public value: string,
    readonly inline = false,
    readonly ref?: unknown,
  ) {}
}

export interface MapEntry {
  readonly key: string;
  value: TreeValue;
}

export class SopsMap {
  constructor(readonly items: Array<MapEntry | Comment> = []) {}
  get(key: string): TreeValue | undefined {
    for (const it of this.items) if (!(it instanceof Comment) && it.key === key) return it.value;
    return undefined;
  }
}

export class SopsList {
  constructor(readonly items: Array<TreeValue | Comment> = []) {}
}

export type TreeValue = Leaf | SopsMap | SopsList;

/** Called for every leaf and comment in sops's walk order, with the map keys on its path and the comments seen. */
export type Visitor = (target: Leaf | Comment, path: readonly string[], comments: readonly string[][]) => void;

/**
 * Walks documents as sops's walkBranch/walkSlice do: map items and list items in order; a comment joins the
 * comments of its level before it is visited and stays until the next non-comment item of that level is done.
 */
export function walkTree(docs: readonly SopsMap[], visit: Visitor): void {
  for (const doc of docs) walkMap(doc, [], [], visit);
}

function walkValue(v: TreeValue, path: string[], stack: string[][], visit: Visitor): void {
  if (v instanceof Leaf) {
    if (v.value !== null) visit(v, path, stack);
  } else if (v instanceof SopsMap) walkMap(v, path, stack, visit);
  else walkList(v, path, stack, visit);
}

function walkMap(m: SopsMap, path: string[], stack: string[][], visit: Visitor): void {
  const level: string[] = [];
  const inner = [...stack, level];
  for (const it of m.items) {
    if (it instanceof Comment) {
      level.push(it.value);
      visit(it, path, inner);
      continue;
    }
    walkValue(it.value, [...path, it.key], inner, visit);
    level.length = 0;
  }
}

function walkList(l: SopsList, path: string[], stack: string[][], visit: Visitor): void {
  const level: string[] = [];
  const inner = [...stack, level];
  for (const it of l.items) {
    if (it instanceof Comment) {
      level.push(it.value);
      visit(it, path, inner);
      continue;
    }
    walkValue(it, path, inner, visit);
    level.length = 0;
  }
}
