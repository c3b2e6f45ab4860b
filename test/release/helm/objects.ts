// What record.ts keeps of each step, and the object list of a local backend's state directory.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Recorded {
  args: string[];
  code: number;
  out: string;
  err: string;
  /** The objects in the state after the step: `<namespace>/<Kind>/<name>`. */
  objects: string[];
}

/** The object files of a state directory (bookkeeping left out). */
export function objectsIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      if (e.startsWith('.')) continue;
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.yaml')) out.push(relative(dir, p).slice(0, -'.yaml'.length));
    }
  };
  walk(dir);
  return out.sort();
}
