import { expect, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';

// The PWA offline: one visit with the network on precaches the app and the runtimes (Pyodide,
// TensorFlow.js WASM, ngspice…); then, with the network off, the workbench reloads, runs the
// VQE → Plot → Export example (Python and JavaScript) to the end, and browses skills and traces.
test.use({ serviceWorkers: 'allow', viewport: { width: 1680, height: 1000 } });
test.describe.configure({ timeout: 240_000 });

test('after one visit the workbench works offline: reload, run VQE → Plot → Export, browse skills and traces, run tensor and SPICE skills', async ({ page, context }) => {
  await page.goto('/');
  await waitForKernel(page);
  await expect(page.locator('html')).toHaveAttribute('data-offline-ready', 'true', { timeout: 180_000 });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await waitForKernel(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  const canvas = page.getByRole('region', { name: 'Canvas' });
  await canvas.getByRole('button', { name: 'vqe-plot-export' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await canvas.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(canvas.locator('[data-run-phase]')).toHaveAttribute('data-run-phase', 'ok', { timeout: 120_000 });

  // Skills: search the library and open one.
  await page.getByRole('searchbox', { name: /Search skills/ }).fill('csv');
  await page.getByRole('button', { name: /^csv-stats/ }).first().click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');

  // Traces: the run just made is listed and opens.
  await page.getByRole('tab', { name: 'Traces' }).click();
  const entry = page.getByRole('list', { name: 'Traces' }).locator('[data-trace-path]').first();
  await expect(entry).toContainText('vqe-plot-export');
  await entry.click();
  await expect(page.getByRole('region', { name: 'Trace' }).locator('[data-timeline] [data-span-id]')).toHaveCount(4);

  // Tensor and SPICE skills run offline too (their WebAssembly comes from the precache).
  const runs = await page.evaluate(async () => {
    const tensor = await window.weft!.call({ op: 'skill.run', name: 'linear-regression', seed: 1 });
    const spice = await window.weft!.call({ op: 'skill.run', name: 'rc-lowpass', seed: 1 });
    return [tensor.runtime, spice.runtime];
  });
  expect(runs).toEqual(['tensor', 'spice']);

  // A remote model says it needs the network, rather than "Failed to fetch".
  const remote = await page.evaluate(() =>
    window.weft!.request({ op: 'llm.probe', url: 'https://models.example.org/tiny.gguf' }).then(
      () => 'reached',
      (e: { message: string }) => e.message,
    ),
  );
  expect(remote).toContain('You are offline: https://models.example.org needs the network');
  await context.setOffline(false);
});
