// The two error types of the engine. `.message` is always Go's err.Error() text, byte for byte; the structured
// fields let the render layer rewrite messages the way Helm does without parsing them back.

/** A template failed to parse: `template: NAME:LINE: MESSAGE`. */
export class TemplateParseError extends Error {
  override name = 'TemplateParseError';
  constructor(
    message: string,
    /** The name given to `parse` (Go's ParseName): the file the error is in. */
    readonly templateName: string,
    /** 1-based line of the token the parser was looking at. */
    readonly line: number,
    /** The message without the `template: NAME:LINE: ` prefix. */
    readonly detail: string,
  ) {
    super(message);
  }
}

/**
 * A template failed to execute:
 * `template: FILE:LINE:COL: executing "NAME" at <SOURCE>: MESSAGE`, or `template: NAME: MESSAGE` when no node
 * is known.
 */
export class TemplateExecError extends Error {
  override name = 'TemplateExecError';
  constructor(
    message: string,
    /** The template being executed (a file or a `define` name). */
    readonly templateName: string,
    /** The file (Go's ParseName) the failing node was parsed from; undefined when no node is known. */
    readonly parseName: string | undefined,
    /** 1-based line of the failing node, 0 when unknown. */
    readonly line: number,
    /** 0-based byte column of the failing node on its line (Go's convention), 0 when unknown. */
    readonly column: number,
    /** The failing node printed back as source (`eq .Values.a 2`); empty when unknown. */
    readonly source: string,
    /** The message without location prefix (`error calling eq: incompatible types for comparison`). */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
