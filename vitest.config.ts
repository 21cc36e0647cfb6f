import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'workers/**/*.test.ts', 'e2e/fixtures/**/*.test.ts', 'skills/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
  },
});
