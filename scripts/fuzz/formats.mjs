// One string value against one `format` (draft-07, where both helms assert formats): which strings pass, and
// helm 4's reason for the others.
const formats = [
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'date',
  'time',
  'date-time',
  'uuid',
  'duration',
  'json-pointer',
  'relative-json-pointer',
  'uri-template',
  'regex',
  'iri',
  'idn-email',
  'idn-hostname',
];
const strs = [
  'a@b.c',
  'a@b',
  '@b',
  'a b@c',
  'x',
  '',
  '1.2.3.4',
  '01.2.3.4',
  '256.1.1.1',
  '1.2.3',
  '::1',
  '1::2::3',
  'fe80::1%eth0',
  'http://x',
  'http://x y',
  '/rel',
  'x:y',
  '//host',
  '2020-01-01',
  '2020-13-01',
  '2020-02-30',
  '12:00:00Z',
  '12:00:00',
  '25:00:00Z',
  '2020-01-01T12:00:00Z',
  '2020-01-01t12:00:00+01:00',
  '2020-01-01 12:00:00Z',
  '123e4567-e89b-12d3-a456-426614174000',
  '123e4567e89b12d3a456426614174000',
  'P1D',
  'PT1H',
  'P1W',
  'P',
  'PT',
  '/a/b',
  'a/b',
  '/a~2',
  '0/a',
  '1#',
  '{x}',
  '{x',
  'a.b-c',
  '-a.com',
  'a..com',
  'a'.repeat(64) + '.com',
  '[a-z',
  '\\\\d',
  'é@x.org',
  'ex@mple.com.',
  'localhost',
  'my_host',
];
export function generate(rng, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const f = rng.pick(formats);
    const s = rng.pick(strs);
    out.push({
      tpl: 'ok\n',
      values: `v: ${JSON.stringify(s)}\n`,
      files: {
        'values.schema.json': JSON.stringify({
          $schema: 'http://json-schema.org/draft-07/schema#',
          properties: { v: { format: f } },
        }),
      },
    });
  }
  return out;
}
