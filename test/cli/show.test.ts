// `bosun show` and `bosun inspect` against helm (test/golden/charts.yaml).
import { command, goldenCases } from './golden-cases.ts';

goldenCases('bosun show (CLI) against helm', command('show', 'inspect'));
