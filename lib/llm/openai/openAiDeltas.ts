/**
 * Turns the `data:` payloads of an OpenAI chat-completions stream into `ChatDelta`s: text as
 * it comes, tool calls accumulated by `index` (id and name in the first fragment, arguments
 * in pieces) and emitted whole, then one `end` with usage. Synchronous and I/O-free, so the
 * provider, tests and the benchmark share it.
 */
import { WeftError } from '../../core';
import type { ChatDelta, FinishReason, ToolCall, Usage } from '../types';

export interface OpenAiDeltas {
  /** Feeds one SSE `data` payload; returns the deltas it completes. */
  push(data: string): ChatDelta[];
  /** The stream closed: flushes pending tool calls and the `end`, or throws if the answer was cut off. */
  finish(): ChatDelta[];
  /** True once `[DONE]` arrived; later payloads are ignored. */
  readonly done: boolean;
}

interface PartialCall {
  id: string;
  name: string;
  args: string;
}

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
};

const snippet = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Tool calls in one answer, at most: an index past it is refused (pending calls are kept in an array by index). */
const MAX_TOOL_CALLS = 128;

/** A token count (a number, or a numeric string); anything else, NaN or negative counts as 0. Never Number(object): {"toString": 1} throws. */
const tokenCount = (value: unknown): number => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : 0;
  return Number.isFinite(n) && n >= 0 ? n : 0;
};

export function createOpenAiDeltas(requestedModel: string): OpenAiDeltas {
  let model = requestedModel;
  let usage: Usage | null = null;
  let finishReason: FinishReason | null = null;
  let done = false;
  let ended = false;
  const partial: PartialCall[] = [];
  let emittedCalls = 0;

  function flushCalls(out: ChatDelta[]): void {
    for (let i = 0; i < partial.length; i++) {
      const p = partial[i];
      if (!p) continue;
      if (!p.name) throw new WeftError('LLM_BAD_RESPONSE', `The model's tool call #${i} has no tool name. Try again, or pick a model that supports tool calling.`, { index: i });
      let args: unknown;
      try {
        args = p.args.trim() === '' ? {} : JSON.parse(p.args);
      } catch {
        throw new WeftError(
          'LLM_BAD_RESPONSE',
          `The model called tool "${p.name}" with arguments that are not valid JSON: ${snippet(p.args)}. Try again, or use a model that is better at tool calling.`,
          { tool: p.name, argumentsText: p.args },
        );
      }
      const call: ToolCall = { id: p.id || `call_${emittedCalls}`, name: p.name, arguments: args, argumentsText: p.args };
      emittedCalls++;
      out.push({ type: 'tool_call', call });
    }
    partial.length = 0;
  }

  function end(out: ChatDelta[]): void {
    if (ended) return;
    flushCalls(out);
    ended = true;
    // Some servers (Ollama, llama.cpp) say `stop` after tool calls; what matters is that calls came.
    const reason = emittedCalls > 0 && finishReason === 'stop' ? 'tool_calls' : (finishReason ?? 'stop');
    out.push({ type: 'end', finishReason: reason, usage, model });
  }

  return {
    push(data) {
      const out: ChatDelta[] = [];
      if (done) return out;
      if (data.trim() === '[DONE]') {
        done = true;
        return out;
      }
      let chunk: {
        model?: unknown;
        usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
        error?: { message?: unknown } | string;
        choices?: { delta?: { content?: unknown; tool_calls?: unknown }; finish_reason?: unknown }[] | null;
        prompt_progress?: { processed?: unknown; total?: unknown } | null;
      };
      try {
        chunk = JSON.parse(data);
      } catch {
        throw new WeftError('LLM_BAD_RESPONSE', `The server sent a stream event that is not JSON: ${snippet(data)}. Check that the base URL points to an OpenAI-compatible API.`, { data: snippet(data, 2000) });
      }
      if (typeof chunk !== 'object' || chunk === null) throw new WeftError('LLM_BAD_RESPONSE', `The server sent an unexpected stream event: ${snippet(data)}.`);
      if (chunk.error) {
        // Not String(object): {"message": {"toString": 1}} throws.
        const inner = typeof chunk.error === 'object' ? chunk.error.message : undefined;
        const message = typeof chunk.error === 'string' ? chunk.error : typeof inner === 'string' ? inner : JSON.stringify(inner ?? chunk.error);
        throw new WeftError('LLM_SERVER', `The server reported an error mid-answer: ${snippet(message)}`, { serverMessage: message });
      }
      if (typeof chunk.model === 'string' && chunk.model) model = chunk.model;
      if (chunk.usage && typeof chunk.usage === 'object') {
        usage = { inputTokens: tokenCount(chunk.usage.prompt_tokens), outputTokens: tokenCount(chunk.usage.completion_tokens) };
      }
      const progress = chunk.prompt_progress;
      if (progress && typeof progress === 'object') {
        const total = tokenCount(progress.total);
        if (total > 0) out.push({ type: 'progress', processed: Math.min(tokenCount(progress.processed), total), total });
      }
      const choice = chunk.choices?.[0];
      if (!choice) return out;
      const delta = choice.delta;
      if (delta && typeof delta.content === 'string' && delta.content !== '') out.push({ type: 'text', text: delta.content });
      if (delta && Array.isArray(delta.tool_calls)) {
        for (const [position, raw] of (delta.tool_calls as ({ index?: unknown; id?: unknown; function?: { name?: unknown; arguments?: unknown } } | null)[]).entries()) {
          if (typeof raw !== 'object' || raw === null) throw new WeftError('LLM_BAD_RESPONSE', `The server sent a tool call that is not an object: ${snippet(data)}. Try again, or pick a model that supports tool calling.`, { data: snippet(data, 2000) });
          const index = typeof raw.index === 'number' ? raw.index : position;
          // A huge index would make the flush below loop over an array that long; a negative or fractional one was silently lost.
          if (!Number.isInteger(index) || index < 0 || index >= MAX_TOOL_CALLS) {
            throw new WeftError('LLM_BAD_RESPONSE', `The server sent a tool call with index ${String(index)}; an index runs from 0 to ${MAX_TOOL_CALLS - 1}. Try again, or pick a model that supports tool calling.`, { index: String(index) });
          }
          const p = (partial[index] ??= { id: '', name: '', args: '' });
          if (typeof raw.id === 'string' && raw.id) p.id = raw.id;
          if (typeof raw.function?.name === 'string' && raw.function.name) p.name = raw.function.name;
          if (typeof raw.function?.arguments === 'string') p.args += raw.function.arguments;
          // Some servers send arguments as an object rather than JSON text.
          else if (raw.function?.arguments && typeof raw.function.arguments === 'object') p.args += JSON.stringify(raw.function.arguments);
        }
      }
      if (typeof choice.finish_reason === 'string' && choice.finish_reason) {
        // hasOwn: "constructor" is in every object, and is not a finish reason.
        finishReason = Object.hasOwn(FINISH, choice.finish_reason) ? FINISH[choice.finish_reason]! : 'other';
        if (finishReason === 'tool_calls') flushCalls(out);
      }
      return out;
    },
    finish() {
      const out: ChatDelta[] = [];
      if (!done && finishReason === null) {
        throw new WeftError('LLM_BAD_RESPONSE', 'The server closed the stream mid-answer (no finish reason, no [DONE]). Try again; if it keeps happening, check the server log.', {
          partialToolCalls: partial.length,
        });
      }
      end(out);
      return out;
    },
    get done() {
      return done;
    },
  };
}
