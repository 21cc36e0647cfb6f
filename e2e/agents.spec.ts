import type { ServerResponse } from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';
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
  await waitForKernel(page);
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

test('the chat command line: /spawn, /ps, /nice and /kill act on an agent; /draft opens a workflow on the canvas that runs', async ({ page }) => {
  server.script((request, res) => {
    const system = systemOf(request);
    if (system.startsWith('You design workflows for Weft')) {
      const draft = { name: 'csv summary', nodes: [{ id: 'stats', skill: 'csv-stats', params: {} }], edges: [] };
      return play(textAnswer(['```json\n', JSON.stringify(draft), '\n```\nOne node: statistics of the CSV.']), res);
    }
    // Anything else thinks for ever (the test kills it).
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant', content: 'Hmm' }, finish_reason: null }] })}\n\n`);
  });
  await connect(page);
  await page.reload();
  await waitForKernel(page);
  await page.getByRole('tab', { name: 'Chat' }).click();
  const message = page.getByRole('textbox', { name: 'Message' });
  const command = async (text: string) => {
    await message.fill(text);
    await message.press('Escape'); // close the completion list, so Enter sends
    await message.press('Enter');
  };

  await command('/spawn Think slowly about URL slugs');
  const spawned = page.locator('[data-command="spawn"]').last();
  await expect(spawned).toContainText(/Started agent \d+/);
  const pid = /Started agent (\d+)/.exec((await spawned.textContent()) ?? '')![1]!;

  await command('/ps');
  const ps = page.locator('[data-command="ps"]').last();
  await expect(ps).toHaveAttribute('data-status', 'ok');
  await expect(ps).toContainText(new RegExp(`${pid}\\s*agent: Think slowly about URL slugs\\s*agent\\s*THINKING`));

  await command(`/nice ${pid} 3`);
  await expect(page.locator('[data-command="nice"]').last()).toHaveAttribute('data-status', 'ok');
  expect(await page.evaluate((p) => window.weft!.call({ op: 'proc.get', pid: p as never }).then((r) => r.priority), Number(pid))).toBe(3);

  await command(`/kill ${pid}`);
  await expect(page.locator('[data-command="kill"]').last()).toHaveAttribute('data-status', 'ok');
  await expect(spawned).not.toHaveAttribute('data-status', 'running');
  expect(await page.evaluate((p) => window.weft!.call({ op: 'proc.get', pid: p as never }).then((r) => r.exit?.status), Number(pid))).toBe('killed');

  // A pid that does not exist, and the kernel's own process: clear errors, nothing disturbed.
  await command('/kill 4242');
  await expect(page.locator('[data-command="kill"]').last()).toHaveAttribute('data-status', 'error');
  await expect(page.locator('[data-command="kill"]').last()).toContainText('There is no process 4242');
  await command('/kill 0');
  await expect(page.locator('[data-command="kill"]').last()).toContainText('belongs to the kernel');

  await command('/draft Summary statistics of a CSV');
  await expect(page.locator('[data-command="draft"]').last()).toContainText('Opened csv summary on the canvas: 1 node');
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await expect(page.locator('.react-flow__node[data-id="stats"]')).toBeVisible();
  await canvas.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(canvas.locator('[data-run-phase]')).toHaveAttribute('data-run-phase', 'ok', { timeout: 90_000 });
});
