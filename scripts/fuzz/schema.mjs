// Random values.schema.json against random values: types, required, enum, const, bounds, lengths, patterns,
// additionalProperties, items, combinators, $ref to definitions, in the parent and in a subchart. What helm
// prints when validation fails is compared in full (helm 4 and helm 3 use different validators and words).
const types = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'];
const values = [
  '1',
  '0',
  '-3',
  '2.5',
  '1e3',
  '"s"',
  '""',
  '"abc"',
  'true',
  'false',
  'null',
  '[]',
  '[1, "a"]',
  '{}',
  '{x: 1}',
  '"2020-01-01"',
  '"a@b.c"',
  '12345678901234567890',
];
function schema(rng, d) {
  const s = {};
  const r = rng.int(d > 0 ? 12 : 8);
  if (r < 8) {
    if (rng.bool(0.8)) s.type = rng.bool(0.85) ? rng.pick(types) : [rng.pick(types), rng.pick(types)];
    if (rng.bool(0.2)) s.enum = [rng.pick([1, 'a', true, null, 2.5]), rng.pick(['b', 0, false])];
    if (rng.bool(0.1)) s.const = rng.pick([1, 'a', true, null]);
    if (rng.bool(0.2))
      s[rng.pick(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'])] = rng.pick([
        0, 1, 2, 2.5, -1,
      ]);
    if (rng.bool(0.2)) s[rng.pick(['minLength', 'maxLength'])] = rng.int(4);
    if (rng.bool(0.15)) s.pattern = rng.pick(['^a', '[0-9]+', '^[a-z]{2,3}$', '.*']);
    if (rng.bool(0.1)) s.format = rng.pick(['email', 'date', 'uri', 'ipv4', 'hostname']);
    if (d > 0 && rng.bool(0.3)) s.items = schema(rng, d - 1);
    if (rng.bool(0.15)) s[rng.pick(['minItems', 'maxItems'])] = rng.int(3);
    if (rng.bool(0.1)) s.uniqueItems = true;
  } else if (r < 10) {
    s.type = 'object';
    s.properties = {};
    for (const k of ['a', 'b', 'c'].slice(0, 1 + rng.int(3))) s.properties[k] = schema(rng, d - 1);
    if (rng.bool(0.4)) s.required = ['a', 'b', 'z'].slice(0, 1 + rng.int(3));
    if (rng.bool(0.3)) s.additionalProperties = rng.bool() ? false : schema(rng, d - 1);
    if (rng.bool(0.1)) s[rng.pick(['minProperties', 'maxProperties'])] = rng.int(3);
  } else {
    s[rng.pick(['oneOf', 'anyOf', 'allOf'])] = [schema(rng, d - 1), schema(rng, d - 1)];
    if (rng.bool(0.2)) s.not = schema(rng, d - 1);
  }
  return s;
}
function value(rng, d) {
  if (d <= 0 || rng.bool(0.5)) return rng.pick(values);
  if (rng.bool(0.3)) return `[${Array.from({ length: rng.int(3) }, () => value(rng, d - 1)).join(', ')}]`;
  return `{${['a', 'b', 'c', 'd']
    .filter(() => rng.bool(0.5))
    .map((k) => `${k}: ${value(rng, d - 1)}`)
    .join(', ')}}`;
}
export function generate(rng, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const root = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: {} };
    for (const k of ['a', 'b', 'c']) if (rng.bool(0.7)) root.properties[k] = schema(rng, 2);
    if (rng.bool(0.3)) root.required = ['a', 'c'].filter(() => rng.bool());
    if (rng.bool(0.2)) root.additionalProperties = false;
    if (rng.bool(0.15)) {
      root.definitions = { thing: schema(rng, 1) };
      root.properties.d = { $ref: '#/definitions/thing' };
    }
    let values = '';
    for (const k of ['a', 'b', 'c', 'd', 'e']) if (rng.bool(0.6)) values += `${k}: ${value(rng, 2)}\n`;
    const c = { tpl: 'ok\n', values, files: { 'values.schema.json': JSON.stringify(root, null, 2) } };
    if (rng.bool(0.25)) {
      c.files['charts/sub/Chart.yaml'] = 'apiVersion: v2\nname: sub\nversion: 0.1.0\n';
      c.files['charts/sub/values.schema.json'] = JSON.stringify({
        type: 'object',
        properties: { p: schema(rng, 1) },
        required: rng.bool() ? ['p'] : [],
      });
      if (rng.bool()) c.files['charts/sub/values.yaml'] = `p: ${value(rng, 1)}\n`;
      if (rng.bool()) c.values += `sub:\n  p: ${value(rng, 1)}\n`;
    }
    if (rng.bool(0.2)) c.set = [rng.pick(['a=1', 'b=x', 'c=true', 'a=null', 'e=5'])];
    out.push(c);
  }
  return out;
}

/**
 * helm 4's validator walks `properties` in Go's random map order, so sibling errors come in any order (bosun
 * uses a fixed one): compare them sorted, each with the lines nested under it.
 */
export function normalize(text) {
  // The names in `additional properties 'x', 'y' not allowed` come in that order too.
  const lines = text
    .replace(
      /properties ((?:'[^']*'(?:, )?)+) not allowed/g,
      (_, l) => `properties ${l.split(', ').sort().join(', ')} not allowed`,
    )
    .split('\n');
  const depth = (l) => /^( *)- /.exec(l)?.[1].length ?? -1;
  const sortFrom = (i, d) => {
    const items = [];
    while (i < lines.length && depth(lines[i]) === d) {
      const head = lines[i++];
      const [rest, next] = depth(lines[i]) > d ? sortFrom(i, depth(lines[i])) : ['', i];
      items.push(head + rest);
      i = next;
    }
    return [
      items
        .sort()
        .map((x) => `\n${x}`)
        .join(''),
      i,
    ];
  };
  let out = '';
  let i = 0;
  while (i < lines.length) {
    if (depth(lines[i]) >= 0) {
      const [block, next] = sortFrom(i, depth(lines[i]));
      out += block;
      i = next;
    } else out += `\n${lines[i++]}`;
  }
  return out.slice(1);
}
