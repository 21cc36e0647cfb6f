import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';

// The csv-stats node runs Python: the first run loads Pyodide in a worker.
test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1680, height: 1000 } });

const RUN_TIMEOUT = 120_000;
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function run(page: Page) {
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await canvas.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(canvas.locator('[data-run-phase]')).toHaveAttribute('data-run-phase', 'ok', { timeout: RUN_TIMEOUT });
}

async function setParam(page: Page, nodeId: string, param: string, value: string) {
  const field = node(page, nodeId).getByLabel(param, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

test('three runs become a suggested compound skill with learned defaults, which runs on the canvas; a trace opens, verifies, replays identically, exports OTLP, and fails verification once edited', async ({ page }) => {
  await page.goto('/');
  await waitForKernel(page);
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await canvas.getByRole('button', { name: 'csv-stats-filter' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  // The same workflow three times with different parameters.
  for (const decimals of ['2', '3', '5']) {
    await setParam(page, 'stats', 'decimals', decimals);
    await run(page);
  }

  // Evolution mines the runs in the background and suggests the workflow as one skill.
  const suggestions = page.getByRole('region', { name: 'Suggested skills' });
  const card = suggestions.locator('[data-suggestion="csv-stats-filter-flow"]');
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('3 runs');
  await expect(card.getByRole('definition').first()).toBeVisible();
  await expect(card.locator('dl')).toContainText('stats_decimals3'); // the median of 2, 3 and 5
  await card.getByRole('button', { name: 'Add skill' }).click();
  await expect(card).toContainText('Added csv-stats-filter-flow to your skills.');

  // The compound skill is a node like any other: on a new canvas, with its learned defaults, it runs.
  await canvas.getByRole('button', { name: 'Workflow file' }).click();
  await page.getByRole('menuitem', { name: /New workflow/ }).click();
  const discard = page.getByRole('button', { name: /Discard|Don’t save|New anyway/ });
  if (await discard.isVisible().catch(() => false)) await discard.click();
  await canvas.getByRole('button', { name: 'Add skill' }).click();
  const palette = canvas.getByRole('navigation', { name: 'Skill palette' });
  await page.keyboard.type('csv-stats-filter-flow');
  await palette.getByRole('button', { name: 'Add csv-stats-filter-flow to the canvas' }).click();
  await palette.getByRole('searchbox', { name: 'Filter skills' }).press('Escape');
  const compound = node(page, 'csv-stats-filter-flow');
  await expect(compound).toBeVisible();
  await expect(compound.getByLabel('stats_decimals', { exact: true })).toHaveValue('3');
  await run(page);

  // The traces: the first run's opens in the full view with its timeline.
  await page.getByRole('tab', { name: 'Traces' }).click();
  const list = page.getByRole('list', { name: 'Traces' });
  await expect(list.locator('[data-trace-path]')).toHaveCount(4);
  const oldest = list.locator('[data-trace-path]').last();
  const path = (await oldest.getAttribute('data-trace-path'))!;
  await oldest.click();
  const view = page.getByRole('region', { name: 'Trace' });
  await expect(view.locator('[data-timeline] [data-span-id]')).toHaveCount(3);
  await expect(view.locator('[data-timeline] [data-critical="true"]').first()).toBeVisible();

  await view.getByRole('button', { name: 'Verify' }).click();
  await expect(view.locator('[data-verify]')).toHaveAttribute('data-verify', 'ok');

  await view.getByRole('button', { name: 'Replay' }).click();
  await expect(view.locator('[data-replay-summary]')).toContainText('verified replay: 2/2 identical', { timeout: RUN_TIMEOUT });

  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export OTLP' }).click();
  const file = await (await download).path();
  const otlp = JSON.parse(readFileSync(file!, 'utf8')) as { resourceSpans: { scopeSpans: { spans: { name: string }[] }[] }[] };
  expect(otlp.resourceSpans[0]!.scopeSpans[0]!.spans.map((s) => s.name)).toContain('stats');

  // Edited by hand in the volume, the trace no longer verifies, and the view names the span.
  const spanId = await page.evaluate(async (p) => {
    const { content } = await window.weft!.call({ op: 'volume.read', volume: 'users/me', path: p });
    const trace = JSON.parse(content) as { spans: { id: string; kind: string; end: number }[] };
    const target = trace.spans.find((s) => s.kind === 'node')!;
    target.end += 1234;
    await window.weft!.call({ op: 'volume.write', volume: 'users/me', path: p, content: JSON.stringify(trace, null, 2) });
    return target.id;
  }, path);
  await view.getByRole('button', { name: 'Verify' }).click();
  await expect(view.locator('[data-verify]')).toHaveAttribute('data-verify', 'failed');
  await expect(view.locator('[data-verify]')).toContainText(spanId.slice(0, 8));
  await view.getByRole('button', { name: 'Close trace' }).click();
  await expect(view).toBeHidden();
});
