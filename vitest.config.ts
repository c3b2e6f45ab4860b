import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The examples import the package by name, as users do.
  resolve: { alias: { bosun: new URL('./src/index.ts', import.meta.url).pathname } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    // .ci/run reads the counts from this file; vitest's own summary is for people.
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
    testTimeout: 30000,
    pool: 'forks',
  },
});
