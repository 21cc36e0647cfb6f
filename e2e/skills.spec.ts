import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';

async function openWorkbench(page: Page) {
  await page.goto('/');
  await waitForKernel(page);
}

const pythonSkill = (type: string) => `---
name: my-stats
description: Mean and spread of a list of numbers, for quick checks of measurements.
runtime: python
inputs:
  - name: values
    type: ${type}
    default: [1, 2, 3, 4]
outputs:
  - name: mean
    type: number
---

# my-stats

\`\`\`python
import statistics

def execute(inputs):
    return {"mean": statistics.fmean(inputs["values"])}
\`\`\`
`;

test('search finds a built-in skill, with the match highlighted', async ({ page }) => {
  await openWorkbench(page);
  await page.getByPlaceholder('Search skills').fill('median');
  const hit = page.locator('[data-skill="csv-stats"]');
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/median/i);
});

test('a new Python skill with a mistake shows the error at its line, and once fixed is saved, searchable and in history', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: 'New skill' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('my-stats');
  await dialog.getByLabel('SKILL.md editor').fill(pythonSkill('jsonish'));
  const problem = dialog.getByRole('list', { name: 'Problems' }).locator('[data-line="7"]');
  await expect(problem).toContainText('inputs.0.type');
  await expect(dialog.getByRole('button', { name: /Fix 1 problem first/ })).toBeDisabled();

  await dialog.getByLabel('SKILL.md editor').fill(pythonSkill('json'));
  await expect(dialog.getByRole('list', { name: 'Problems' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Create skill' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByPlaceholder('Search skills').fill('measurements');
  await expect(page.locator('[data-skill="my-stats"]')).toBeVisible();
  await page.locator('[data-skill="my-stats"]').click();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.locator('[data-commit]').first()).toContainText('Add skill my-stats');
});

test('imports a skill folder in the Agent Skills format and a skill in the older single-file format', async ({ page }) => {
  await openWorkbench(page);
  const dir = mkdtempSync(join(tmpdir(), 'weft-import-'));
  try {
    const folder = join(dir, 'plot-xy');
    mkdirSync(join(folder, 'references'), { recursive: true });
    writeFileSync(join(folder, 'SKILL.md'), '---\nname: plot-xy\ndescription: Scatter plot of two columns, for a first look at a relationship.\nlicense: MIT\n---\n\nPlot x against y. See references/vega.md.\n');
    writeFileSync(join(folder, 'references', 'vega.md'), '# Vega-Lite notes\n');
    await page.getByLabel('Import a skill folder').setInputFiles(folder);
    const outcome = page.locator('[data-import-outcome]');
    await expect(outcome).toHaveAttribute('data-import-outcome', 'imported');
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('[data-skill="plot-xy"]')).toBeVisible();
    expect(await page.evaluate(() => window.weft!.call({ op: 'volume.files', volume: 'users/me', dir: 'skills/plot-xy' }))).toEqual(['skills/plot-xy/SKILL.md', 'skills/plot-xy/references/vega.md']);

    const legacy = '---\nskill_id: quantum-vqe-node\ntype: qiskit\nexecution_mode: browser-wasm\ninputs:\n  - name: iterations\n    type: number\n    default: 100\noutputs:\n  - name: eigenvalue\n    type: number\n---\n\n```python\ndef execute(inputs):\n    return {"eigenvalue": -1.137}\n```\n';
    await page.getByLabel('Import skill', { exact: true }).setInputFiles({ name: 'vqe-node.md', mimeType: 'text/markdown', buffer: Buffer.from(legacy) });
    await expect(outcome).toHaveAttribute('data-import-outcome', 'imported');
    await expect(outcome).toContainText(/Qiskit/);
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('[data-skill="quantum-vqe-node"]')).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('imports each skill of a collection folder, binary files byte for byte, and names the broken one', async ({ page }) => {
  await openWorkbench(page);
  const dir = mkdtempSync(join(tmpdir(), 'weft-collection-'));
  try {
    const root = join(dir, 'collection');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x00]);
    for (const name of ['poster', 'tidy', 'broken']) mkdirSync(join(root, name, 'assets'), { recursive: true });
    writeFileSync(join(root, 'README.md'), '# Skills by others\n');
    writeFileSync(join(root, 'poster', 'SKILL.md'), `---\nname: poster\ndescription: ${'Posters and visual art. '.repeat(45)}\n---\n\nUse assets/dot.png.\n`);
    writeFileSync(join(root, 'poster', 'assets', 'dot.png'), png);
    writeFileSync(join(root, 'tidy', 'SKILL.md'), '---\nname: tidy\ndescription: Tidies a CSV file. Use before analysis.\n---\n\nTidy it.\n');
    writeFileSync(join(root, 'broken', 'SKILL.md'), '---\nname: broken\n---\n\nNo description.\n');
    await page.getByLabel('Import a skill folder').setInputFiles(root);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Imported 2 of 3 skills');
    await expect(dialog.locator('[data-imported-skill="poster"]')).toContainText('1 warning');
    await expect(dialog.locator('[data-imported-skill="poster"]')).toContainText('over the Agent Skills limit of 1,024');
    await expect(dialog.locator('[data-import-failed="broken"]')).toContainText('description is missing');
    await expect(dialog.getByLabel('Outside every skill folder')).toContainText('README.md');
    const stored = await page.evaluate(async () => [...(await window.weft!.call({ op: 'volume.readBytes', volume: 'users/me', path: 'skills/poster/assets/dot.png' })).bytes]);
    expect(stored).toEqual([...png]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('[data-skill="tidy"]')).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a skill with hostile Markdown renders inert', async ({ page }) => {
  await openWorkbench(page);
  const hostile = '---\nname: hostile\ndescription: Tries to run script when shown.\n---\n\n<script>window.__pwned = 1</script>\n\n<img src="x" onerror="window.__pwned = 2">\n\n[click me](javascript:window.__pwned=3)\n';
  await page.evaluate((content) => window.weft!.call({ op: 'skill.write', name: 'hostile', content }), hostile);
  await page.locator('[data-skill="hostile"]').click();
  const details = page.locator('[data-skill-details="hostile"]');
  await expect(details.getByText('click me')).toBeVisible();
  await expect(details.locator('script')).toHaveCount(0);
  await expect(details.locator('[onerror]')).toHaveCount(0);
  await expect(details.locator('a[href^="javascript:"]')).toHaveCount(0);
  await details.getByText('click me').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
