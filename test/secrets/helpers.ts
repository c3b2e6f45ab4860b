// Shared test helpers: fixture paths, a throw-away GnuPG home with the sops test key, a key environment that
// sees no real user keys.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'sops');
export const TEST_FP = 'FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4';

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** A GnuPG home holding the sops functional-test key; `close` stops its agent and removes it. */
export function gpgHome(): { home: string; env: Record<string, string>; close: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'bosun-gpg-'));
  execFileSync('gpg', ['--batch', '--import', join(FIXTURES, 'sops_functional_tests_key.asc')], {
    env: { ...process.env, GNUPGHOME: home },
    stdio: 'ignore',
  });
  return {
    home,
    env: isolatedEnv({ GNUPGHOME: home }),
    close() {
      try {
        execFileSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'], { stdio: 'ignore' });
      } catch {}
      rmSync(home, { recursive: true, force: true });
    },
  };
}

// Each test file that uses isolatedEnv removes the homes it made (a run used to leave thousands in the temp folder).
const homes: string[] = [];
afterAll(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** An environment with PATH only (plus `extra`): no SOPS_* variables, HOME in an empty directory. */
export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'bosun-home-'));
  homes.push(home);
  return { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...extra };
}
