import { expect, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';
import { hashJson } from '../lib/core';
import { HASH_VECTORS } from '../lib/core/hashVectors';
import { spanIdOf, type Span } from '../lib/spans';

/** Opens the workbench and waits until its kernel worker has booted. */
async function openWorkbench(page: Page) {
  await page.goto('/');
  await waitForKernel(page);
}

test.describe('the workbench', () => {
  test('is cross-origin isolated, in the page and in the kernel worker', async ({ page }) => {
    await openWorkbench(page);
    expect(await page.evaluate(() => crossOriginIsolated && typeof SharedArrayBuffer === 'function')).toBe(true);
    const info = await page.evaluate(() => window.weft!.call({ op: 'kernel.info' }));
    expect(info.environment).toMatchObject({ crossOriginIsolated: true, sharedArrayBuffer: true, webAssembly: true });
    await expect(page.getByRole('banner').getByText('Cross-origin isolated')).toBeVisible();
  });

  test('answers syscalls through window.weft, and refuses bad ones with a coded error', async ({ page }) => {
    await openWorkbench(page);
    expect(await page.evaluate(() => window.weft!.call({ op: 'kernel.ping', payload: { hello: 'kernel' } }))).toEqual({ payload: { hello: 'kernel' } });
    const refused = await page.evaluate(() => window.weft!.request({ op: 'proc.kill', pid: 'one' }).catch((e: { code: string; message: string; data: unknown }) => ({ code: e.code, message: e.message, data: e.data })));
    expect(refused).toMatchObject({ code: 'SYSCALL_INVALID', data: { field: 'pid' } });
    expect((refused as { message: string }).message).toContain('"pid" must be number');
    // The kernel survives bad input.
    expect(await page.evaluate(() => window.weft!.call({ op: 'proc.list' }).then((ps) => ps.map((p) => p.name)))).toEqual(['kernel']);
  });

  test('hashes content exactly as Node does (canonical JSON + SHA-256 in the worker)', async ({ page }) => {
    await openWorkbench(page);
    for (const { value } of HASH_VECTORS) {
      await page.evaluate((payload) => window.weft!.call({ op: 'kernel.ping', payload }), value as unknown);
    }
    // Each ping's span was hashed in the browser: its inputs hash and its content id must match Node's.
    // The UI makes its own calls meanwhile: pick the pings out of the recent syscalls.
    const recent = await page.evaluate(() => window.weft!.call({ op: 'spans.recent', kind: 'syscall', limit: 200 }));
    const spans = recent.filter((s) => s.name === 'kernel.ping').slice(-HASH_VECTORS.length);
    for (const [i, { value }] of HASH_VECTORS.entries()) {
      const span = spans[i] as Span;
      expect(span.inputsHash).toBe(await hashJson({ op: 'kernel.ping', payload: value }));
      expect(span.id).toBe(await spanIdOf(span));
    }
  });

  test('lists processes live and kills one from the process list', async ({ page }) => {
    await openWorkbench(page);
    await page.getByRole('tab', { name: /Processes/ }).click();
    const spawned = await page.evaluate(() => window.weft!.call({ op: 'proc.spawn', name: 'long-nap', program: { type: 'sleep', ms: 600_000 } }));
    const row = page.locator(`[data-pid="${spawned.pid}"]`);
    await expect(row).toContainText('long-nap');
    await expect(row).toContainText('BLOCKED');

    await row.getByRole('button', { name: `Kill process ${spawned.pid}` }).click();
    await expect.poll(() => page.evaluate((pid) => window.weft!.call({ op: 'proc.get', pid }).then((p) => p.state), spawned.pid)).toBe('TERMINATED');
    await expect(row).toHaveCount(0); // finished processes are hidden until "Show finished" is on

    await page.getByRole('tab', { name: /Event log/ }).click();
    await expect(page.locator('[data-event-type="proc.state"]').filter({ hasText: 'TERMINATED' }).first()).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/workbench.png' });
  });

  test('the kernel process itself cannot be killed', async ({ page }) => {
    await openWorkbench(page);
    await page.getByRole('tab', { name: /Processes/ }).click();
    await expect(page.locator('[data-pid="0"]').getByRole('button', { name: 'Kill process 0' })).toBeDisabled();
  });

  test('shows a kernel that failed, and restarts it', async ({ page }) => {
    await openWorkbench(page);
    await page.evaluate(() => window.weft!.call({ op: 'kernel.panic', mode: 'throw' }));
    // Next's route announcer is also an alert: pick the kernel's.
    const alert = page.getByRole('alert').filter({ hasText: 'The kernel stopped' });
    await expect(alert).toContainText('The kernel stopped');
    const pending = await page.evaluate(() => window.weft!.call({ op: 'proc.list' }).then(() => 'answered', (e: { code: string }) => e.code));
    expect(pending).toBe('KERNEL_DEAD');
    await alert.getByRole('button', { name: 'Restart kernel' }).click();
    await waitForKernel(page);
    expect(await page.evaluate(() => window.weft!.call({ op: 'kernel.ping', payload: 1 }))).toEqual({ payload: 1 });
  });

  test('notices a kernel that stops answering, instead of hanging', async ({ page }) => {
    await openWorkbench(page);
    const outcome = page.evaluate(() => window.weft!.call({ op: 'kernel.panic', mode: 'hang' }).then(() => window.weft!.call({ op: 'proc.list' })).then(() => 'answered', (e: { code: string }) => e.code));
    await expect(page.getByRole('alert').filter({ hasText: 'has not answered' })).toBeVisible({ timeout: 30_000 });
    expect(await outcome).toBe('KERNEL_DEAD');
  });
});
