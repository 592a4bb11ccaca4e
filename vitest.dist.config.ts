/** The slow tests of the package as it ships: npm pack, install, run (`npm run test:dist`, run by .ci/run). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/dist/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
