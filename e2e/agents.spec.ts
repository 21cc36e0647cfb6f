import type { ServerResponse } from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import { type OpenAiAnswer, type OpenAiServer, type RecordedRequest, startOpenAiServer, textAnswer } from './fixtures/openaiServer';

// Agents as processes, in Chromium against the local OpenAI protocol server, which answers by
// role (architect, coder, reviewer) the way a model would.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1680, height: 1000 } });

let server: OpenAiServer;
const reviews: string[] = [];
type Body = { messages: { role: string; content: string }[] };
const systemOf = (r: RecordedRequest) => (r.body as Body).messages[0]?.content ?? '';
const lastUser = (r: RecordedRequest) => [...(r.body as Body).messages].reverse().find((m) => m.role === 'user')?.content ?? '';

function play(answer: OpenAiAnswer, res: ServerResponse) {
  if (answer.kind !== 'stream') throw new Error('streams only');
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const step of answer.steps) if (typeof step === 'string') res.write(step);
  res.end();
}

test.beforeAll(async () => {
  server = await startOpenAiServer({ allowOrigin: '*' });
  server.script((request, res) => {
    const system = systemOf(request);
    if (system.startsWith('You are a software architect')) return play(textAnswer(['Plan: slugify(title) → str; lower-case, hyphens, strip accents.'], { usage: [120, 20] }), res);
    if (system.startsWith('You are a careful Python programmer')) {
      const revised = lastUser(request).startsWith('The reviewer asks');
      return play(textAnswer([revised ? 'def slugify(title):\n    return "v2"' : 'def slugify(title):\n    return "v1"'], { usage: [150, 30] }), res);
    }
    if (system.startsWith('You are a strict code reviewer')) {
      reviews.push(lastUser(request));
      return play(textAnswer([reviews.length % 2 === 1 ? 'REVISE: strip accents too.' : 'APPROVE\n\ndef slugify(title):\n    return "v2"'], { usage: [200, 15] }), res);
    }
    return play(textAnswer(['I am a helpful agent.'], { usage: [50, 6] }), res);
  });
});
test.afterAll(() => server.close());

async function connect(page: Page) {
  await page.goto('/');
  await expect(page.getByText('Kernel ready')).toBeVisible();
  await page.evaluate((baseUrl) => window.weft!.call({ op: 'llm.setProvider', id: 'scripted', label: 'Scripted', baseUrl, model: 'test-model' }), server.url);
}

test('architect → coder → reviewer runs on the canvas as three processes; a budget runs out, is raised, and the run finishes', async ({ page }) => {
  await connect(page);
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await canvas.getByRole('button', { name: 'architect-coder-reviewer' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  // Too small a budget for the architect's first model call.
  const budget = page.locator('.react-flow__node[data-id="architect"]').getByLabel('budget', { exact: true });
  await budget.fill('30');
  await budget.press('Enter');
  await canvas.getByRole('button', { name: 'Run', exact: true }).click();

  await page.getByRole('tab', { name: /^Processes/ }).click();
  const architect = page.locator('tr[data-state="SUSPENDED"]', { hasText: 'architect-coder-reviewer/architect' });
  await expect(architect).toBeVisible();
  await expect(architect.locator('[data-note]')).toContainText('Add budget to go on');
  const pid = await architect.getAttribute('data-pid');
  await architect.getByRole('button', { name: `Add budget to process ${pid}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tokens to add').fill('4000');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();

  await expect(canvas.locator('[data-run-phase]')).toHaveAttribute('data-run-phase', 'ok');
  for (const id of ['architect', 'coder', 'reviewer']) {
    await expect(page.locator(`.react-flow__node[data-id="${id}"] [data-node-id]`)).toHaveAttribute('data-status', 'ok');
  }
  // The reviewer sent the coder back once over the bus and approved the revision.
  expect(reviews).toHaveLength(2);
  expect(reviews[1]).toContain('return "v2"');

  // Three agent processes, each with the tokens it used against its own budget.
  await page.getByRole('checkbox', { name: 'Show finished' }).check();
  for (const [role, allocated] of [['architect', 4030], ['coder', 6000], ['reviewer', 6000]] as const) {
    const row = page.locator('tr[data-pid]', { hasText: `architect-coder-reviewer/${role}` });
    await expect(row).toHaveAttribute('data-state', 'TERMINATED');
    const tokens = await row.locator('[data-tokens]').getAttribute('data-tokens');
    const [used, total] = tokens!.split('/');
    expect(Number(used)).toBeGreaterThan(0);
    expect(Number(total)).toBe(allocated);
  }
});
