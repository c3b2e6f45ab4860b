// `--name-template`: the release name rendered from a Go template with Sprig's function map (helm's
// action.TemplateName) — Sprig's TxtFuncMap as it is, so with env, expandenv and a real getHostByName, and
// without helm's own functions (toYaml, include, ...). The data is nil; errors are Go's texts.
import type { FuncEnv } from '../funcs/env.ts';
import type { HelmDialect } from '../render/dialect.ts';
import { funcMapFor } from '../render/funcmap.ts';
import { TemplateExecError, TemplateParseError, TemplateSet } from '../template/index.ts';
import { type FuncMap, goFunc, T } from '../template/value.ts';
import { UserError } from './command.ts';

/** Functions helm adds to Sprig's map (pkg/engine/funcs.go); the name template does not have them. */
const HELM_ONLY = [
  'toToml',
  'fromToml',
  'toYaml',
  'mustToYaml',
  'toYamlPretty',
  'fromYaml',
  'fromYamlArray',
  'fromJson',
  'fromJsonArray',
];

function sprigFuncMap(dialect: HelmDialect, env: FuncEnv, processEnv: NodeJS.ProcessEnv): FuncMap {
  const m: FuncMap = new Map(funcMapFor(dialect, env, true));
  for (const n of HELM_ONLY) m.delete(n);
  const getenv = (k: string) => processEnv[k] ?? '';
  m.set(
    'env',
    goFunc('env', [T.string], (k) => getenv(k as string)),
  );
  m.set(
    'expandenv',
    goFunc('expandenv', [T.string], (s) => goExpand(s as string, getenv)),
  );
  return m;
}

/** Renders the name template; throws UserError with Go's message. */
export function renderNameTemplate(
  text: string,
  dialect: HelmDialect,
  env: FuncEnv,
  processEnv: NodeJS.ProcessEnv,
): string {
  if (text === '') return '';
  const set = new TemplateSet(sprigFuncMap(dialect, env, processEnv), { dialect, name: 'name-template' });
  try {
    set.parse('name-template', text);
    return set.execute('name-template', null);
  } catch (e) {
    if (e instanceof TemplateParseError || e instanceof TemplateExecError) throw new UserError(e.message);
    throw e;
  }
}

/** Go's os.Expand: `$NAME`, `${NAME}` and the shell's special one-character names. */
export function goExpand(s: string, mapping: (name: string) => string): string {
  let out = '';
  let i = 0;
  let expanded = false;
  for (let j = 0; j < s.length; j++) {
    if (s[j] !== '$' || j + 1 >= s.length) continue;
    expanded = true;
    out += s.slice(i, j);
    const [name, w] = shellName(s.slice(j + 1));
    if (name === '' && w > 0) {
      // invalid syntax: the characters are eaten
    } else if (name === '') out += '$';
    else out += mapping(name);
    j += w;
    i = j + 1;
  }
  return expanded ? out + s.slice(i) : s;
}

const isSpecial = (c: string | undefined) => c !== undefined && '*#$@!?-0123456789'.includes(c);
const isAlphaNum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9_]$/.test(c);

function shellName(s: string): [string, number] {
  if (s[0] === '{') {
    if (s.length > 2 && isSpecial(s[1]) && s[2] === '}') return [s.slice(1, 2), 3];
    for (let i = 1; i < s.length; i++) {
      if (s[i] === '}') return i === 1 ? ['', 2] : [s.slice(1, i), i + 1];
    }
    return ['', 1];
  }
  if (isSpecial(s[0])) return [s.slice(0, 1), 1];
  let i = 0;
  while (i < s.length && isAlphaNum(s[i])) i++;
  return [s.slice(0, i), i];
}
