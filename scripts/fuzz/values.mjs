// Random values.yaml texts (YAML 1.1 scalars as go-yaml v2 resolves them, quoting styles, block scalars, flow
// and block collections, anchors, aliases and merge keys, odd keys), an optional -f overlay and --set family
// flags, printed as helm's templates see them: toYaml, toJson, plain printing and kindOf of each key.
const scalars = [
  '1',
  '-1',
  '+1',
  '0',
  '012',
  '0o17',
  '0x1F',
  '0b101',
  '1_000',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  '1.5',
  '1.',
  '.5',
  '-.5',
  '1e3',
  '1E-3',
  '6.8523015e+5',
  '.inf',
  '-.Inf',
  '.NaN',
  'true',
  'false',
  'True',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  '~',
  'null',
  'Null',
  '',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5',
  '12:30:00',
  '1:20',
  'abc',
  'a b',
  '"quoted"',
  "'single'",
  '"esc\\t\\n\\u00e9\\x41"',
  "'it''s'",
  '"\\"q\\""',
  '" lead"',
  '"0x10"',
  "'010'",
  '!!str 123',
  '!!int "42"',
  '!!float 1',
  '!!bool "true"',
  '!!binary aGVsbG8=',
  '"multi\n  line"',
  'plain # comment',
  '"#not comment"',
  'a: b',
  '- x',
  '@x',
  '`x`',
  '%x',
  '*',
  '&',
  '!',
  'é',
  '日本',
  '"\\U0001F600"',
  '0.1e1',
  '1e',
  '0x',
  '-0',
  '-0.0',
  '+.inf',
  '0777',
  '08',
  '1:2:3',
  '<<',
  '=',
  '?',
  '-',
  '--',
  '---',
  '...',
  '"..."',
];
// Keys that stay distinct after sigs.k8s.io/yaml turns them into strings: Go iterates a map in random order,
// so two keys meeting as one ("1" and 1, y and true) make helm's own output random. Nil keys are left out too:
// with two of them at different depths, which one helm reports depends on that order.
const keys = [
  'a',
  'b',
  'c',
  'key',
  'k1',
  '"quoted key"',
  "'sq'",
  '1',
  '2.5',
  'true',
  'off',
  'with space',
  'UPPER',
  'dash-ed',
  'dot.ted',
  'under_score',
  'é',
  '0x1F',
  '1e3',
];
// Scalars that cannot start a plain scalar (or end a document) are errors in helm: rarer, to test the rest.
const odd = new Set(['@x', '`x`', '%x', '*', '&', '!', '---', '...', '- x', 'a: b', '?']);
function scalar(rng) {
  const s = rng.pick(scalars);
  return odd.has(s) && rng.bool(0.8) ? 'ok' : s;
}
/** A value after `key:` or `-` at indentation `ind`: a scalar, block scalar, flow collection, map or list. */
function block(rng, ind, d) {
  const pad = ' '.repeat(ind + 2);
  const r = rng.int(d > 0 ? 10 : 4);
  if (r < 4) return ` ${scalar(rng)}\n`;
  if (r < 5) {
    const head = rng.pick(['|', '|-', '|+', '>', '>-', '|2', '>+']);
    return ` ${head}\n${pad}line one\n${pad}${rng.pick(['', ' ', 'line two', '  more'])}\n${rng.bool() ? '\n' : ''}`;
  }
  if (r < 6)
    return ` ${rng.pick(['[]', '{}', '[1, 2]', '[a, "b", c: d]', '{x: 1, z: [2]}', '[{a: 1}, [2]]', '{a, b: }'])}\n`;
  const n = 1 + rng.int(3);
  let s = '\n';
  if (r < 8) {
    for (let i = 0; i < n; i++) s += `${pad}-${block(rng, ind + 2, d - 1)}`;
    return s;
  }
  const used = new Set();
  for (let i = 0; i < n; i++) {
    const k = rng.pick(keys);
    if (used.has(k)) continue;
    used.add(k);
    s += `${pad}${k}:${block(rng, ind + 2, d - 1)}`;
  }
  return s;
}
function doc(rng) {
  let s = rng.bool(0.1) ? '# header\n' : '';
  const n = 1 + rng.int(5);
  const used = new Set();
  if (rng.bool(0.25)) s += 'base: &b\n  x: 1\n  y: [1, 2]\n';
  for (let i = 0; i < n; i++) {
    let k = rng.pick(keys);
    if (rng.bool(0.9)) {
      while (used.has(k)) k = rng.pick(keys);
    }
    used.add(k);
    if (s.includes('&b') && rng.bool(0.3)) {
      s += `${k}:\n  <<: *b\n  y: 3\n`;
      continue;
    }
    if (s.includes('&b') && rng.bool(0.2)) {
      s += `${k}: *b\n`;
      continue;
    }
    s += `${k}:${block(rng, 0, 2)}`;
  }
  return s;
}
const prints = [
  '{{ toYaml .Values }}',
  '{{ toJson .Values }}',
  '{{ .Values }}',
  '{{ range $k, $v := .Values }}{{ $k }}={{ $v }}|{{ kindOf $v }}|{{ typeOf $v }}\n{{ end }}',
  '{{ $x := toYaml .Values | fromYaml }}{{ toJson $x }}',
  '{{ toPrettyJson .Values }}',
];
const sets = [
  'a=1',
  'b.c=x',
  'c[0]=1',
  'c[2].d=y',
  'k1=null',
  'a\\.b=1',
  'list={x,y}',
  'n=9223372036854775807',
  'f=1.50',
  'e=',
  'q="quoted"',
  'key=true',
  'z=0x10',
  'a=1,b=2',
  'deep.er.est=1',
];
export function generate(rng, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const c = { tpl: `${rng.pick(prints)}\n`, values: doc(rng) };
    if (rng.bool(0.3)) {
      c.files = { 'x.yaml': doc(rng) };
      c.args = ['-f', '$CHART/x.yaml'];
    }
    if (rng.bool(0.3)) c.set = [rng.pick(sets)];
    if (rng.bool(0.15)) c.setString = [rng.pick(sets)];
    if (rng.bool(0.1))
      c.setJson = [rng.pick(['a={"x":[1,2.5,null]}', 'b=[1e400]', 'c="s"', 'k1=null', 'n=12345678901234567890'])];
    out.push(c);
  }
  return out;
}
