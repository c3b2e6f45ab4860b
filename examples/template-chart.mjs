// Render a chart from Node, the way `helm template` does, and look at what it produced.
// Run from the project root: node examples/template-chart.mjs
import { templateChart } from 'bosun';

export function renderDemo() {
  const { output, render, values } = templateChart({
    chart: new URL('../charts/demo', import.meta.url).pathname,
    releaseName: 'web',
    namespace: 'prod',
    // -f files and --set flags, in helm's layering order
    values: { values: ['replicaCount=3', 'config.greeting=Hi'] },
  });
  return {
    output,
    kinds: render.manifests.map((m) => `${m.head.kind}/${m.head.metadata?.name}`),
    hooks: render.hooks.map((h) => `${h.kind}/${h.name} (${h.events.join(',')})`),
    notes: render.notes,
    replicas: values.get('replicaCount'),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = renderDemo();
  console.log(r.kinds.join('\n'));
  console.log(r.notes);
}
