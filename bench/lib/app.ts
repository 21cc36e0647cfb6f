/** Starts the production build of the app and a Chromium page on it, for benchmarks. */
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from '@playwright/test';

export interface RunningApp {
  readonly page: Page;
  readonly browser: Browser;
  stop(): Promise<void>;
}

export async function startApp(port: number, env: Record<string, string> = {}, extraArgs: readonly string[] = []): Promise<RunningApp> {
  const fullEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env };
  if (!existsSync('.next/BUILD_ID')) execSync('npm run build', { stdio: 'inherit', env: fullEnv });
  const server = spawn('npx', ['next', 'start', '-p', String(port)], { env: fullEnv, stdio: 'ignore', detached: true });
  const stopServer = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stopServer);
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) break;
    } catch {
      if (i > 120) throw new Error(`next start did not answer on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
  // No service worker: benchmarks measure the app, not the precache download or cache hits.
  // bypassCSP: the benchmarks start baseline workers of their own from blob: URLs (an echo worker,
  // raw Pyodide), which the app's policy rightly refuses; that policy is tested in e2e/security.spec.ts.
  const page = await browser.newPage({ serviceWorkers: 'block', bypassCSP: true });
  await page.goto(`http://localhost:${port}/`);
  await page.waitForFunction(() => window.weft?.status.state === 'ready', null, { timeout: 120_000 });
  return {
    page,
    browser,
    stop: async () => {
      await browser.close();
      stopServer();
    },
  };
}
