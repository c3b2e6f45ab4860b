// Errors of the values stage. The message is what helm prints after `Error: `.

/** Bad user values: a `--set` expression, a values file, a type clash. `source` names the flag or file. */
export class ValuesError extends Error {
  override name = 'ValuesError';
  constructor(
    message: string,
    readonly source?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
