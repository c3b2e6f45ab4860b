// helm lint's support package: messages with a severity and a path, collected by one linter per chart.
import type { HelmDialect } from '../render/dialect.ts';
import type { GoMap } from '../template/value.ts';

export const INFO = 1;
export const WARNING = 2;
export const ERROR = 3;
export type Severity = typeof INFO | typeof WARNING | typeof ERROR;

const SEV_NAMES = ['UNKNOWN', 'INFO', 'WARNING', 'ERROR'];

export interface LintMessage {
  readonly severity: Severity;
  readonly path: string;
  readonly text: string;
}

/** `[WARNING] templates/x.yaml: text`, as helm prints a message. */
export function formatMessage(m: LintMessage): string {
  return `[${SEV_NAMES[m.severity]}] ${m.path}: ${m.text}`;
}

/** What every rule needs: the chart directory (absolute), the user's values and helm's options. */
export interface LintContext {
  readonly chartDir: string;
  readonly dialect: HelmDialect;
  readonly values: GoMap;
  readonly namespace: string;
  readonly kubeVersion: string | undefined;
  readonly skipSchemaValidation: boolean;
  /** Lines helm logs on stderr while rendering in lint mode (`required`, `fail`). */
  readonly log: (line: string) => void;
}

export class Linter {
  readonly messages: LintMessage[] = [];
  constructor(readonly ctx: LintContext) {}

  /** RunLinterRule: records a message when `problem` is set; returns whether the rule passed. */
  rule(severity: Severity, path: string, problem: string | undefined): boolean {
    if (problem === undefined) return true;
    this.messages.push({ severity, path, text: problem });
    return false;
  }
}

/** The message of anything thrown, for rules that report load errors. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
