// Random chart file trees with .helmignore patterns, read through .Files: Get, GetBytes, Glob (with Go's path
// globs), Lines, AsConfig, AsSecrets, and what .helmignore leaves out of each.
const names = ['a.txt', 'b.yaml', 'c.json', 'd.conf', '.hidden', 'x y.txt', 'é.txt', 'data.bin', 'README.md'];
const dirs = ['', 'files/', 'files/sub/', 'conf/', 'conf/deep/', 'templates/', 'charts/'];
const contents = [
  'hello\n',
  'a: 1\nb: [2]\n',
  '',
  'line1\nline2\n\nline4',
  'no newline',
  '\t tab\r\nwin\r\n',
  '{"k": "v"}\n',
];
const patterns = [
  '*.txt',
  '!a.txt',
  'files/',
  'conf/deep',
  '/b.yaml',
  '**/c.json',
  'files/*.yaml',
  '.*',
  '# comment',
  '',
  '*.bin',
  'conf/*',
  '!conf/d.conf',
  'files/sub/**',
  '?.json',
  '[ab].*',
  'x\\ y.txt',
];
const globs = [
  '*',
  '*.txt',
  'files/*',
  'files/**',
  'files/*/*',
  'conf/**/*.conf',
  '**.yaml',
  '*/*',
  '[ab]*',
  '?.txt',
  'files/sub/*',
  '{a,b}.*',
  'conf/deep/*',
  '*.{txt,json}',
];
const uses = [
  (g) => `{{ range $path, $_ := .Files.Glob ${JSON.stringify(g)} }}{{ $path }}\n{{ end }}`,
  (g) => `{{ (.Files.Glob ${JSON.stringify(g)}).AsConfig }}`,
  (g) => `{{ (.Files.Glob ${JSON.stringify(g)}).AsSecrets }}`,
  (g) => `{{ range .Files.Lines ${JSON.stringify(g)} }}[{{ . }}]{{ end }}`,
  (g) => `[{{ .Files.Get ${JSON.stringify(g)} }}]`,
  (g) => `{{ .Files.GetBytes ${JSON.stringify(g)} | len }}`,
  () => '{{ range $p, $_ := .Files }}{{ $p }}\n{{ end }}',
];
export function generate(rng, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const files = {};
    const count = 2 + rng.int(6);
    for (let j = 0; j < count; j++) {
      const d = rng.pick(dirs);
      if (d === 'templates/' || d === 'charts/') continue;
      files[d + rng.pick(names)] = rng.pick(contents);
    }
    if (rng.bool(0.6)) {
      files['.helmignore'] = Array.from({ length: 1 + rng.int(4) }, () => rng.pick(patterns)).join('\n') + '\n';
    }
    const existing = Object.keys(files);
    const arg = rng.bool(0.4) && existing.length ? rng.pick(existing) : rng.pick(globs);
    out.push({ tpl: `${rng.pick(uses)(arg)}\n`, files });
  }
  return out;
}
