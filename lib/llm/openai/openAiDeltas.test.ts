import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core';
import type { ChatDelta } from '../types';
import { createOpenAiDeltas } from './openAiDeltas';

const c = (delta: unknown, finish: string | null = null, extra: Record<string, unknown> = {}) => JSON.stringify({ model: 'm', choices: [{ index: 0, delta, finish_reason: finish }], ...extra });

function run(payloads: readonly string[], model = 'asked'): ChatDelta[] {
  const d = createOpenAiDeltas(model);
  return [...payloads.flatMap((p) => d.push(p)), ...d.finish()];
}

describe('createOpenAiDeltas', () => {
  it('emits text, then end with usage from a choices:[] chunk and the served model', () => {
    expect(run([c({ role: 'assistant', content: '' }), c({ content: 'a' }), c({ content: 'b' }, 'length'), JSON.stringify({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 2 } }), '[DONE]'])).toEqual([
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b' },
      { type: 'end', finishReason: 'length', usage: { inputTokens: 5, outputTokens: 2 }, model: 'm' },
    ]);
  });

  it("passes llama.cpp's prompt_progress on as progress, capped at the total, and ignores a bad one", () => {
    const progress = (processed: unknown, total: unknown) => JSON.stringify({ choices: [], prompt_progress: { total, cache: 0, processed, time_ms: 40 } });
    expect(run([progress(256, 1000), progress(2000, 1000), progress('x', 0), c({ content: 'a' }, 'stop'), '[DONE]'])).toEqual([
      { type: 'progress', processed: 256, total: 1000 },
      { type: 'progress', processed: 1000, total: 1000 },
      { type: 'text', text: 'a' },
      { type: 'end', finishReason: 'stop', usage: null, model: 'm' },
    ]);
  });

  it('accumulates tool calls by index, even interleaved and without ids, and emits them at finish_reason', () => {
    const d = createOpenAiDeltas('x');
    expect(d.push(c({ tool_calls: [{ index: 1, id: 'b', function: { name: 'two', arguments: '{"y"' } }] }))).toEqual([]);
    d.push(c({ tool_calls: [{ index: 0, function: { name: 'one', arguments: '' } }] }));
    d.push(c({ tool_calls: [{ index: 1, function: { arguments: ':2}' } }] }));
    const out = d.push(c({}, 'tool_calls'));
    expect(out.map((x) => (x.type === 'tool_call' ? [x.call.id, x.call.name, x.call.arguments] : x.type))).toEqual([
      ['call_0', 'one', {}],
      ['b', 'two', { y: 2 }],
    ]);
    d.push('[DONE]');
    expect(d.finish()).toEqual([{ type: 'end', finishReason: 'tool_calls', usage: null, model: 'm' }]);
  });

  it('flushes tool calls at the end when the server says stop (Ollama, llama.cpp)', () => {
    const out = run([c({ tool_calls: [{ index: 0, id: 'i', function: { name: 'f', arguments: '{}' } }] }, 'stop'), '[DONE]']);
    expect(out.map((x) => x.type)).toEqual(['tool_call', 'end']);
    expect(out[1]).toMatchObject({ finishReason: 'tool_calls' });
  });

  it('throws coded errors for bad tool JSON, a mid-stream error event and a truncated stream', () => {
    const bad = () => run([c({ tool_calls: [{ index: 0, id: 'i', function: { name: 'search', arguments: '{"q": "x' } }] }, 'tool_calls')]);
    expect(bad).toThrow(WeftError);
    expect(bad).toThrow(/"search".*\{"q": "x/);
    expect(() => run([JSON.stringify({ error: { message: 'overloaded' } })])).toThrow(/overloaded/);
    expect(() => run([c({ content: 'half' })])).toThrow(/closed the stream mid-answer/);
  });

  it('maps unknown finish reasons to other and ignores payloads after [DONE]', () => {
    expect(run([c({}, 'eos_token'), '[DONE]', 'garbage'])).toEqual([{ type: 'end', finishReason: 'other', usage: null, model: 'm' }]);
  });
});
