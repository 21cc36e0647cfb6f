import { expect, type Locator, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';

// The VQE node runs Python: the first run loads Pyodide in a worker, which takes a while.
test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1680, height: 1000 } });

const RUN_TIMEOUT = 120_000;
/** The H2 ground-state energy at 0.735 Å in STO-3G, in hartree. */
const H2_GROUND_STATE = -1.137;

function canvasNode(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Clicks a node's title, which selects it and opens its panel. */
async function openNode(page: Page, id: string): Promise<Locator> {
  await canvasNode(page, id).locator('[data-node-title]').click();
  const panel = page.locator(`[data-node-panel="${id}"]`);
  await expect(panel).toBeVisible();
  return panel;
}

test('the VQE example opens from an empty workbench, runs with one click, and its trace lands in my volume', async ({ page }) => {
  await page.goto('/');
  await waitForKernel(page);
  const canvas = page.getByRole('region', { name: 'Canvas' });

  await canvas.getByRole('button', { name: 'vqe-plot-export' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(canvas.getByRole('textbox', { name: 'Workflow name' })).toHaveValue('vqe-plot-export');

  await canvas.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(canvas.locator('[data-run-phase]')).toHaveAttribute('data-run-phase', 'ok', { timeout: RUN_TIMEOUT });
  for (const id of ['vqe', 'plot', 'export']) await expect(canvasNode(page, id).locator('[data-node-id]')).toHaveAttribute('data-status', 'ok');

  // The plot node's panel draws the convergence curve.
  const plotPanel = await openNode(page, 'plot');
  await expect(plotPanel.locator('[data-panel-output="plot"] [data-preview="plot"]').locator('canvas, svg').first()).toBeVisible();

  // The VQE node's panel shows the energy it found: the H2 ground state.
  const vqePanel = await openNode(page, 'vqe');
  const eigenvalue = vqePanel.locator('[data-panel-output="eigenvalue"] [data-preview="number"]');
  await expect(eigenvalue).toBeVisible();
  const energy = Number((await eigenvalue.innerText()).replace('−', '-').replace(/,/g, '').trim());
  expect(Math.abs(energy - H2_GROUND_STATE)).toBeLessThan(0.001);

  // The run's trace was committed to my volume.
  await page.getByRole('tab', { name: 'Volumes' }).click();
  await page.getByRole('article', { name: 'Volume users/me' }).getByRole('button', { name: 'History of users/me' }).click();
  await expect(page.locator('[data-commit]').filter({ hasText: 'Run vqe-plot-export: ok, 4 spans' })).toBeVisible();
});
