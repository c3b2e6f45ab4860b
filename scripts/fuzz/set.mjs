// The --set family's grammar on random paths and values over random defaults: dots and escapes, list indexes
// (growing lists with nulls), {a,b} lists, null, numbers (int64 from --set, strings from --set-string), commas
// separating several assignments, --set-json and --set-literal, several flags in order, and their errors.
const keys = ['a', 'b', 'c', 'list', 'nested', 'x\\.y', 'k\\,z', 'name', 'global'];
const values = [
  '1',
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  '007',
  'true',
  'false',
  'null',
  '',
  'str',
  'a b',
  '{x,y}',
  '{}',
  '{1,2}',
  'a\\,b',
  'a\\\\b',
  '9223372036854775807',
  '9223372036854775808',
  '"q"',
  "'s'",
  '[1]',
  'x=y',
  'é',
];
function path(rng) {
  let p = rng.pick(keys);
  const depth = rng.int(3);
  for (let i = 0; i < depth; i++) {
    p += rng.bool(0.3) ? `[${rng.pick(['0', '1', '2', '3', '10'])}]` : `.${rng.pick(keys)}`;
  }
  return p;
}
function assignment(rng) {
  const r = rng.int(20);
  if (r === 0) return rng.pick(['a', 'a=', '=1', 'a[=1', 'a[x]=1', 'a.=1', 'a[0', 'a]=1', '.a=1', 'a..b=1', 'a[-1]=1']);
  return `${path(rng)}=${rng.pick(values)}`;
}
const defaults = [
  'a: 1\nb: [1, 2]\nnested: {a: {b: 1}}\nlist: [{name: x}, {name: y}]\n',
  'a: {x: 1}\n',
  'list: []\n',
  '',
];
export function generate(rng, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const c = {
      tpl: '{{ toJson .Values }}\n{{ range $k, $v := .Values }}{{ $k }}:{{ kindOf $v }} {{ end }}\n',
      values: rng.pick(defaults),
    };
    const flags = ['set', 'set', 'set', 'setString', 'setJson', 'setLiteral'];
    for (let j = 0; j < 1 + rng.int(3); j++) {
      const f = rng.pick(flags);
      let v;
      if (f === 'setJson')
        v = `${path(rng)}=${rng.pick(['1', '1.0', '"s"', 'null', '[1,{"a":2}]', '{"k":[]}', '12345678901234567890', 'tru', '{'])}`;
      else v = Array.from({ length: 1 + rng.int(2) }, () => assignment(rng)).join(',');
      (c[f] ??= []).push(v);
    }
    out.push(c);
  }
  return out;
}
