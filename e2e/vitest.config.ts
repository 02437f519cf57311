import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Browser journeys (npm run test:e2e): the built app on a fresh embedded database with the demo province,
 * driven through Debian's Chromium by playwright-core. Screenshots land in test-results/e2e/.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: resolve(import.meta.dirname, '..'),
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
