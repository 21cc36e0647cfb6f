import { describe, expect, it, vi } from 'vitest';
import { asTraceId, type Clock, WeftError } from '../../core';
import { GenAI, type Span, verifyTrace, WeftAttr } from '../../spans';
import type { ToolSpec } from '../types';
import { end, fakeProvider, type ScriptStep, text, toolCall } from './fakeProvider';
import { runChatTurn } from './runChatTurn';
import type { ChatTurnOptions, ToolRun, TurnEvent } from './types';

/** A clock that moves 1 ms each time it is read, so every span has a real duration. */
function tickingClock(): Clock {
  let t = 1_700_000_000_000;
  return { now: () => (t += 1), setTimeout: () => 0, clearTimeout: () => {} };
}

const csvStats: ToolSpec = {
  name: 'csv-stats',
  description: 'Summary statistics of a CSV text.',
  parameters: {
    type: 'object',
    properties: { csv: { type: 'string' }, decimals: { type: 'number', default: 4 } },
    required: ['csv'],
    additionalProperties: false,
  },
};

const statsRun: ToolRun = {
  outputs: { table: { columns: ['column', 'mean'], rows: [['temp', 21.5]] }, stats: { temp: { mean: 21.5 } } },
  energy: { cpuMs: 12, tokensIn: 0, tokensOut: 0, bytes: 300 },
  details: { runtime: 'python', durationMs: 12 },
};

function setup(scripts: ScriptStep[][], overrides: Partial<ChatTurnOptions> = {}) {
  const provider = fakeProvider(scripts);
  const events: TurnEvent[] = [];
  const runTool = vi.fn<ChatTurnOptions['runTool']>(async () => statsRun);
  const options: ChatTurnOptions = {
    provider,
    model: 'fake-model',
    history: [],
    userMessage: 'Describe this data: a,b\n1,2',
    system: 'You are Weft.',
    skillContext: async () => ({ text: '# Skills you can use\n- **csv-stats**: statistics', skills: ['csv-stats'] }),
    tools: [csvStats],
    runTool,
    clock: tickingClock(),
    traceId: asTraceId('0123456789abcdef0123456789abcdef'),
    emit: (e) => events.push(e),
    ...overrides,
  };
  return { provider, events, runTool, options, run: () => runChatTurn(options) };
}

const byKind = (spans: readonly Span[], kind: Span['kind']) => spans.filter((s) => s.kind === kind);

async function expectValidTrace(result: Awaited<ReturnType<typeof runChatTurn>>) {
  const report = await verifyTrace(result.trace);
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
}

describe('runChatTurn', () => {
  it('answers in plain text: one llm span under the run span, usage from the provider', async () => {
    const { provider, events, run } = setup([[text('The mean '), text('is 1.5.'), end('stop', { inputTokens: 50, outputTokens: 7 })]]);
    const result = await run();
    expect(result.status).toBe('ok');
    expect(result.messages).toEqual([{ role: 'assistant', content: 'The mean is 1.5.' }]);
    expect(result.usage).toEqual({ inputTokens: 50, outputTokens: 7, estimated: false });
    expect(result.skillsUsed).toEqual(['csv-stats']);
    expect(events.filter((e) => e.type === 'turn.text').map((e) => (e.type === 'turn.text' ? e.text : ''))).toEqual(['The mean ', 'is 1.5.']);
    expect(events.at(-1)).toMatchObject({ type: 'turn.end', status: 'ok' });
    const messages = provider.requests[0]!.messages;
    expect(messages[0]).toEqual({ role: 'system', content: 'You are Weft.\n\n# Skills you can use\n- **csv-stats**: statistics' });
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'Describe this data: a,b\n1,2' });
    const [runSpan] = byKind(result.spans, 'run');
    const [llm] = byKind(result.spans, 'llm');
    expect(llm!.parents).toEqual([runSpan!.id]);
    expect(llm!.attributes).toMatchObject({
      [GenAI.operationName]: 'chat',
      [GenAI.providerName]: 'fake',
      [GenAI.requestModel]: 'fake-model',
      [GenAI.responseModel]: 'fake-model-1',
      [GenAI.usageInputTokens]: 50,
      [GenAI.usageOutputTokens]: 7,
      'gen_ai.response.finish_reasons': ['stop'],
      [WeftAttr.concurrentParents]: [runSpan!.id],
    });
    await expectValidTrace(result);
  });

  it('runs a tool round trip with the causal chain llm → tool → llm', async () => {
    const { provider, events, runTool, run } = setup([
      [text('Let me look.'), toolCall('call_1', 'csv-stats', { csv: 'a,b\n1,2' }), end('tool_calls')],
      [text('Column temp has mean 21.5.'), end()],
    ]);
    const result = await run();
    expect(result.status).toBe('ok');
    expect(runTool).toHaveBeenCalledWith('csv-stats', { csv: 'a,b\n1,2' }, expect.any(AbortSignal));
    expect(result.messages.map((m) => m.role)).toEqual(['assistant', 'tool', 'assistant']);
    expect(result.messages[1]).toMatchObject({ role: 'tool', toolCallId: 'call_1', name: 'csv-stats' });
    expect(JSON.parse(result.messages[1]!.content)).toEqual(statsRun.outputs);
    expect(provider.requests[1]!.messages.slice(-2)).toEqual(result.messages.slice(0, 2));
    expect(provider.requests[1]!.tools).toEqual([csvStats]);
    expect(result.usage).toEqual({ inputTokens: 200, outputTokens: 40, estimated: false });
    expect(events.map((e) => e.type)).toEqual(['turn.text', 'turn.tool.start', 'turn.tool.end', 'turn.text', 'turn.end']);
    expect(events[2]).toMatchObject({ status: 'ok', callId: 'call_1', durationMs: expect.any(Number) });

    const [first, second] = byKind(result.spans, 'llm');
    const [tool] = byKind(result.spans, 'tool');
    expect(tool!.parents).toEqual([first!.id]);
    expect(second!.parents).toEqual([tool!.id]);
    expect(tool!.attributes).toMatchObject({ [GenAI.operationName]: 'execute_tool', [GenAI.toolName]: 'csv-stats', [GenAI.toolCallId]: 'call_1', 'weft.runtime.runtime': 'python' });
    expect(tool!.energy).toEqual(statsRun.energy);
    expect(first!.attributes['gen_ai.response.finish_reasons']).toEqual(['tool_calls']);
    expect(result.trace.spans).toHaveLength(4);
    await expectValidTrace(result);
  });

  it('answers an unknown tool with an error listing the tools, and lets the model go on', async () => {
    const { runTool, run } = setup([[toolCall('c1', 'csv-statz', { csv: 'x' }), end('tool_calls')], [text('Sorry.'), end()]]);
    const result = await run();
    expect(runTool).not.toHaveBeenCalled();
    expect(result.messages[1]!.content).toBe('Error (LLM_TOOL): There is no tool named "csv-statz". The tools you can call are: csv-stats.');
    expect(result.status).toBe('ok');
    expect(byKind(result.spans, 'tool')[0]).toMatchObject({ status: 'error', attributes: { 'error.type': 'LLM_TOOL' } });
    await expectValidTrace(result);
  });

  it('answers bad arguments with the reason', async () => {
    const { runTool, run } = setup([[toolCall('c1', 'csv-stats', { csv: 'x', decimals: 'two' }), end('tool_calls')], [text('Fixed.'), end()]]);
    const result = await run();
    expect(runTool).not.toHaveBeenCalled();
    expect(result.messages[1]!.content).toBe('Error (LLM_TOOL): Invalid arguments for csv-stats: decimals must be a number, not a string ("two").');
  });

  it('answers arguments that are not JSON with the reason', async () => {
    const broken: ScriptStep = { type: 'tool_call', call: { id: 'c1', name: 'csv-stats', arguments: undefined, argumentsText: '{"csv": ' } };
    const { run } = setup([[broken, end('tool_calls')], [text('Oops.'), end()]]);
    const result = await run();
    expect(result.messages[1]!.content).toMatch(/^Error \(LLM_TOOL\): The arguments of csv-stats are not valid JSON: \{"csv": /);
  });

  it('turns a tool that throws into a coded error result', async () => {
    const runTool = vi.fn(async () => {
      throw new WeftError('RUNTIME_ERROR', 'ValueError: could not convert string to float.');
    });
    const { events, run } = setup([[toolCall('c1', 'csv-stats', { csv: 'x' }), end('tool_calls')], [text('The CSV is malformed.'), end()]], { runTool });
    const result = await run();
    expect(result.status).toBe('ok');
    expect(result.messages[1]!.content).toBe('Error (RUNTIME_ERROR): ValueError: could not convert string to float.');
    expect(events.find((e) => e.type === 'turn.tool.end')).toMatchObject({ status: 'error', error: { code: 'RUNTIME_ERROR' } });
    expect(result.skillsUsed).toEqual(['csv-stats']); // from the context, not from the failed run
    await expectValidTrace(result);
  });

  it('stops offering tools after maxToolRounds and makes a last call without them', async () => {
    const ask = (id: string): ScriptStep[] => [toolCall(id, 'csv-stats', { csv: id }), end('tool_calls')];
    const { provider, runTool, run } = setup([ask('1'), ask('2'), [toolCall('3', 'csv-stats', { csv: '3' }), text('Here is what I found.'), end()]], { maxToolRounds: 2 });
    const result = await run();
    expect(runTool).toHaveBeenCalledTimes(2);
    expect(provider.requests.map((r) => r.tools?.length ?? 0)).toEqual([1, 1, 0]);
    expect(provider.requests[2]!.messages.at(-1)).toMatchObject({ role: 'system', content: expect.stringMatching(/used all 2 rounds/) });
    expect(result.toolLimitReached).toBe(true);
    expect(result.messages.at(-1)).toEqual({ role: 'assistant', content: 'Here is what I found.' });
    expect(result.spans.filter((s) => s.kind === 'llm')).toHaveLength(3);
    await expectValidTrace(result);
  });

  it('keeps the partial text when aborted mid-stream', async () => {
    const controller = new AbortController();
    const { events, run } = setup([[text('Hel'), text('lo'), { type: 'hang' }]], {
      signal: controller.signal,
      emit: (e) => {
        events.push(e);
        if (e.type === 'turn.text' && e.text === 'lo') controller.abort();
      },
    });
    const result = await run();
    expect(result.status).toBe('cancelled');
    expect(result.error).toBeUndefined();
    expect(result.messages).toEqual([{ role: 'assistant', content: 'Hello', incomplete: 'stopped' }]);
    expect(result.usage.estimated).toBe(true);
    const [llm] = byKind(result.spans, 'llm');
    expect(llm).toMatchObject({ status: 'cancelled', attributes: { 'weft.usage.estimated': true, 'gen_ai.response.finish_reasons': ['cancelled'] } });
    expect(events.at(-1)).toMatchObject({ type: 'turn.end', status: 'cancelled' });
    await expectValidTrace(result);
  });

  it('passes on how far the model has read the prompt before its first token', async () => {
    const { events, run } = setup([[{ type: 'progress', processed: 512, total: 1800 }, { type: 'progress', processed: 1800, total: 1800 }, text('Hi'), end()]], { tools: [] });
    await run();
    expect(events.slice(0, 3)).toEqual([
      { type: 'turn.progress', phase: 'reading', done: 512, total: 1800 },
      { type: 'turn.progress', phase: 'reading', done: 1800, total: 1800 },
      { type: 'turn.text', text: 'Hi' },
    ]);
  });

  it('cancels the running tool through its signal when aborted mid-tool', async () => {
    const controller = new AbortController();
    let toolSignal: AbortSignal | null = null;
    const runTool = vi.fn((_name: string, _args: Record<string, unknown>, signal: AbortSignal) => {
      toolSignal = signal;
      queueMicrotask(() => controller.abort());
      return new Promise<ToolRun>(() => {}); // a tool that ignores its signal cannot hold the turn
    });
    const { provider, run } = setup([[toolCall('c1', 'csv-stats', { csv: 'x' }), toolCall('c2', 'csv-stats', { csv: 'y' }), end('tool_calls')]], { runTool, signal: controller.signal });
    const result = await run();
    expect(result.status).toBe('cancelled');
    expect(toolSignal!.aborted).toBe(true);
    expect(runTool).toHaveBeenCalledTimes(1);
    expect(provider.requests).toHaveLength(1);
    expect(result.messages.map((m) => m.role)).toEqual(['assistant', 'tool', 'tool']);
    expect(result.messages[1]!.content).toMatch(/^Cancelled/);
    expect(result.messages[2]!.content).toMatch(/^Not run/);
    expect(byKind(result.spans, 'tool').map((s) => s.status)).toEqual(['cancelled']);
    await expectValidTrace(result);
  });

  it('ends with the provider error, keeping the conversation so far', async () => {
    const error = new WeftError('LLM_RATE_LIMITED', 'The server is rate limiting requests. Wait a minute and try again.');
    const { events, run } = setup([[toolCall('c1', 'csv-stats', { csv: 'x' }), end('tool_calls')], [text('Partial'), { type: 'throw', error }]]);
    const result = await run();
    expect(result.status).toBe('error');
    expect(result.error).toBe(error);
    expect(result.messages.map((m) => m.role)).toEqual(['assistant', 'tool', 'assistant']);
    expect(result.messages[2]).toEqual({ role: 'assistant', content: 'Partial', incomplete: 'cut-off' });
    expect(result.messages[0]).not.toHaveProperty('incomplete');
    expect(events.at(-1)).toMatchObject({ type: 'turn.end', status: 'error', error: { code: 'LLM_RATE_LIMITED' } });
    expect(byKind(result.spans, 'run')[0]!.attributes['error.type']).toBe('LLM_RATE_LIMITED');
    await expectValidTrace(result);
  });

  it('treats a provider that throws before streaming as an error with a valid trace', async () => {
    const error = new WeftError('LLM_UNREACHABLE', 'Cannot reach the server.');
    const { run } = setup([[{ type: 'throw', error }]]);
    const result = await run();
    expect(result).toMatchObject({ status: 'error', error, messages: [] });
    await expectValidTrace(result);
  });

  it('estimates usage when the provider gives none, and says so', async () => {
    const { run } = setup([[text('x'.repeat(40)), end('stop', null)]]);
    const result = await run();
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.outputTokens).toBe(10);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
  });
});
