import { defineConfig } from 'vitest/config';

/** unit: beside the code; integration: relay against a real Janus; e2e: Chromium through namespaces. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['common/**/*.test.ts', 'server/src/**/*.test.ts', 'main/**/*.test.ts', 'server/watch/**/*.test.ts', 'renderer/**/*.test.ts'], environment: 'node', testTimeout: 20_000 } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
