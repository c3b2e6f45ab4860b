#!/usr/bin/env node
// Prints the plain `N passed, N failed` line that CI reads, from vitest's JSON report.
// A missing report (vitest crashed before writing it) or a failing corpus ratchet counts as a failure.
import { readFileSync } from 'node:fs';

const [file, testRc, corpusRc] = process.argv.slice(2);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
} catch {
  failed += 1;
}
if (Number(testRc) !== 0 && failed === 0) failed += 1;
if (Number(corpusRc) !== 0) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
