import { expect, type Locator, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';

// Pyodide's first load in Chromium takes seconds, and the tensor runtime measures its backends first.
test.describe.configure({ timeout: 120_000 });

const RUN_TIMEOUT = 90_000;

/** A Python skill of the user's own that prints to both streams and, when asked, never ends. */
const ECHO_LINES = `---
name: echo-lines
description: Prints numbered lines to stdout and a warning to stderr, then returns how many lines it printed. Loops until stopped when asked to, for trying out Stop.
runtime: python
inputs:
  - name: lines
    type: number
    default: 3
  - name: loop
    type: boolean
    default: false
outputs:
  - name: count
    type: number
---

# echo-lines

\`\`\`python
import sys


def execute(inputs):
    n = int(inputs["lines"])
    for i in range(n):
        print(f"line {i + 1} of {n}")
    print("a warning", file=sys.stderr)
    if inputs["loop"]:
        print("looping until stopped", flush=True)
        while True:
            pass
    return {"count": n}
\`\`\`
`;

async function openWorkbench(page: Page) {
  await page.goto('/');
  await waitForKernel(page);
}

async function openRunTab(page: Page, skill: string): Promise<Locator> {
  await page.locator(`[data-skill="${skill}"]`).first().click();
  await page.getByRole('tab', { name: 'Run' }).click();
  const panel = page.locator(`[data-run-panel="${skill}"]`);
  await expect(panel).toBeVisible();
  return panel;
}

async function run(panel: Locator, phase: 'done' | 'failed' = 'done') {
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.locator('[data-run-phase]')).toHaveAttribute('data-run-phase', phase, { timeout: RUN_TIMEOUT });
}

const output = (panel: Locator, name: string) => panel.locator(`[data-run-output="${name}"]`);
const fact = (panel: Locator, id: string) => panel.locator(`[data-run-fact="${id}"] dd`);
const runtimeChip = (page: Page, kind: string) => page.getByRole('banner').locator(`[data-runtime="${kind}"]`);

async function writeEchoLines(page: Page) {
  await page.evaluate((content) => window.weft!.call({ op: 'skill.write', name: 'echo-lines', content }), ECHO_LINES);
  await expect(page.locator('[data-skill="echo-lines"]')).toBeVisible();
}

test('a Python skill runs with its defaults and shows its outputs and facts; Python shows ready in the header', async ({ page }) => {
  await openWorkbench(page);
  await expect(runtimeChip(page, 'python')).toHaveAttribute('data-state', 'idle');
  const panel = await openRunTab(page, 'csv-stats');
  await expect(panel.getByLabel(/^decimals/)).toHaveValue('4');
  await expect(panel.getByLabel(/^csv/)).toHaveValue(/^station,date,temp_c,humidity_pct,rain_mm\n/);
  // Opening the tab warms the runtime.
  await expect(runtimeChip(page, 'python')).toHaveAttribute('data-state', 'ready', { timeout: RUN_TIMEOUT });
  await expect(runtimeChip(page, 'python')).toHaveText(/^Python/);

  await panel.getByLabel('Run seed').fill('1234');
  await run(panel);
  await expect(panel.getByRole('status').filter({ hasText: 'Finished' })).toBeAttached();
  await expect(output(panel, 'rows')).toContainText('8');
  await expect(output(panel, 'non_numeric')).toContainText('station');
  await expect(output(panel, 'non_numeric')).toContainText('date');
  const table = output(panel, 'table').getByRole('table');
  await expect(table.getByRole('row', { name: /temp_c/ })).toContainText('21.6');
  await expect(table.getByRole('row', { name: /humidity_pct/ })).toContainText('66.75');
  await expect(fact(panel, 'seed')).toHaveText('1234');
  await expect(fact(panel, 'worker')).toHaveText(/^#\d+$/);
  await expect(fact(panel, 'duration')).toHaveText(/\d/);
  await expect(fact(panel, 'cpu')).toHaveText(/ms|s$/);
  await expect(fact(panel, 'bytes')).toHaveText(/B \/ .*B$/);

  // The inputs typed are kept when the person looks elsewhere and comes back.
  await panel.getByLabel(/^decimals/).fill('2');
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('tab', { name: 'Run' }).click();
  await expect(panel.getByLabel(/^decimals/)).toHaveValue('2');
  await expect(output(panel, 'rows')).toContainText('8');
});

test('what a skill prints streams into the log, stderr apart from stdout, and into the event log', async ({ page }) => {
  await openWorkbench(page);
  await writeEchoLines(page);
  const panel = await openRunTab(page, 'echo-lines');
  await run(panel);
  const log = panel.getByRole('log', { name: 'Output' });
  await expect(log).toContainText('line 1 of 3\nline 2 of 3\nline 3 of 3');
  await expect(log.locator('[data-stream="stderr"]')).toHaveText('a warning\n');
  await expect(output(panel, 'count')).toContainText('3');
  const events = page.getByPlaceholder('Filter events');
  await events.fill('echo-lines started');
  await expect(page.locator('[data-event-type="enzyme.start"]')).toContainText(/python echo-lines started \(pid \d+\)/);
  await events.fill('line 2 of 3');
  await expect(page.locator('[data-event-type="enzyme.log"]')).toContainText(/\[pid \d+\] line 2 of 3/);
});

test('an invalid input is refused before the run, and a Python error shows its code, line and traceback', async ({ page }) => {
  await openWorkbench(page);
  const panel = await openRunTab(page, 'csv-stats');
  await panel.getByLabel(/^decimals/).fill('four');
  await expect(panel.getByText('Enter a number, like 42, -0.5 or 1e6.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Fix 1 input first' })).toBeDisabled();
  await panel.getByLabel(/^decimals/).fill('3');

  await panel.getByLabel(/^csv/).fill('');
  await run(panel, 'failed');
  const error = panel.locator('[data-run-error]');
  await expect(error).toHaveAttribute('data-run-error', 'RUNTIME_ERROR');
  await expect(error).toContainText('RUNTIME_ERROR');
  await expect(error).toContainText('The CSV text is empty');
  await expect(error).toContainText('at line 32 of the code (SKILL.md line 115)');
  const traceback = error.getByRole('group').filter({ hasText: 'Python traceback' });
  await traceback.getByText('Python traceback').click();
  await expect(traceback.locator('pre')).toContainText('File "<skill>", line 32, in execute');
  await expect(traceback.locator('pre')).toContainText('ValueError: The CSV text is empty');
});

test('a JavaScript skill runs with its defaults; a bad step fails with the coded error', async ({ page }) => {
  await openWorkbench(page);
  const panel = await openRunTab(page, 'json-transform');
  await run(panel);
  await expect(output(panel, 'count')).toContainText('3');
  const result = output(panel, 'result');
  for (const name of ['Centrifuge', 'Microscope', 'Pipette']) await expect(result).toContainText(name);
  await expect(result).not.toContainText('Beaker');

  const spec = panel.getByLabel(/^spec/);
  await spec.fill('[{ "explode": 1 ');
  await expect(panel.getByText(/^Not valid JSON/)).toBeVisible();
  await spec.fill('[{ "explode": 1 }]');
  await run(panel, 'failed');
  await expect(panel.locator('[data-run-error]')).toHaveAttribute('data-run-error', 'RUNTIME_ERROR');
  await expect(panel.locator('[data-run-error]')).toContainText('unknown operation "explode"');
});

test('Stop ends a run that would never finish, and the runtime runs again afterwards', async ({ page }) => {
  await openWorkbench(page);
  await writeEchoLines(page);
  const panel = await openRunTab(page, 'echo-lines');
  await panel.getByLabel(/^loop/).check();
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  const log = panel.getByRole('log', { name: 'Output' });
  await expect(log).toContainText('looping until stopped', { timeout: RUN_TIMEOUT });
  await expect(panel.locator('[data-run-phase]')).toHaveAttribute('data-run-phase', 'running');
  await expect(panel.getByText(/^pid \d+$/)).toBeVisible();
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.locator('[data-run-phase]')).toHaveAttribute('data-run-phase', 'stopped');
  await expect(panel.locator('[data-run-error]')).toHaveAttribute('data-run-error', 'RUNTIME_CANCELLED');
  await expect(panel.getByRole('status').filter({ hasText: 'Stopped' })).toBeAttached();

  await panel.getByLabel(/^loop/).uncheck();
  await run(panel);
  await expect(output(panel, 'count')).toContainText('3');
});

test('a tensor skill reports the backend it ran on, and the header chip shows it', async ({ page }) => {
  await openWorkbench(page);
  const panel = await openRunTab(page, 'matmul-benchmark');
  await panel.getByLabel(/^n/).fill('64');
  await run(panel);
  const backend = fact(panel, 'backend');
  await expect(backend).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
  const name = (await backend.textContent())!;
  await expect(output(panel, 'backend')).toContainText(name);
  await expect(output(panel, 'n')).toContainText('64');
  await expect(runtimeChip(page, 'tensor')).toHaveAttribute('data-state', 'ready');
  await expect(runtimeChip(page, 'tensor')).toContainText(`tensor · ${name}`);
});

test('the tensor backend chosen in the header is kept, sent to a new kernel and used by runs', async ({ page }) => {
  await openWorkbench(page);
  const chip = runtimeChip(page, 'tensor').getByRole('button');
  await chip.click();
  const menu = page.getByRole('menu', { name: 'Tensor backend' });
  await expect(menu.getByRole('menuitemradio', { name: /^Auto/ })).toHaveAttribute('aria-checked', 'true');
  await menu.getByRole('menuitemradio', { name: /^WASM/ }).click();
  await expect(menu).toHaveCount(0);
  await expect(runtimeChip(page, 'tensor')).toContainText('tensor · wasm');

  await page.reload();
  await waitForKernel(page);
  await expect(runtimeChip(page, 'tensor')).toContainText('tensor · wasm');
  // Keyboard: the menu opens with ↓ and shows the saved choice.
  await runtimeChip(page, 'tensor').getByRole('button').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitemradio', { name: /^WASM/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);

  const panel = await openRunTab(page, 'matmul-benchmark');
  await panel.getByLabel(/^n/).fill('32');
  await run(panel);
  await expect(fact(panel, 'backend')).toHaveText('wasm');
});
