// Kubernetes label selectors: the string syntax (`app=web,tier!=db,env in (a,b),!legacy,rev>3`), the structured
// form of manifests (matchLabels, matchExpressions), and matching against an object's labels.

import { InvalidSelectorError } from './errors.ts';

export type SelectorOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** The structured selector of manifests (metav1.LabelSelector). */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

const INT = /^[+-]?[0-9]+$/;

function matches(r: Requirement, labels: Readonly<Record<string, string>> | undefined): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, r.key);
  const v = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(v as string);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !INT.test(v as string)) return false;
      const a = BigInt(v as string);
      const b = BigInt(r.values[0]);
      return r.operator === 'gt' ? a > b : a < b;
    }
  }
}

function requirementString(r: Requirement): string {
  const values = r.values.length > 1 ? [...r.values].sort().join(',') : (r.values[0] ?? '');
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.operator} (${values})`;
    case 'gt':
      return `${r.key}>${values}`;
    case 'lt':
      return `${r.key}<${values}`;
    default:
      return `${r.key}${r.operator}${values}`;
  }
}

/** A label selector: all of its requirements must hold. The empty selector matches everything. */
export class Selector {
  readonly requirements: readonly Requirement[];
  constructor(requirements: readonly Requirement[]) {
    this.requirements = [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  get empty(): boolean {
    return this.requirements.length === 0;
  }
  matches(labels: Readonly<Record<string, string>> | undefined): boolean {
    for (const r of this.requirements) if (!matches(r, labels)) return false;
    return true;
  }
  /** The canonical string form, as Kubernetes prints it (requirements by key, set values sorted). */
  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

export const EVERYTHING = new Selector([]);

// ---------------------------------------------------------------------------------------------------------------
// Validation (apimachinery's IsQualifiedName and IsValidLabelValue)

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key is invalid, or undefined. */
export function labelKeyError(key: string): string | undefined {
  const slash = key.indexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (prefix.length > 253) return 'prefix part must be no more than 253 characters';
    if (!DNS_SUBDOMAIN.test(prefix)) {
      return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    }
    if (name.includes('/'))
      return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/'";
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!NAME_PART.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** Why a label value is invalid, or undefined. */
export function labelValueError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (value !== '' && !NAME_PART.test(value)) {
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

function requirement(key: string, operator: SelectorOperator, values: string[]): Requirement {
  const keyErr = labelKeyError(key);
  if (keyErr)
    throw new InvalidSelectorError(
      `unable to parse requirement: key: Invalid value: ${JSON.stringify(key)}: ${keyErr}`,
    );
  if ((operator === 'gt' || operator === 'lt') && !INT.test(values[0] ?? '')) {
    throw new InvalidSelectorError(
      `unable to parse requirement: values[0]: Invalid value: ${JSON.stringify(values[0] ?? '')}: for 'Gt', 'Lt' operators, the value must be an integer`,
    );
  }
  for (const v of values) {
    const err = labelValueError(v);
    if (err)
      throw new InvalidSelectorError(
        `unable to parse requirement: values[0][${key}]: Invalid value: ${JSON.stringify(v)}: ${err}`,
      );
  }
  return { key, operator, values };
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing the string form

type Tok =
  | { t: 'id'; v: string }
  | { t: 'op'; v: '=' | '==' | '!=' | '>' | '<' | '!' | '(' | ')' | ',' }
  | { t: 'end'; v: '' };

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const OPERATORS = new Set(['=', '==', '!=', '>', '<', '!', '(', ')', ',']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

function tokenize(s: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (SPECIAL.has(c)) {
      // The longest run of special characters that forms an operator.
      let j = i + 1;
      let op = OPERATORS.has(c) ? c : '';
      while (j < s.length && SPECIAL.has(s[j]) && OPERATORS.has(s.slice(i, j + 1))) op = s.slice(i, ++j);
      if (op === '')
        throw new InvalidSelectorError(`unable to parse requirement: error expected: keyword found '${c}'`);
      toks.push({ t: 'op', v: op } as Tok);
      i = i + op.length;
      continue;
    }
    let j = i;
    while (j < s.length && !SPECIAL.has(s[j]) && !isSpace(s[j])) j++;
    toks.push({ t: 'id', v: s.slice(i, j) });
    i = j;
  }
  toks.push({ t: 'end', v: '' });
  return toks;
}

/** Parses a selector string (`kubectl -l` syntax). Throws InvalidSelectorError. */
export function parseSelector(s: string): Selector {
  const toks = tokenize(s);
  let p = 0;
  const peek = () => toks[p];
  const next = () => toks[p++];
  const fail = (found: string, expected: string): never => {
    throw new InvalidSelectorError(`unable to parse requirement: found '${found}', expected: ${expected}`);
  };
  const reqs: Requirement[] = [];
  if (peek().t === 'end') return EVERYTHING;
  for (;;) {
    let t = next();
    let negate = false;
    if (t.t === 'op' && t.v === '!') {
      negate = true;
      t = next();
    }
    if (t.t !== 'id') fail(t.v, 'identifier');
    const key = t.v;
    const after = peek();
    if (after.t === 'end' || (after.t === 'op' && after.v === ',')) {
      reqs.push(requirement(key, negate ? '!' : 'exists', []));
    } else if (negate) {
      fail(after.v, "',' or 'end of string'");
    } else {
      const op = next();
      if (op.t === 'id' && (op.v === 'in' || op.v === 'notin')) {
        const open = next();
        if (open.t !== 'op' || open.v !== '(') fail(open.v, "'('");
        const values: string[] = [];
        let expectValue = true;
        for (;;) {
          const v = next();
          if (v.t === 'op' && v.v === ')') {
            if (expectValue) values.push('');
            break;
          }
          if (v.t === 'op' && v.v === ',') {
            if (expectValue) values.push('');
            expectValue = true;
            continue;
          }
          if (v.t !== 'id' || !expectValue) fail(v.v, "',', ')' or identifier");
          values.push(v.v);
          expectValue = false;
        }
        reqs.push(requirement(key, op.v, [...new Set(values)]));
      } else if (op.t === 'op' && (op.v === '=' || op.v === '==' || op.v === '!=' || op.v === '>' || op.v === '<')) {
        const v = peek();
        let value = '';
        if (v.t === 'id') value = next().v;
        else if (!(v.t === 'end' || (v.t === 'op' && v.v === ','))) fail(v.v, 'identifier');
        const operator = op.v === '>' ? 'gt' : op.v === '<' ? 'lt' : op.v;
        reqs.push(requirement(key, operator, [value]));
      } else {
        fail(op.v, 'in, notin, =, ==, !=, gt, lt'); // apimachinery's binaryOperators, in its order
      }
    }
    const sep = next();
    if (sep.t === 'end') break;
    if (sep.t !== 'op' || sep.v !== ',') fail(sep.v, "',' or 'end of string'");
    const following = peek();
    if (following.t !== 'id' && !(following.t === 'op' && following.v === '!'))
      fail(following.v, "identifier after ','");
  }
  return new Selector(reqs);
}

/** A selector matching exactly the given labels (`a=1,b=2`). */
export function selectorFromSet(labels: Readonly<Record<string, string>>): Selector {
  return new Selector(Object.entries(labels).map(([k, v]) => requirement(k, '=', [v])));
}

const EXPRESSION_OPERATORS: Record<string, SelectorOperator> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/** The selector of a manifest's `selector:` (matchLabels and matchExpressions). */
export function selectorFromSpec(spec: LabelSelectorSpec): Selector {
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(spec.matchLabels ?? {})) reqs.push(requirement(k, '=', [v]));
  for (const e of spec.matchExpressions ?? []) {
    const op = EXPRESSION_OPERATORS[e.operator];
    if (!op) throw new InvalidSelectorError(`${JSON.stringify(e.operator)} is not a valid label selector operator`);
    const values = e.values ?? [];
    if ((op === 'in' || op === 'notin') && values.length === 0) {
      throw new InvalidSelectorError("for 'in', 'notin' operators, values set can't be empty");
    }
    if ((op === 'exists' || op === '!') && values.length > 0) {
      throw new InvalidSelectorError('values set must be empty for exists and does not exist');
    }
    reqs.push(requirement(e.key, op, values));
  }
  return new Selector(reqs);
}

/** A selector from any of its forms. */
export function toSelector(s: string | Selector | Readonly<Record<string, string>> | undefined): Selector {
  if (s === undefined) return EVERYTHING;
  if (s instanceof Selector) return s;
  if (typeof s === 'string') return parseSelector(s);
  return selectorFromSet(s);
}
