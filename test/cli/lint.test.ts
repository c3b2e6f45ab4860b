// `bosun lint` against helm (test/golden/charts.yaml): messages, summary and exit codes.
import { command, goldenCases } from './golden-cases.ts';

goldenCases('bosun lint (CLI) against helm', command('lint'));
