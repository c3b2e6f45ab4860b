// tpl's error texts quote the template as Go's %q does. Expected texts are what helm 4.1.4 and 3.17.2 printed
// for this chart (`helm template rel c`).
import { describe, expect, it } from 'vitest';
import { templateChart } from '../../src/action/template.ts';
import { loadChartFromFiles } from '../../src/chart/loader.ts';
import { fixedEnv } from '../../src/funcs/env.ts';

const TEMPLATE = 'a: {{ tpl "\\a\\u00e9\\u200b\\x01\\t{{ x" . }}\n';

function errorOf(dialect: 'helm4' | 'helm3'): string {
  const chart = loadChartFromFiles([
    { path: 'Chart.yaml', data: 'apiVersion: v2\nname: c\nversion: 0.1.0\n' },
    { path: 'templates/t.yaml', data: TEMPLATE },
  ]);
  try {
    templateChart({ chart, releaseName: 'rel', env: fixedEnv(), dialect });
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('tpl', () => {
  it('quotes the template in its parse error as strconv.Quote does (\\a, \\u200b, \\x01, \\t)', () => {
    const helm =
      'template: c/templates/t.yaml:1:6: executing "c/templates/t.yaml" at <tpl "\\a\\u00e9\\u200b\\x01\\t{{ x" .>: ' +
      'error calling tpl: cannot parse template "\\aé\\u200b\\x01\\t{{ x": template: gotpl:1: function "x" not defined';
    expect(errorOf('helm4')).toBe(helm);
    expect(errorOf('helm3')).toBe(helm);
  });
});
