// The library's published types (dist/types, package.json's "types"): the README's TypeScript examples type-check
// in a consumer project that imports `bosun` by name, under strict settings, and a misuse is rejected.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'bosun-types-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const examples = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

function tsc(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(scratch, name), text);
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        types: ['node'],
      },
      files: Object.keys(files),
    }),
  );
  return spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', scratch], {
    encoding: 'utf8',
  });
}

describe('published types', () => {
  beforeAll(() => {
    writeFileSync(join(scratch, 'package.json'), '{"type":"module"}');
    mkdirSync(join(scratch, 'node_modules'));
    symlinkSync(root, join(scratch, 'node_modules/bosun'));
    symlinkSync(join(root, 'node_modules/@types'), join(scratch, 'node_modules/@types'));
  });

  it('exist where package.json says', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.types).toBe('dist/types/index.d.ts');
    expect(existsSync(join(root, pkg.types)), 'dist/types is missing: run `npm run build`').toBe(true);
  });

  it("type-check the README's examples in a strict consumer project", () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const files = Object.fromEntries(examples.map((text, i) => [`example${i}.ts`, `${text}export {};\n`]));
    const r = tsc(files);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('reject a misuse', () => {
    const r = tsc({
      'wrong.ts': "import { templateChart } from 'bosun';\nconst n: number = templateChart({ chart: 'x' }).output;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain("Type 'string' is not assignable to type 'number'");
  });
});
