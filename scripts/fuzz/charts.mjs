// Random chart layouts: subcharts (folders, nested), dependencies with conditions, tags, aliases and
// import-values (both forms, with exports), globals at every level, parent sections over subchart defaults
// (null deleting a default). The parent prints what it and every enabled subchart see: .Values and
// .Subcharts.<name>.Values, recursively.
const scalars = ['1', '0', 'true', 'false', 'null', '"s"', 'x', '2.5', '[]', '{}', '[a, b]', '{k: v}'];
const keyNames = ['a', 'b', 'enabled', 'name', 'port', 'image', 'data'];
function yamlMap(rng, ind, d) {
  let s = '';
  const n = 1 + rng.int(3);
  const used = new Set();
  for (let i = 0; i < n; i++) {
    const k = rng.pick(keyNames);
    if (used.has(k)) continue;
    used.add(k);
    if (d > 0 && rng.bool(0.35)) s += `${' '.repeat(ind)}${k}:\n${yamlMap(rng, ind + 2, d - 1)}`;
    else s += `${' '.repeat(ind)}${k}: ${rng.pick(scalars)}\n`;
  }
  return s;
}
const pickSome = (rng, xs) => xs.filter(() => rng.bool(0.4));

function subchart(rng, name, depth, files, prefix) {
  let values = yamlMap(rng, 0, 2);
  if (rng.bool(0.5)) values += `global:\n${yamlMap(rng, 2, 1)}`;
  if (rng.bool(0.3)) values += `exports:\n  data:\n${yamlMap(rng, 4, 1)}`;
  if (rng.bool(0.3)) values += `enabled: ${rng.pick(['true', 'false'])}\n`;
  let chart = `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`;
  if (rng.bool(0.1)) chart += 'type: library\n';
  if (depth > 0 && rng.bool(0.4)) {
    const deep = `${name}deep`;
    chart += `dependencies:\n  - name: ${deep}\n    version: 0.1.0\n`;
    if (rng.bool(0.3)) chart += `    condition: ${rng.pick(['enabled', `${deep}.enabled`, 'global.deep'])}\n`;
    subchart(rng, deep, depth - 1, files, `${prefix}charts/${name}/`);
  }
  files[`${prefix}charts/${name}/Chart.yaml`] = chart;
  files[`${prefix}charts/${name}/values.yaml`] = values;
  if (rng.bool(0.5))
    files[`${prefix}charts/${name}/templates/_h.tpl`] = `{{ define "${name}.v" }}{{ toJson .Values }}{{ end }}`;
}

function dependency(rng, name) {
  let s = `  - name: ${name}\n    version: "${rng.pick(['0.1.0', '0.1.0', '~0.1', '>=0.1.0', '0.2.0'])}"\n`;
  if (rng.bool(0.4))
    s += `    condition: ${pickSome(rng, [`${name}.enabled`, 'global.on', 'missing.path', `${name}`, 'flags.x']).join(',') || `${name}.enabled`}\n`;
  if (rng.bool(0.3))
    s += `    tags:\n${
      pickSome(rng, ['front', 'back'])
        .map((t) => `      - ${t}\n`)
        .join('') || '      - front\n'
    }`;
  if (rng.bool(0.2)) s += `    alias: ${name}alias\n`;
  if (rng.bool(0.3)) {
    s += rng.bool()
      ? `    import-values:\n      - child: ${rng.pick(['a', 'data', 'global', 'b.a', 'missing'])}\n        parent: ${rng.pick(['imported', 'a', 'global.x', 'deep.er'])}\n`
      : `    import-values:\n      - ${rng.pick(['data', 'missing', 'a'])}\n`;
  }
  return s;
}

const tpl = `{{- define "t.walk" }}
{{- range $k, $v := .Subcharts }}
{{ $k }}: {{ toJson $v.Values }}
{{- include "t.walk" $v }}
{{- end }}
{{- end }}
{{- toYaml .Values }}
{{- include "t.walk" . }}
`;

export function generate(rng, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const files = {};
    const names = ['sub1', 'sub2', 'sub3'].slice(0, 1 + rng.int(3));
    let deps = 'dependencies:\n';
    for (const name of names) {
      subchart(rng, name, 1, files, '');
      deps += dependency(rng, name);
    }
    if (rng.bool(0.15)) deps += '  - name: ghost\n    version: 0.1.0\n';
    let values = yamlMap(rng, 0, 1);
    if (rng.bool(0.6)) values += `global:\n  on: ${rng.pick(['true', 'false', '"yes"'])}\n${yamlMap(rng, 2, 1)}`;
    if (rng.bool(0.4))
      values += `tags:\n  front: ${rng.pick(['true', 'false'])}\n  back: ${rng.pick(['true', 'false'])}\n`;
    for (const name of names) {
      if (rng.bool(0.5))
        values += `${name}:\n  enabled: ${rng.pick(['true', 'false', 'null', '"true"', '1'])}\n${rng.bool() ? yamlMap(rng, 2, 1) : ''}`;
    }
    if (rng.bool(0.3)) values += `flags:\n  x: ${rng.pick(['true', 'false'])}\n`;
    const c = { tpl, chart: deps, values, files };
    if (rng.bool(0.2))
      c.set = [rng.pick(['sub1.enabled=false', 'tags.front=true', 'global.on=false', 'sub2.a=null', 'sub1=null'])];
    out.push(c);
  }
  return out;
}
