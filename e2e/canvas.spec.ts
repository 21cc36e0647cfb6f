import { expect, type Locator, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';

// Every skill here is JavaScript, so no Pyodide; the first run still starts a runtime worker.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1680, height: 1000 } });

const RUN_TIMEOUT = 60_000;

async function openWorkbench(page: Page) {
  await page.goto('/');
  await waitForKernel(page);
}

function canvasNode(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Drags a skill from the skill library onto the canvas at (x, y) within the flow. */
async function dropSkill(page: Page, skill: string, x: number, y: number) {
  const row = page.getByRole('region', { name: 'Skills' }).locator(`li[data-skill="${skill}"]`);
  await row.dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
  await expect(canvasNode(page, skill)).toBeVisible();
}

/** Drags a new edge from an output handle to an input handle, as a person would with the mouse. */
async function connect(page: Page, from: [string, string], to: [string, string]) {
  const source = canvasNode(page, from[0]).locator(`.react-flow__handle.source[data-handleid="${from[1]}"]`);
  const target = canvasNode(page, to[0]).locator(`.react-flow__handle.target[data-handleid="${to[1]}"]`);
  const a = await settledBox(source);
  const b = await settledBox(target);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator(`.react-flow__edge[data-id="${from[0]}.${from[1]}->${to[0]}.${to[1]}"]`)).toHaveCount(1);
}

/** The element's box once the view has stopped moving (fit view animates). */
async function settledBox(locator: Locator) {
  let last = '';
  await expect
    .poll(async () => {
      const box = JSON.stringify(await locator.boundingBox());
      const settled = box === last;
      last = box;
      return settled;
    })
    .toBe(true);
  return (await locator.boundingBox())!;
}

async function runAndWait(page: Page, phase: 'ok' | 'error' = 'ok') {
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await canvas.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(canvas.locator('[data-run-phase]')).toHaveAttribute('data-run-phase', phase, { timeout: RUN_TIMEOUT });
}

function statusOf(page: Page, id: string): Locator {
  return canvasNode(page, id).locator('[data-node-id]');
}

test('build a workflow by dragging skills, run it, re-run after a change, and undo the change', async ({ page }) => {
  await openWorkbench(page);
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await expect(canvas.getByText('Drag a skill here, or open an example')).toBeVisible();

  await dropSkill(page, 'table-filter-sort', 20, 60);
  await dropSkill(page, 'line-plot', 320, 60);
  await dropSkill(page, 'export-file', 620, 60);
  await expect(canvas.getByText('Drag a skill here, or open an example')).toBeHidden();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  await canvas.getByRole('button', { name: 'Auto-layout' }).click();
  await connect(page, ['table-filter-sort', 'table'], ['line-plot', 'series']);
  await connect(page, ['line-plot', 'plot'], ['export-file', 'value']);
  // A bound input shows where its value comes from instead of a field.
  await expect(canvasNode(page, 'line-plot').locator('[data-input="series"]')).toContainText('from edge');

  // A plot is not tabular, so it is exported as JSON: set the param in the node.
  const format = canvasNode(page, 'export-file').getByRole('textbox', { name: 'format', exact: true });
  await format.fill('json');
  await format.press('Enter');

  await runAndWait(page);
  for (const id of ['table-filter-sort', 'line-plot', 'export-file']) await expect(statusOf(page, id)).toHaveAttribute('data-status', 'ok');
  await expect(canvasNode(page, 'table-filter-sort').locator('[data-output-summary="table"]')).toHaveText(/rows × 5/);
  await expect(canvas.locator('[data-run-phase]')).toContainText('Done');

  // The side panel shows the selected node's outputs by their declared type.
  await canvasNode(page, 'line-plot').locator('[data-node-title]').click();
  const panel = canvas.locator('[data-node-panel="line-plot"]');
  await expect(panel).toBeVisible();
  await expect(panel.locator('[data-panel-output="plot"] [data-preview="plot"]')).toBeVisible();

  // Change one param of the middle node: it and what follows run again, the first comes from the cache.
  const title = canvasNode(page, 'line-plot').getByRole('textbox', { name: 'title', exact: true });
  await title.fill('Planets by moons');
  await title.press('Enter');
  await runAndWait(page);
  await expect(statusOf(page, 'table-filter-sort')).toHaveAttribute('data-status', 'cached');
  await expect(statusOf(page, 'line-plot')).toHaveAttribute('data-status', 'ok');
  await expect(statusOf(page, 'export-file')).toHaveAttribute('data-status', 'ok');
  await expect(canvas.locator('[data-run-phase]')).toContainText('1 cached');

  // Undo brings the old title back (the skill's default again).
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 60 } });
  await page.keyboard.press('Control+z');
  await expect(canvasNode(page, 'line-plot').getByRole('textbox', { name: 'title', exact: true })).toHaveValue('Damped oscillation');
  await page.keyboard.press('Control+Shift+z');
  await expect(canvasNode(page, 'line-plot').getByRole('textbox', { name: 'title', exact: true })).toHaveValue('Planets by moons');
});

test('the Add skill palette places a skill from the keyboard', async ({ page }) => {
  await openWorkbench(page);
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await canvas.getByRole('button', { name: 'Add skill' }).click();
  const palette = canvas.getByRole('navigation', { name: 'Skill palette' });
  await expect(palette.getByRole('searchbox', { name: 'Filter skills' })).toBeFocused();
  await page.keyboard.type('no-such-skill');
  await expect(palette.locator('[data-palette-skill]')).toHaveCount(0);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('line');
  await palette.getByRole('button', { name: 'Add line-plot to the canvas' }).click();
  await expect(canvasNode(page, 'line-plot')).toBeVisible();
  await palette.getByRole('searchbox', { name: 'Filter skills' }).press('Escape');
  await expect(palette).toBeHidden();
});

test('an example opens from the empty canvas, and a bad import says what is wrong', async ({ page }) => {
  await openWorkbench(page);
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await canvas.getByRole('button', { name: 'csv-stats-filter' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(canvas.getByRole('textbox', { name: 'Workflow name' })).toHaveValue('csv-stats-filter');

  await canvas.getByRole('button', { name: 'Workflow file' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: /Import JSON/ }).click();
  await (await chooser).setFiles({ name: 'bad.workflow.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "nodes": 3}') });
  await expect(canvas.getByRole('alert')).toContainText('not a valid workflow');
  // Nothing was replaced.
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
});

test('a workflow with a type mismatch is refused before any node runs, and the canvas names the bad edge', async ({ page }) => {
  await openWorkbench(page);
  const canvas = page.getByRole('region', { name: 'Canvas' });
  const workflow = {
    version: 1,
    id: 'mismatch',
    name: 'mismatch',
    nodes: [
      { id: 'stats', skill: 'csv-stats', params: {}, position: { x: 0, y: 0 } },
      { id: 'sort', skill: 'table-filter-sort', params: {}, position: { x: 360, y: 0 } },
    ],
    edges: [{ from: { node: 'stats', output: 'rows' }, to: { node: 'sort', input: 'table' } }],
  };
  await canvas.getByRole('button', { name: 'Workflow file' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: /Import JSON/ }).click();
  await (await chooser).setFiles({ name: 'mismatch.workflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workflow)) });
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  await runAndWait(page, 'error');
  const alert = canvas.getByRole('alert');
  await expect(alert).toContainText('no node was started');
  await expect(alert).toContainText('stats.rows → sort.table');
  await expect(statusOf(page, 'sort')).toHaveAttribute('data-status', 'error');
  // The upstream node never ran.
  await expect(statusOf(page, 'stats')).toHaveAttribute('data-status', 'idle');
});
