// A line diff that aligns lines exactly as the helm-diff plugin does (its diff/lcs.go: equal head and tail set
// aside, then Hirschberg's linear-space longest common subsequence, with difflib's preferences where several
// alignments are equally long), so that bosun's `diff` prints the same hunks.

export type Delta = 'common' | 'left' | 'right';

export interface DiffRecord {
  payload: string;
  /** `left`: only in the old text (printed `- `); `right`: only in the new one (`+ `). */
  delta: Delta;
}

export function diffLines(a: readonly string[], b: readonly string[]): DiffRecord[] {
  const [start, end] = equalEnds(a, b);
  const out: DiffRecord[] = [];
  for (let i = 0; i < start; i++) out.push({ payload: a[i], delta: 'common' });
  out.push(...hirschberg(a.slice(start, a.length - end), b.slice(start, b.length - end)));
  for (let i = a.length - end; i < a.length; i++) out.push({ payload: a[i], delta: 'common' });
  return out;
}

// The lengths of the equal prefix and suffix (the suffix never overlaps the prefix's first element).
function equalEnds(a: readonly string[], b: readonly string[]): [number, number] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  let i = a.length - 1;
  let j = b.length - 1;
  while (i > start && j > start && a[i] === b[j]) {
    i--;
    j--;
    end++;
  }
  return [start, end];
}

function hirschberg(a: readonly string[], b: readonly string[]): DiffRecord[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((payload) => ({ payload, delta: 'right' as const }));
  if (m === 0) return a.map((payload) => ({ payload, delta: 'left' as const }));
  if (n === 1) return singleRow(a[0], b);
  const mid = n >> 1;
  const forward = lcsRow(a.slice(0, mid), b);
  const backward = lcsSuffixRow(a.slice(mid), b);
  let split = 0;
  let best = -1;
  for (let j = 0; j <= m; j++) {
    const score = forward[j] + backward[j];
    if (score > best) {
      best = score;
      split = j;
    }
  }
  return [...hirschberg(a.slice(0, mid), b.slice(0, split)), ...hirschberg(a.slice(mid), b.slice(split))];
}

// One old line against many new ones: matched at its last occurrence (difflib prefers that), else removed first.
function singleRow(line: string, b: readonly string[]): DiffRecord[] {
  const found = b.lastIndexOf(line);
  if (found < 0) {
    return [{ payload: line, delta: 'left' }, ...b.map((payload) => ({ payload, delta: 'right' as const }))];
  }
  const out: DiffRecord[] = [];
  for (let j = 0; j < found; j++) out.push({ payload: b[j], delta: 'right' });
  out.push({ payload: line, delta: 'common' });
  for (let j = found + 1; j < b.length; j++) out.push({ payload: b[j], delta: 'right' });
  return out;
}

/** row[j] = LCS(a, b[0:j]). */
function lcsRow(a: readonly string[], b: readonly string[]): number[] {
  let prev = new Array<number>(b.length + 1).fill(0);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (const ai of a) {
    for (let j = 0; j < b.length; j++) {
      if (ai === b[j]) curr[j + 1] = prev[j] + 1;
      else curr[j + 1] = prev[j + 1] >= curr[j] ? prev[j + 1] : curr[j];
    }
    [prev, curr] = [curr, prev];
    curr.fill(0);
  }
  return prev;
}

/** row[j] = LCS(a, b[j:]). */
function lcsSuffixRow(a: readonly string[], b: readonly string[]): number[] {
  const row = lcsRow([...a].reverse(), [...b].reverse());
  const out = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) out[j] = row[b.length - j];
  return out;
}

/** For each record, how far it is from the nearest change (for `--context`). */
export function changeDistances(diffs: readonly DiffRecord[]): number[] {
  const out = new Array<number>(diffs.length).fill(Number.MAX_SAFE_INTEGER);
  let change = -1;
  for (let i = 0; i < diffs.length; i++) {
    if (diffs[i].delta !== 'common') change = i;
    if (change !== -1) out[i] = i - change;
  }
  change = -1;
  for (let i = diffs.length - 1; i >= 0; i--) {
    if (diffs[i].delta !== 'common') change = i;
    if (change !== -1 && change - i < out[i]) out[i] = change - i;
  }
  return out;
}
