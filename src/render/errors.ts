// Helm's wording of template failures. Helm rewrites Go's parse errors to `parse error at (file:line): msg`,
// and execution errors raised by `required`/`fail` (which it brackets with markers) to
// `execution error at (file:line:col): msg`; every other execution error keeps Go's own text.

export class RenderError extends Error {
  override name = 'RenderError';
  constructor(
    message: string,
    /** The template file being rendered when the error happened. */
    readonly template: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export const WARN_START = 'HELM_ERR_START';
export const WARN_END = 'HELM_ERR_END';

/** Brackets a `required`/`fail` message so that the render loop can find it inside Go's error chain. */
export function warnWrap(msg: string): string {
  return WARN_START + msg + WARN_END;
}

/** helm's cleanupParseError: `template: a/b.yaml:3: unexpected {{end}}` → `parse error at (a/b.yaml:3): unexpected {{end}}`. */
export function parseErrorMessage(filename: string, goMessage: string): string {
  const tokens = goMessage.split(': ');
  if (tokens.length === 1) return `parse error in (${filename}): ${goMessage}`;
  return `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
}

/**
 * helm's reformatExecErrorMsg. `chain` is Go's error chain as errors.Unwrap walks it, outermost first, each
 * entry the Error() text of one level (text/template's ExecError and the `error calling X: %w` wrapping).
 * Messages from `required`/`fail` become `execution error at (file:line:col): msg`. Otherwise helm 4 prints a
 * trace when every level is a template error it can parse, and Go's own text when any level is not (an error
 * returned by a function); helm 3 always prints Go's text.
 */
export function execErrorMessage(filename: string, chain: readonly string[], dialect: 'helm4' | 'helm3'): string {
  const goMessage = chain[0] ?? '';
  const first = goMessage.indexOf(': ');
  const second = first < 0 ? -1 : goMessage.indexOf(': ', first + 2);
  if (second < 0) return `execution error in (${filename}): ${goMessage}`;
  const location = goMessage.slice(first + 2, second);
  const rest = goMessage.slice(second + 2);
  const start = rest.indexOf(WARN_START);
  if (start >= 0) {
    const end = rest.lastIndexOf(WARN_END);
    if (end > start) return `execution error at (${location}): ${rest.slice(start + WARN_START.length, end)}`;
  }
  if (dialect === 'helm3') return goMessage;
  let out = '';
  let last = '';
  for (const msg of chain) {
    const traced = traceOf(msg);
    if (traced === undefined) return goMessage;
    if (traced !== last) out += traced;
    last = traced;
  }
  return out.trim();
}

// One level of helm 4's trace: `file:line:col\n  executing "name" at <node>:\n    message\n`.
function traceOf(s: string): string | undefined {
  const prefix = 'template: ';
  if (!s.startsWith(prefix)) return undefined;
  const rest = s.slice(prefix.length);
  if (rest.startsWith('no template ')) return `${s}\n`;
  const cut = (m: string) => {
    const i = m.indexOf(' template:');
    return i < 0 ? m : m.slice(0, i);
  };
  const executing = executingTrace(rest, cut);
  if (executing !== undefined) return executing;
  const sep = rest.lastIndexOf(': ');
  if (sep < 0) return undefined;
  const name = rest.slice(0, sep);
  const msg = cut(rest.slice(sep + 2));
  return `${name ? `${name}\n  ` : ''}${msg ? `${msg}\n` : ''}`;
}

// The `<name>: executing "<fn>" at <<node>>: <msg>` form; undefined when the text is not of that form.
function executingTrace(rest: string, cut: (m: string) => string): string | undefined {
  const ex = rest.indexOf(': executing ');
  if (ex < 0) return undefined;
  const name = rest.slice(0, ex);
  const after = rest.slice(ex + ': executing '.length);
  if (after[0] !== '"') return undefined;
  const q = after.indexOf('"', 1);
  if (q < 0) return undefined;
  const fn = after.slice(1, q);
  const afterFn = after.slice(q + 1);
  if (!afterFn.startsWith(' at <')) return undefined;
  const afterAt = afterFn.slice(5);
  const endLoc = afterAt.indexOf('>: ');
  if (endLoc < 0) return undefined;
  const msg = cut(afterAt.slice(endLoc + 3));
  return `${name ? `${name}\n  ` : ''}executing "${fn}" at <${afterAt.slice(0, endLoc)}>:\n    ${msg ? `${msg}\n` : ''}`;
}
