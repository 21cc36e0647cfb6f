import { defineConfig } from '@playwright/test';

/** Debian's Chromium (Playwright cannot download browsers here); see scripts/test.sh. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-webgpu'],
};

const port = Number(process.env.E2E_PORT ?? 3123);
/** The real git server e2e specs start (e2e/fixtures/gitServer.ts); the app's git proxy may reach it. */
export const E2E_GIT_PORT = Number(process.env.E2E_GIT_PORT ?? 8174);

export default defineConfig({
  testDir: 'e2e',
  // e2e/fixtures holds helpers and their own Vitest tests, not browser specs.
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    // The offline service worker (public/sw.js) would precache ~50 MB in every test's fresh
    // context; specs about offline use opt in with `test.use({ serviceWorkers: 'allow' })`.
    serviceWorkers: 'block',
  },
  webServer: {
    // The production build (`npm run build` runs first in `npm test`), never `next dev`.
    command: `npx next start -p ${port}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { NEXT_TELEMETRY_DISABLED: '1', WEFT_GIT_PROXY_ALLOW: `http://127.0.0.1:${E2E_GIT_PORT}` },
  },
});
