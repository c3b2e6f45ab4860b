// Shared by the golden generator (scripts/gen-goldens.mjs, which runs helm) and the golden test (which runs
// bosun): how a case becomes a chart and command-line flags, and how the rendered file is read back.
// A case (test/golden/cases/<area>.yaml) has:
//   name      unique within its area
//   tpl       the text of templates/t.yaml
//   values    optional values.yaml text
//   files     optional map of further chart files (path relative to the chart: templates/_helpers.tpl, ...)
//   chart     optional extra Chart.yaml text appended to the default
//   set, setString, setJson, setLiteral   optional lists of flags
//   args      optional further helm flags (e.g. ["--kube-version", "1.29.0"])

export const SENTINEL = '\n%BOSUN-GOLDEN-END%';
export const SOURCE = '---\n# Source: t/templates/t.yaml\n';

export function chartFiles(c) {
  const files = {
    'Chart.yaml': `apiVersion: v2\nname: t\nversion: 0.1.0\nappVersion: "1.0"\n${c.chart ?? ''}`,
    'templates/t.yaml': c.tpl + SENTINEL,
  };
  if (c.values !== undefined) files['values.yaml'] = c.values;
  Object.assign(files, c.files ?? {});
  return files;
}

export function buildArgs(c, dir) {
  const args = [];
  for (const [flag, key] of [
    ['--set', 'set'],
    ['--set-string', 'setString'],
    ['--set-json', 'setJson'],
    ['--set-literal', 'setLiteral'],
  ]) {
    for (const v of c[key] ?? []) args.push(flag, v);
  }
  for (const a of c.args ?? []) args.push(a.replaceAll('$CHART', dir));
  return args;
}

/** The rendered text of templates/t.yaml from `helm template --debug` output, sentinel removed. */
export function extractRendered(stdout) {
  const at = stdout.indexOf(SOURCE);
  if (at < 0) return undefined;
  const rest = stdout.slice(at + SOURCE.length);
  const end = rest.lastIndexOf(SENTINEL.slice(1));
  if (end < 0) return undefined;
  // The sentinel starts on a new line of the template; the newline before it may have been trimmed by `-}}`.
  return rest.slice(0, end);
}

/**
 * The message of the `Error: ` line that helm (or bosun) printed on stderr, trailing white space trimmed; undefined when
 * there is none. helm 3's --debug adds a Go stack trace after the message: the message ends before the first line
 * that looks like a debug log or a trace.
 */
export function errorMessage(stderr) {
  const at = stderr.search(/^Error: /m);
  if (at < 0) return undefined;
  const msg = [];
  for (const l of stderr.slice(at + 7).split('\n')) {
    if (/^(helm\.go:\d+|level=|[\w./-]+\.go:\d+:)/.test(l)) break;
    msg.push(l);
  }
  return msg.join('\n').trimEnd();
}

/** `t/templates/t.yaml:12` (the first template:line an error names), for comparing failures. */
export function errorLocation(msg) {
  const m = /([\w.-]+\/templates\/[\w./-]+):(\d+)/.exec(msg);
  return m ? `${m[1]}:${m[2]}` : undefined;
}
