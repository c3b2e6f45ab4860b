// Errors of the YAML/JSON/TOML layer. Their messages are Go's err.Error() texts, byte for byte, because Helm
// prints them verbatim (`error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this
// context`); callers add their own prefixes (`cannot load values.yaml: `, `YAML parse error on <file>: `).

/** A failure of one of Go's codecs as Helm reports it. `message` is the complete Go error text. */
export class GoCodecError extends Error {
  override name = 'GoCodecError';
}

/**
 * A syntax error of the YAML scanner or parser (libyaml's `yaml_parser_t.error`), before Go formats it.
 * Lines are 0-based as libyaml keeps them; `format()` applies go-yaml v2's reporting rule.
 */
export class YamlSyntaxError extends GoCodecError {
  override name = 'YamlSyntaxError';
  constructor(
    readonly kind: 'reader' | 'scanner' | 'parser',
    readonly problem: string,
    readonly problemLine: number,
    readonly contextLine: number,
  ) {
    super(formatSyntaxError(kind, problem, problemLine, contextLine));
  }
}

// go-yaml v2 (decode.go, parser.fail): the problem line wins when it is not the first line; scanner errors
// count from 1 there, parser errors do not (an off-by-one Helm users see); reader errors carry no line at all.
function formatSyntaxError(kind: string, problem: string, problemLine: number, contextLine: number): string {
  let line = 0;
  if (kind !== 'reader') {
    if (problemLine !== 0) line = kind === 'scanner' ? problemLine + 1 : problemLine;
    else if (contextLine !== 0) line = contextLine;
  }
  return line !== 0 ? `yaml: line ${line}: ${problem}` : `yaml: ${problem}`;
}

/** go-yaml's failf: `yaml: <text>`. */
export function yamlFail(text: string): GoCodecError {
  return new GoCodecError(`yaml: ${text}`);
}
