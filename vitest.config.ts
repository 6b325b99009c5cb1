import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The end-to-end tests spawn the CLI; two cores here.
    pool: 'forks',
  },
});
