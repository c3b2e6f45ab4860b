// Random template programs: text with trim markers, if/with/else(-if)/range (with break/continue and else),
// variables declared and assigned, comments, template/include of a define, field chains on maps, lists,
// scalars, nil and missing keys, comparisons and index on mixed types.
const vals =
  'a: 1\nb: "two"\nc: [1, 2, 3]\nd: {x: 1, y: [a, b], z: {q: null}}\ne: ""\nf: false\ng: 0\nh: []\ni: {}\nj: 2.5\nk: null\nl: ["x", "y"]\n';
const fields = [
  '.Values.a',
  '.Values.b',
  '.Values.c',
  '.Values.d',
  '.Values.d.x',
  '.Values.d.y',
  '.Values.d.z.q',
  '.Values.e',
  '.Values.f',
  '.Values.g',
  '.Values.h',
  '.Values.i',
  '.Values.j',
  '.Values.k',
  '.Values.l',
  '.Values.missing',
  '.Values.missing.deeper',
  '.Values.a.nope',
  '.Values.b.nope',
  '.Values.c.nope',
  '.',
  '$',
  '$v',
  '$k',
  '$x',
  '.Release.Name',
  '.Chart.Name',
  '.x',
  '.y',
  '(index .Values.c 0)',
  '(index .Values.d "y")',
];
const lits = ['1', '0', '-1', '"s"', '""', 'true', 'false', 'nil', '2.5', '0x10', '1e2', "'a'", '`raw`'];
function operand(rng) {
  return rng.bool(0.6) ? rng.pick(fields) : rng.pick(lits);
}
function pipeline(rng) {
  const r = rng.int(10);
  if (r < 4) return operand(rng);
  if (r < 5) return `len ${operand(rng)}`;
  if (r < 6) return `${rng.pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge'])} ${operand(rng)} ${operand(rng)}`;
  if (r < 7) return `${rng.pick(['and', 'or'])} ${operand(rng)} ${operand(rng)}`;
  if (r < 8) return `not ${operand(rng)}`;
  if (r < 9)
    return `${operand(rng)} | ${rng.pick(['print', 'printf "%v"', 'len', 'not', 'html', 'js', 'urlquery', 'println'])}`;
  return `index ${operand(rng)} ${rng.pick(['0', '1', '"x"', '"y"', '5', '-1'])}`;
}
function L(rng) {
  return rng.pick(['{{', '{{- ']);
}
function R(rng) {
  return rng.pick(['}}', ' -}}']);
}
function text(rng) {
  return rng.pick(['', 'x', ' ', '\n', '  y\n', '\t', 'a b\n  ']);
}
function block(rng, d) {
  let s = '';
  const n = 1 + rng.int(3);
  for (let i = 0; i < n; i++) {
    s += text(rng);
    const r = rng.int(d > 0 ? 12 : 6);
    if (r < 3) s += `${L(rng)}${pipeline(rng)}${R(rng)}`;
    else if (r < 4) s += `${L(rng)}$x := ${pipeline(rng)}${R(rng)}`;
    else if (r < 5) s += `${L(rng)}$x = ${pipeline(rng)}${R(rng)}`;
    else if (r < 6) s += `${L(rng)}/* c */${R(rng)}`;
    else if (r < 8) {
      const kw = rng.pick(['if', 'with']);
      s += `${L(rng)}${kw} ${pipeline(rng)}${R(rng)}${block(rng, d - 1)}`;
      if (rng.bool())
        s += `${L(rng)}else${rng.bool(0.3) ? ' ' + kw + ' ' + pipeline(rng) : ''}${R(rng)}${block(rng, d - 1)}`;
      s += `${L(rng)}end${R(rng)}`;
    } else if (r < 10) {
      const v = rng.pick(['', '$v := ', '$k, $v := ']);
      s += `${L(rng)}range ${v}${rng.pick(fields)}${R(rng)}${block(rng, d - 1)}${rng.bool(0.2) ? '{{ break }}' : ''}${rng.bool(0.2) ? '{{ continue }}' : ''}`;
      if (rng.bool(0.3)) s += `${L(rng)}else${R(rng)}${block(rng, d - 1)}`;
      s += `${L(rng)}end${R(rng)}`;
    } else if (r < 11) s += `${L(rng)}template "d" ${operand(rng)}${R(rng)}`;
    else
      s += `${L(rng)}include "d" ${operand(rng)} | ${rng.pick(['indent 2', 'nindent 1', 'quote', 'trim', 'upper'])}${R(rng)}`;
  }
  return s;
}
export function generate(rng, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push({ tpl: block(rng, 3) + '\n' + '{{- define "d" }}[{{ . }}]{{ end }}\n', values: vals });
  }
  return out;
}
