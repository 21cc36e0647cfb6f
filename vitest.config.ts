import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'workers/**/*.test.ts', 'e2e/fixtures/**/*.test.ts', 'skills/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Property tests and real runtimes (Pyodide, git) are CPU-bound: 5 s is enough on a warm
    // machine and not on a cold two-core one, where they failed at the default while correct.
    testTimeout: 30_000,
  },
});
