// Errors of the chart stage. The message is what helm prints after `Error: `; `file` names the chart file
// concerned when there is one.

export class ChartError extends Error {
  override name = 'ChartError';
  constructor(
    message: string,
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Chart.yaml content that fails helm's metadata validation (`validation: ...`). */
export class ChartValidationError extends ChartError {
  override name = 'ChartValidationError';
  constructor(message: string) {
    super(`validation: ${message}`, 'Chart.yaml');
  }
}

/** Values that do not meet a chart's values.schema.json. */
export class SchemaValidationError extends ChartError {
  override name = 'SchemaValidationError';
}

/** The chart's kubeVersion constraint rejects the Kubernetes version rendered for (found while rendering, in helm). */
export class IncompatibleKubeVersionError extends ChartError {
  override name = 'IncompatibleKubeVersionError';
}
