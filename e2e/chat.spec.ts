import type { ServerResponse } from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';
import { chunk, type OpenAiAnswer, type OpenAiServer, type RecordedRequest, startOpenAiServer, textAnswer, toolCallAnswer } from './fixtures/openaiServer';

// A tool call runs a Python skill: Pyodide's first load in Chromium takes seconds.
test.describe.configure({ timeout: 120_000 });

let server: OpenAiServer;
test.beforeAll(async () => {
  // The kernel worker fetches the model server cross-origin.
  server = await startOpenAiServer({ allowOrigin: '*' });
});
test.afterAll(() => server.close());

async function openChat(page: Page) {
  await page.goto('/');
  await waitForKernel(page);
  await page.getByRole('tab', { name: 'Chat' }).click();
}

/** Plays a scripted answer on a handler's response (the fixture's handlers write their own). */
function play(answer: OpenAiAnswer, res: ServerResponse) {
  if (answer.kind !== 'stream') throw new Error('only streams are played here');
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const step of answer.steps) if (typeof step === 'string') res.write(step);
  res.end();
}

const lastRole = (r: RecordedRequest) => ((r.body as { messages?: { role: string }[] }).messages ?? []).at(-1)?.role;

test('first run: connect a model server, and the answer streams in and stays after a reload', async ({ page }) => {
  server.script(textAnswer(['Hello', ' from', ' the **test** server.']));
  await openChat(page);
  const setup = page.getByRole('form', { name: 'Connect a model' });
  await expect(setup).toBeVisible();
  await setup.getByLabel('Server').selectOption({ label: 'Other OpenAI-compatible server' });
  await setup.getByLabel('Name').fill('Test server');
  await setup.getByLabel('Base URL').fill(server.url);
  await setup.getByLabel('Model', { exact: true }).fill('test-model');
  await setup.getByLabel('API key (optional)').fill('sk-test-key-0000');
  await setup.getByRole('button', { name: 'Save and start chatting' }).click();

  const message = page.getByRole('textbox', { name: 'Message' });
  await message.fill('Say hello');
  await message.press('Enter');
  const turn = page.locator('[data-turn="1"]');
  await expect(turn.getByText('Say hello')).toBeVisible();
  await expect(turn.getByText('Hello from the')).toBeVisible();
  await expect(turn.locator('strong', { hasText: 'test' })).toBeVisible();
  await expect(turn).toHaveAttribute('data-status', 'ok');

  // The key is saved, never shown again.
  await page.getByRole('button', { name: 'Model settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Model settings' });
  await expect(settings.getByText('key saved')).toBeVisible();
  await expect(settings).not.toContainText('sk-test-key-0000');
  await settings.getByRole('button', { name: 'Done' }).click();

  await page.reload();
  await waitForKernel(page);
  await page.getByRole('tab', { name: 'Chat' }).click();
  await page.getByRole('combobox', { name: 'Conversation' }).selectOption({ label: 'Say hello' });
  await expect(page.locator('[data-turn="1"]').getByText('Hello from the')).toBeVisible();

  // The context meter shows how full the window is (no context length set: 8k assumed).
  await expect(page.locator('[data-context-meter]')).toContainText(/\d+% of 8k/);

  // Edit puts the last message back into the composer, focused.
  await page.locator('[data-turn="1"]').getByRole('button', { name: 'Edit' }).click();
  await expect(message).toHaveValue('Say hello');
  await expect(message).toBeFocused();
  await message.fill('');

  // Delete, after confirming, removes the conversation and opens a new chat.
  await page.getByRole('button', { name: 'Delete conversation' }).click();
  await page.getByRole('dialog', { name: 'Delete conversation' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete conversation' })).toBeHidden();
  const picker = page.getByRole('combobox', { name: 'Conversation' });
  await expect(picker).toHaveValue('');
  await expect(picker.locator('option', { hasText: 'Say hello' })).toHaveCount(0);
});

test('a tool call shows its card with status ok, then the final answer; Stop ends a hanging stream', async ({ page }) => {
  await openChat(page);
  await page.evaluate((baseUrl) => window.weft!.call({ op: 'llm.setProvider', id: 'scripted', label: 'Scripted', baseUrl, model: 'test-model' }), server.url);
  await page.reload();
  await waitForKernel(page);
  await page.getByRole('tab', { name: 'Chat' }).click();

  server.script((request, res) =>
    play(
      lastRole(request) === 'tool'
        ? textAnswer(['The mean of a is ', '2.'])
        : toolCallAnswer([{ id: 'call_stats', name: 'csv-stats', fragments: ['{"csv": "a,b\\n1', ',2\\n3,4\\n"}'] }]),
      res,
    ),
  );
  const message = page.getByRole('textbox', { name: 'Message' });
  await message.fill('Summary statistics of this csv: a,b 1,2 3,4');
  await message.press('Enter');
  const card = page.locator('[data-tool="csv-stats"]');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-status', 'ok', { timeout: 90_000 });
  await expect(page.locator('[data-turn="1"]').getByText('The mean of a is 2.')).toBeVisible();
  await card.locator('summary').click();
  await expect(card.getByText('Arguments')).toBeVisible();

  // The turn's trace, committed to the user volume, chains llm → tool → llm causally.
  const chain = await page.evaluate(async () => {
    const [chat] = await window.weft!.call({ op: 'chat.list' });
    const stored = await window.weft!.call({ op: 'chat.read', id: chat!.id });
    const file = await window.weft!.call({ op: 'volume.read', volume: 'users/me', path: stored.turns[0]!.trace!.path });
    const spans = (JSON.parse(file.content) as { spans: { id: string; kind: string; name: string; parents: string[] }[] }).spans;
    const [first, second] = spans.filter((s) => s.kind === 'llm');
    const tool = spans.find((s) => s.kind === 'tool')!;
    return { tool: tool.name, toolParent: tool.parents[0] === first!.id, secondParent: second!.parents[0] === tool.id };
  });
  expect(chain).toEqual({ tool: 'execute_tool csv-stats', toolParent: true, secondParent: true });

  server.script({ kind: 'stream', steps: [chunk('test-model', { role: 'assistant', content: '' }), chunk('test-model', { content: 'Thinking very slowly' }), { hang: true }] });
  await expect(message).toBeEnabled();
  await message.fill('Take your time');
  await message.press('Enter');
  await expect(page.locator('[data-live="streaming"]').getByText('Thinking very slowly')).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('[data-turn="2"]')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.locator('[data-turn="2"]').getByText('Stopped.')).toBeVisible();
  await expect(message).toBeEnabled();
});

test('a context skill joins the conversation: its chip opens the skill', async ({ page }) => {
  await openChat(page);
  await page.evaluate((baseUrl) => window.weft!.call({ op: 'llm.setProvider', id: 'scripted', label: 'Scripted', baseUrl, model: 'test-model' }), server.url);
  await page.reload();
  await waitForKernel(page);
  await page.getByRole('tab', { name: 'Chat' }).click();
  server.script(textAnswer(['Say what you want, give an example, and name the format.']));
  const message = page.getByRole('textbox', { name: 'Message' });
  await message.fill('How do I write clear prompts and instructions for a language model?');
  await message.press('Enter');
  const turn = page.locator('[data-turn="1"]');
  await expect(turn).toHaveAttribute('data-status', 'ok');
  // The model was given the skill's text in its system message…
  const system = (server.requests.at(-1)!.body as { messages: { role: string; content: string }[] }).messages[0]!;
  expect(system.role).toBe('system');
  expect(system.content).toContain('## writing-clear-prompts');
  // …and the reply names it as a chip that opens it.
  const chip = turn.getByRole('button', { name: 'writing-clear-prompts' });
  await expect(chip).toBeVisible();
  await chip.click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'writing-clear-prompts' })).toBeVisible();
});

test('a turn says what it waits on, Stop works before the first byte, and a cut-off answer is marked incomplete', async ({ page }) => {
  await openChat(page);
  await page.evaluate((baseUrl) => window.weft!.call({ op: 'llm.setProvider', id: 'scripted', label: 'Scripted', baseUrl, model: 'test-model' }), server.url);
  await page.reload();
  await waitForKernel(page);
  await page.getByRole('tab', { name: 'Chat' }).click();
  const message = page.getByRole('textbox', { name: 'Message' });
  const live = page.locator('[data-live="streaming"]');

  // A server that takes the request and says nothing (Ollama while it loads a model).
  server.script({ kind: 'hang' });
  await message.fill('Are you there?');
  await message.press('Enter');
  await expect(live.getByRole('status')).toContainText('Waiting for the model to answer');
  await page.getByRole('button', { name: 'Stop' }).click();
  const first = page.locator('[data-turn="1"]');
  await expect(first).toHaveAttribute('data-status', 'cancelled');
  await expect(first.getByText('Stopped.')).toBeVisible();
  await expect(message).toBeEnabled();
  await page.screenshot({ path: 'e2e/screenshots/chat-cancelled-before-first-byte.png' });

  // llama-server streams how far it has read a long prompt before its first token.
  server.script({ kind: 'stream', steps: [`data: ${JSON.stringify({ choices: [], prompt_progress: { total: 4096, cache: 0, processed: 1536, time_ms: 2100 } })}\n\n`, { hang: true }] });
  await message.fill('Summarise the notes above');
  await message.press('Enter');
  await expect(live.getByRole('status')).toContainText('Reading the prompt: 1,536 of 4,096 tokens');
  await page.screenshot({ path: 'e2e/screenshots/chat-reading-the-prompt.png' });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('[data-turn="2"]')).toHaveAttribute('data-status', 'cancelled');

  // The stream ends mid-answer (no finish reason, no [DONE]): the text stays, marked incomplete, and the next
  // request tells the model so instead of passing it off as a finished answer.
  server.script({ kind: 'stream', steps: [chunk('test-model', { role: 'assistant', content: '' }), chunk('test-model', { content: 'The three steps are: first, measure the' })] });
  await expect(message).toBeEnabled();
  await message.fill('What are the steps?');
  await message.press('Enter');
  const third = page.locator('[data-turn="3"]');
  await expect(third).toHaveAttribute('data-status', 'error');
  await expect(third.getByText('The three steps are: first, measure the')).toBeVisible();
  await expect(third.locator('[data-incomplete="cut-off"]')).toContainText('this answer broke off before it finished');
  await page.screenshot({ path: 'e2e/screenshots/chat-cut-off-answer.png' });
  server.script(textAnswer(['Measure, compare, record.']));
  await message.fill('Go on');
  await message.press('Enter');
  await expect(page.locator('[data-turn="4"]')).toHaveAttribute('data-status', 'ok');
  const sent = (server.requests.at(-1)!.body as { messages: { role: string; content: string | null }[] }).messages;
  expect(sent.filter((m) => m.role === 'assistant').at(-1)!.content).toMatch(/measure the\n\n\[This answer is incomplete: it broke off mid-answer/);
});

test('a provider set from the console shows at once; a greeting gets no skill chips; the event log tells what happened', async ({ page }) => {
  await openChat(page);
  await expect(page.getByRole('form', { name: 'Connect a model' })).toBeVisible();
  await page.evaluate((baseUrl) => window.weft!.call({ op: 'llm.setProvider', id: 'console', label: 'Console', baseUrl, model: 'test-model' }), server.url);
  // The panel follows the kernel: the composer comes without a reload.
  const message = page.getByRole('textbox', { name: 'Message' });
  await expect(message).toBeVisible();

  server.script(textAnswer(['Good morning! What shall we work on?']));
  await message.fill('Good morning!');
  await message.press('Enter');
  const turn = page.locator('[data-turn="1"]');
  await expect(turn).toHaveAttribute('data-status', 'ok');
  await expect(turn.getByText('What shall we work on?')).toBeVisible();
  // No skill matched a greeting: none was given to the model, and no chip claims one.
  expect((server.requests.at(-1)!.body as { messages: { content: string }[] }).messages[0]!.content).not.toContain('# Skills you can use');
  await expect(turn.locator('button[title$="in the skill library"]')).toHaveCount(0);

  const run = await page.evaluate(() =>
    window.weft!.call({ op: 'workflow.run', workflow: { version: 1, id: 'tidy', name: 'tidy', nodes: [{ id: 'price-list', skill: 'json-transform', params: {}, position: { x: 0, y: 0 } }], edges: [] } }),
  );
  expect(run.status).toBe('ok');

  // By default the log shows what the person did and what happened, not the views' own refreshing calls.
  await page.getByRole('tab', { name: /Event log/ }).click();
  const log = page.getByRole('log', { name: 'Kernel events' });
  await expect(log.getByText(/syscall chat\.send ok/)).toBeVisible();
  await expect(log.locator('[data-event-type="run.status"]').filter({ hasText: /workflow run \S+ ok$/ })).toBeVisible();
  await expect(log.getByText(/syscall llm\.setProvider ok/)).toBeVisible();
  await expect(log.getByText(/kernel\.recovery|permission\.open|evolution\.suggestions|chat\.list|turn\.text/)).toHaveCount(0);
  // A new chat is not read before its first save, so no error says it was missing.
  await expect(log.locator('[data-event-type="span.end"]').filter({ hasText: 'error' })).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/event-log.png' });

  // Internal calls are one click away, and the choice is remembered.
  const internal = page.getByRole('checkbox', { name: 'Show internal calls' });
  await internal.check();
  await expect(log.getByText(/syscall kernel\.recovery ok/).first()).toBeVisible();
  await page.reload();
  await waitForKernel(page);
  await page.getByRole('tab', { name: /Event log/ }).click();
  await expect(internal).toBeChecked();
});
