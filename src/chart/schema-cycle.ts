// Reference cycles in a schema, found as helm 4's santhosh-tekuri/jsonschema finds them while it validates: a
// schema that is reached again, through `$ref`s, on the same instance without descending into it, would be
// evaluated forever (`{"$ref": "#"}`). The library reports
//   both /properties/a/$ref and /properties/a resolve to "file:///values.schema.json#/properties/a" causing reference cycle
// naming the two keyword paths (from the root schema, `$ref` for each jump) that reach the schema.

import { quote as goQuote } from '../template/strconv.ts';
import type { Value } from '../template/value.ts';
import type { Json } from './schema-json.ts';

/** How a scope was reached through a reference: the keyword and the canonical URL of its target. */
export interface RefJump {
  readonly keyword: string;
  readonly url: string;
}

interface Scope {
  readonly schema: Map<string, Json>;
  readonly value: Value;
  readonly loc: readonly string[];
  readonly ref: RefJump | undefined;
}

/** The chain of schemas being evaluated, innermost last. */
export class Scopes {
  private readonly stack: Scope[] = [];

  /** `rootURL`: the location of the schema the walk starts from (`file:///values.schema.json`). */
  constructor(private readonly rootURL: string) {}

  /**
   * Enters `schema` for `value` at `loc` (the same array object while the walk stays on one instance). Returns the
   * cycle message, without entering, when the schema is already being evaluated on that instance.
   */
  enter(schema: Map<string, Json>, value: Value, loc: readonly string[], ref: RefJump | undefined): string | undefined {
    const s = this.stack;
    for (let i = s.length - 1; i >= 0 && s[i].loc === loc && s[i].value === value; i--) {
      if (s[i].schema === schema) return this.cycle(i, { schema, value, loc, ref });
    }
    s.push({ schema, value, loc, ref });
    return undefined;
  }

  leave(): void {
    this.stack.pop();
  }

  private cycle(first: number, again: Scope): string {
    const chain = [...this.stack, again];
    const urls: string[] = [];
    const kwLocs: string[] = [];
    for (let i = 0; i < chain.length; i++) {
      const sc = chain[i];
      let step = '';
      if (i === 0) urls.push(`${this.rootURL}#`);
      else if (sc.ref) {
        urls.push(sc.ref.url);
        step = `/${escapeToken(sc.ref.keyword)}`;
      } else {
        step = pathBetween(chain[i - 1].schema, sc.schema);
        urls.push(urls[i - 1] + step);
      }
      kwLocs.push(i === 0 ? '' : kwLocs[i - 1] + step);
    }
    const last = chain.length - 1;
    return `both ${kwLocs[last]} and ${kwLocs[first]} resolve to ${goQuote(urls[first])} causing reference cycle`;
  }
}

/** The JSON pointer from a schema to one of its subschemas (`/allOf/0`, `/properties/a`, `/not`). */
function pathBetween(parent: Map<string, Json>, child: Map<string, Json>): string {
  for (const [k, x] of parent) {
    if (x === child) return `/${escapeToken(k)}`;
    if (Array.isArray(x)) {
      const i = x.indexOf(child);
      if (i >= 0) return `/${escapeToken(k)}/${i}`;
    } else if (x instanceof Map) {
      for (const [name, y] of x) if (y === child) return `/${escapeToken(k)}/${escapeToken(name)}`;
    }
  }
  return '';
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
