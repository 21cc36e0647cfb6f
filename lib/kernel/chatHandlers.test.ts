import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunk, type OpenAiAnswer, type OpenAiServer, startOpenAiServer, textAnswer, toolCallAnswer } from '../../e2e/fixtures/openaiServer';
import type { WeftError } from '../core';
import { type Trace, verifyTrace } from '../spans';
import type { StoredChat } from './chatStore';
import type { ChatSendResult } from './chatTurn';
import type { Kernel } from './kernel';
import type { KernelEvent, Process } from './protocol';
import type { ProviderInfo } from './providerStore';
import { kernelWithRuntimes } from './testRuntimes';

// Chat turns through the kernel with the real Python runtime and a scripted OpenAI-compatible
// server over HTTP: providers and their keys, stored conversations, tools, traces, kill, errors.
const KEY = 'sk-test-chat-key-0123456789abcdef';
const WRONG_KEY = 'sk-wrong-chat-key-9876543210fedcba';
let kernel: Kernel;
let server: OpenAiServer;
let cleanup = () => {};
const events: KernelEvent[] = [];
const call = <T,>(op: string, args: Record<string, unknown> = {}) => kernel.dispatch({ op, ...args }) as Promise<T>;
const send = (args: Record<string, unknown>) => call<ChatSendResult>('chat.send', args);
const chatRequests = () => server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions');

/** Plays scripted answers in order, one per chat request (the fixture's `script` answers every request alike). */
function scriptSequence(answers: readonly OpenAiAnswer[]): void {
  let next = 0;
  server.script(async (_request, res: ServerResponse) => {
    const answer = answers[Math.min(next++, answers.length - 1)]!;
    if (answer.kind !== 'stream') throw new Error('scriptSequence plays streams only');
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const step of answer.steps) if (typeof step === 'string') res.write(step);
    res.end();
  });
}

beforeAll(async () => {
  server = await startOpenAiServer({ apiKey: KEY });
  ({ kernel, cleanup } = await kernelWithRuntimes(['csv-stats', 'writing-clear-prompts', 'line-plot']));
  kernel.on((e) => events.push(e));
}, 60_000);
afterAll(async () => {
  cleanup();
  await server.close();
});

describe('llm providers', () => {
  it('refuses a chat with no provider configured, saying how to add one', async () => {
    const error = (await send({ text: 'Hello?' }).catch((e: unknown) => e)) as WeftError;
    expect(error.code).toBe('LLM_NO_PROVIDER');
    expect(error.data).toMatchObject({ reason: 'no-provider' });
    expect(error.message).toMatch(/Add a provider/);
    expect(await call('chat.list')).toEqual([]);
  });

  it('stores a provider with its key: the list shows hasKey, never the key', async () => {
    const saved = await call<ProviderInfo>('llm.setProvider', { id: 'local', label: 'Test server', baseUrl: server.url, model: 'test-model', apiKey: KEY, contextLength: 8192 });
    expect(saved).toEqual({ id: 'local', kind: 'openai-compatible', label: 'Test server', baseUrl: server.url, model: 'test-model', hasKey: true, contextLength: 8192, isDefault: true });
    const listed = await call<ProviderInfo[]>('llm.providers');
    expect(listed).toEqual([saved]);
    expect(JSON.stringify(listed)).not.toContain(KEY);
    expect(await call('llm.models', { id: 'local' })).toEqual([{ id: 'test-model', contextLength: 8192 }]);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('fills a preset, removes a key with null, and moves the default when a provider goes', async () => {
    const ollama = await call<ProviderInfo>('llm.setProvider', { preset: 'ollama', model: 'qwen3:4b', apiKey: 'sk-temporary-0000000000' });
    expect(ollama).toMatchObject({ id: 'ollama', label: 'Ollama', baseUrl: 'http://localhost:11434/v1', hasKey: true, isDefault: false });
    expect(await call('llm.setProvider', { id: 'ollama', model: 'qwen3:8b', baseUrl: ollama.baseUrl, apiKey: null })).toMatchObject({ model: 'qwen3:8b', hasKey: false });
    expect(await call('llm.setDefault', { id: 'ollama' })).toMatchObject({ isDefault: true });
    expect(await call('llm.removeProvider', { id: 'ollama' })).toEqual({ removed: true });
    expect(await call<ProviderInfo[]>('llm.providers')).toEqual([expect.objectContaining({ id: 'local', isDefault: true })]);
    const bad = (await call('llm.setProvider', { model: 'x', baseUrl: 'localhost:1234' }).catch((e: unknown) => e)) as WeftError;
    expect(bad.code).toBe('SYSCALL_INVALID');
  });

  it('announces each change to the providers, so the views follow without a reload', async () => {
    const from = events.length;
    const changes = () => events.slice(from).flatMap((e) => (e.type === 'llm.providers.changed' ? [`${e.id} ${e.change}`] : []));
    await call('llm.setProvider', { id: 'spare', baseUrl: server.url, model: 'test-model' });
    await call('llm.setDefault', { id: 'spare' });
    await call('llm.setDefault', { id: 'local' });
    await call('llm.removeProvider', { id: 'spare' });
    await call('llm.removeProvider', { id: 'spare' }); // nothing left to remove: nothing changed
    await call('llm.setProvider', { model: 'x', baseUrl: 'localhost:1234' }).catch(() => undefined);
    expect(changes()).toEqual(['spare set', 'spare default', 'local default', 'spare removed']);
  });
});

describe('chat.send', () => {
  let firstChat = '';

  it('streams a plain answer, commits chats/<id>.json and reads it back', async () => {
    server.script(textAnswer(['Hello', ' there.'], { usage: [31, 3] }));
    const result = await send({ text: 'Say hello\nplease', tag: 'plain' });
    firstChat = result.chatId;
    expect(result).toMatchObject({ status: 'ok', turn: 1, title: 'Say hello', error: null, usage: { inputTokens: 31, outputTokens: 3, estimated: false } });
    expect(result.messages).toEqual([
      { role: 'user', content: 'Say hello\nplease' },
      { role: 'assistant', content: 'Hello there.' },
    ]);
    const texts = events.filter((e) => e.type === 'chat.event' && e.tag === 'plain' && e.event.type === 'turn.text');
    expect(texts.map((e) => (e.type === 'chat.event' && e.event.type === 'turn.text' ? e.event.text : ''))).toEqual(['Hello', ' there.']);
    const chat = await call<StoredChat>('chat.read', { id: result.chatId });
    expect(chat).toMatchObject({ id: result.chatId, title: 'Say hello', providerId: 'local', model: 'test-model', messages: result.messages });
    expect(chat.turns).toEqual([expect.objectContaining({ n: 1, status: 'ok', from: 0, to: 2, trace: result.trace })]);
    expect(await call('chat.list')).toEqual([{ id: result.chatId, title: 'Say hello', updatedAt: chat.updatedAt, turns: 1 }]);
    const [latest] = await call<{ message: string }[]>('volume.log', { volume: 'users/me', path: `chats/${result.chatId}.json`, limit: 1 });
    expect(latest!.message).toMatch(/^Chat Say hello: turn 1/);
    expect(await call<Process>('proc.get', { pid: result.pid })).toMatchObject({ kind: 'agent', name: 'chat Say hello', state: 'TERMINATED', exit: { status: 'ok' } });
  });

  it('sends the earlier turns as history on the next turn', async () => {
    server.script(textAnswer(['Again: hello.']));
    const result = await send({ chatId: firstChat, text: 'Once more' });
    expect(result.turn).toBe(2);
    const sent = chatRequests().at(-1)!.body as { messages: { role: string; content: string }[] };
    expect(sent.messages.slice(1).map((m) => [m.role, m.content])).toEqual([
      ['user', 'Say hello\nplease'],
      ['assistant', 'Hello there.'],
      ['user', 'Once more'],
    ]);
    expect((await call<StoredChat>('chat.read', { id: firstChat })).messages).toHaveLength(4);
  });

  it('gives a greeting no skill context and names no skill', async () => {
    server.script(textAnswer(['Hi!']));
    const result = await send({ text: 'Good morning!' });
    expect(result.skillsUsed).toEqual([]);
    const sent = chatRequests().at(-1)!.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[0]!.content).not.toContain('# Skills you can use');
    await call('chat.delete', { id: result.chatId });
  });

  it('puts a matching context skill into the system message and names it in skillsUsed', async () => {
    server.script(textAnswer(['Be specific.']));
    const result = await send({ text: 'How do I write clear prompts and instructions for a language model?' });
    expect(result.skillsUsed).toContain('writing-clear-prompts');
    const sent = chatRequests().at(-1)!.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('## writing-clear-prompts') });
    expect((await call<StoredChat>('chat.read', { id: result.chatId })).turns[0]!.skillsUsed).toContain('writing-clear-prompts');
  });

  it('lets the model call csv-stats: the real Python runs, its result goes back to the model, the trace chains llm → tool → llm', async () => {
    const csv = 'x,y\n1,2\n3,4\n5,6';
    scriptSequence([
      toolCallAnswer([{ id: 'call_1', name: 'csv-stats', fragments: ['{"csv": ', JSON.stringify(csv), '}'] }]),
      textAnswer(['The mean of y is 4.']),
    ]);
    const before = chatRequests().length;
    const result = await send({ text: 'Give me summary statistics of this CSV data: x,y 1,2 3,4 5,6', tag: 'tool' });
    expect(result.status).toBe('ok');
    expect(result.skillsUsed).toContain('csv-stats');
    expect(result.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    const toolMessage = result.messages[2]!;
    expect(toolMessage).toMatchObject({ role: 'tool', toolCallId: 'call_1', name: 'csv-stats' });
    expect(toolMessage.content).toContain('"mean"');
    const offered = chatRequests()[before]!.body as { tools: { function: { name: string } }[] };
    expect(offered.tools.map((t) => t.function.name)).toContain('csv-stats');
    const second = chatRequests()[before + 1]!.body as { messages: { role: string; content: string; tool_call_id?: string }[] };
    expect(second.messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_1', content: toolMessage.content });
    expect(result.messages.at(-1)).toEqual({ role: 'assistant', content: 'The mean of y is 4.' });
    expect((await call<StoredChat>('chat.read', { id: result.chatId })).messages).toEqual(result.messages);

    const enzyme = (await call<Process[]>('proc.list', { includeTerminated: true })).find((p) => p.kind === 'enzyme' && p.parent === result.pid);
    expect(enzyme).toMatchObject({ name: 'csv-stats', exit: { status: 'ok' } });
    expect(events.some((e) => e.type === 'chat.event' && e.tag === 'tool' && e.event.type === 'turn.tool.end' && e.event.status === 'ok')).toBe(true);

    const trace = JSON.parse((await call<{ content: string }>('volume.read', { volume: 'users/me', path: result.trace!.path })).content) as Trace;
    expect((await verifyTrace(trace)).ok).toBe(true);
    const llm = trace.spans.filter((s) => s.kind === 'llm');
    const tool = trace.spans.find((s) => s.kind === 'tool')!;
    expect(llm).toHaveLength(2);
    expect(tool.parents).toEqual([llm[0]!.id]);
    expect(llm[1]!.parents).toEqual([tool.id]);
  }, 90_000);

  it('stops the turn when its process is killed, keeping what was said', async () => {
    server.script({ kind: 'stream', steps: [chunk('test-model', { role: 'assistant', content: '' }), chunk('test-model', { content: 'Thinking' }), { hang: true }] });
    const pending = send({ text: 'Think for a long time', tag: 'kill' });
    const started = await waitFor(() => events.find((e) => e.type === 'chat.event' && e.tag === 'kill' && e.event.type === 'turn.text'));
    await call('proc.kill', { pid: (started as { pid: number }).pid });
    const result = await pending;
    expect(result.status).toBe('cancelled');
    expect(result.messages).toEqual([
      { role: 'user', content: 'Think for a long time' },
      { role: 'assistant', content: 'Thinking', incomplete: 'stopped' },
    ]);
    expect(await call<Process>('proc.get', { pid: result.pid })).toMatchObject({ state: 'TERMINATED', exit: { status: 'killed' } });
    expect((await call<StoredChat>('chat.read', { id: result.chatId })).turns[0]).toMatchObject({ status: 'cancelled' });
  });

  it('can be stopped before the server sends a byte: the pid comes first, and the turn ends as cancelled', async () => {
    // A model still loading in Ollama accepts the request and says nothing (the first-byte timeout is 60 s).
    server.script({ kind: 'hang' });
    const pending = send({ text: 'Are you loading?', tag: 'silent' });
    const started = await waitFor(() => events.find((e) => e.type === 'chat.event' && e.tag === 'silent'));
    expect(started).toMatchObject({ event: { type: 'turn.start' } });
    await waitFor(() => (chatRequests().some((r) => JSON.stringify(r.body).includes('Are you loading?')) ? true : undefined));
    await call('proc.kill', { pid: (started as { pid: number }).pid, reason: 'Stopped from the chat' });
    const result = await pending;
    expect(result.status).toBe('cancelled');
    expect(result.error).toBeNull();
    expect(result.messages).toEqual([{ role: 'user', content: 'Are you loading?' }]);
    expect(await call<Process>('proc.get', { pid: result.pid })).toMatchObject({ state: 'TERMINATED', exit: { status: 'killed' } });
    const ends = events.filter((e) => e.type === 'chat.event' && e.tag === 'silent' && e.event.type === 'turn.end');
    expect(ends).toEqual([expect.objectContaining({ event: expect.objectContaining({ status: 'cancelled' }) })]);
  });

  it('keeps an answer cut off mid-stream marked incomplete, and tells the model so on the next turn', async () => {
    server.script({ kind: 'stream', steps: [chunk('test-model', { role: 'assistant', content: '' }), chunk('test-model', { content: 'The first three steps are' }), { destroy: true }] });
    const cut = await send({ text: 'List the steps' });
    expect(cut.status).toBe('error');
    expect(cut.error).toMatchObject({ code: 'LLM_BAD_RESPONSE' });
    expect(cut.messages.at(-1)).toEqual({ role: 'assistant', content: 'The first three steps are', incomplete: 'cut-off' });
    expect((await call<StoredChat>('chat.read', { id: cut.chatId })).messages.at(-1)).toMatchObject({ incomplete: 'cut-off' });

    server.script(textAnswer(['Here they are again.']));
    await send({ chatId: cut.chatId, text: 'Go on' });
    const sent = (chatRequests().at(-1)!.body as { messages: { role: string; content: string | null }[] }).messages;
    const previous = sent.find((m) => m.role === 'assistant')!;
    expect(previous.content).toMatch(/^The first three steps are\n\n\[This answer is incomplete: it broke off mid-answer/);
  });

  it('returns a 401 as a coded error and stores it with the user message', async () => {
    await call('llm.setProvider', { id: 'wrong', label: 'Wrong key', baseUrl: server.url, model: 'test-model', apiKey: WRONG_KEY });
    const result = await send({ chatId: firstChat, providerId: 'wrong', text: 'Are you there?' });
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'LLM_AUTH' });
    expect(JSON.stringify(result)).not.toContain(WRONG_KEY);
    const chat = await call<StoredChat>('chat.read', { id: firstChat });
    expect(chat.messages.at(-1)).toEqual({ role: 'user', content: 'Are you there?' });
    expect(chat.turns.at(-1)).toMatchObject({ n: 3, status: 'error', providerId: 'wrong', error: { code: 'LLM_AUTH' } });
  });

  it('summarises what no longer fits the context window with the same model, keeping the originals stored', async () => {
    server.script(textAnswer(['Noted.']));
    const long = `Here are my lab notes. ${'The sample was measured at room temperature and the readings were stable. '.repeat(20)}`;
    const first = await send({ text: long });
    await call('llm.setProvider', { id: 'small', label: 'Small window', baseUrl: server.url, model: 'small-model', apiKey: KEY, contextLength: 512 });
    scriptSequence([textAnswer(['Lab notes: stable readings at room temperature.']), textAnswer(['Yes, they were stable.'])]);
    const before = chatRequests().length;
    const result = await send({ chatId: first.chatId, providerId: 'small', text: 'Were they stable?' });
    expect(result.status).toBe('ok');
    const [summarise, answer] = chatRequests().slice(before) as { body: { model: string; messages: { role: string; content: string }[] } }[];
    expect(summarise!.body.messages.at(-1)!.content).toContain('Here are my lab notes.');
    expect(answer!.body.model).toBe('small-model');
    expect(answer!.body.messages.some((m) => m.role === 'system' && m.content === 'Summary of earlier conversation: Lab notes: stable readings at room temperature.')).toBe(true);
    expect(answer!.body.messages.some((m) => m.content === long)).toBe(false);
    expect(answer!.body.messages.some((m) => m.role === 'assistant' && m.content === 'Noted.')).toBe(true); // the newest kept verbatim
    const chat = await call<StoredChat>('chat.read', { id: first.chatId });
    expect(chat.messages[0]).toEqual({ role: 'user', content: long });
    expect(chat.messages).toHaveLength(4);
    expect(chat.summaries).toEqual([{ upTo: 1, content: 'Lab notes: stable readings at room temperature.', turn: 2 }]);
    // The summary call is a model call of the turn: an llm span the answer's call reads from.
    const trace = JSON.parse((await call<{ content: string }>('volume.read', { volume: 'users/me', path: result.trace!.path })).content) as Trace;
    const [summary, reply] = trace.spans.filter((s) => s.kind === 'llm');
    expect(summary).toMatchObject({ name: 'summarize small-model', attributes: { 'weft.llm.purpose': 'summarize' } });
    expect(reply!.parents).toEqual([summary!.id]);
    expect((await verifyTrace(trace)).ok).toBe(true);
  });

  it('never writes a key into the user volume, a trace or an event', async () => {
    const files = await call<string[]>('volume.files', { volume: 'users/me' });
    expect(files.filter((f) => f.startsWith('chats/')).length).toBeGreaterThanOrEqual(4);
    expect(files.some((f) => f.startsWith('traces/'))).toBe(true);
    for (const path of files) {
      const { content } = await call<{ content: string }>('volume.read', { volume: 'users/me', path });
      expect(content, path).not.toContain(KEY);
      expect(content, path).not.toContain(WRONG_KEY);
    }
    const spans = JSON.stringify(await call('spans.recent', { limit: 10_000 }));
    const logged = JSON.stringify(events);
    for (const key of [KEY, WRONG_KEY]) {
      expect(spans).not.toContain(key);
      expect(logged).not.toContain(key);
    }
  });

  it('deletes a conversation', async () => {
    expect(await call('chat.delete', { id: firstChat })).toMatchObject({ deleted: true });
    expect((await call<{ id: string }[]>('chat.list')).map((c) => c.id)).not.toContain(firstChat);
    const missing = (await call('chat.read', { id: firstChat }).catch((e: unknown) => e)) as WeftError;
    expect(missing.code).toBe('VOLUME_FILE_NOT_FOUND');
  });
});

async function waitFor<T>(find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
