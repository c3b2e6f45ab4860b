// `bosun template --post-renderer` against helm (test/golden/charts.yaml): helm 4's plugins with its YAML round
// trip, helm 3's executables.
import { goldenCases } from './golden-cases.ts';

goldenCases('bosun post-renderers (CLI) against helm', (c) => c.args.includes('--post-renderer'));
