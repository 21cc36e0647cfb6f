import { type Clock, WeftError } from '../../core';
import type { ChatMessage, FinishReason, Provider, ToolCall, ToolSpec } from '../types';
import { raceAbort } from './raceAbort';
import type { TurnUsage } from './types';

/** One model call as it happened: what it streamed, how it ended, its usage. */
export interface ModelCall {
  readonly start: number;
  readonly end: number;
  readonly requestModel: string;
  /** The model the server says answered (null when the call ended before saying). */
  readonly responseModel: string | null;
  readonly messages: readonly ChatMessage[];
  readonly tools: readonly ToolSpec[];
  readonly text: string;
  readonly toolCalls: readonly ToolCall[];
  readonly finishReason: FinishReason;
  readonly usage: TurnUsage;
  readonly status: 'ok' | 'error' | 'cancelled';
  readonly error?: WeftError;
}

export interface CallModelInput {
  readonly provider: Provider;
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly tools: readonly ToolSpec[];
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly maxTokens?: number;
  readonly onText: (text: string) => void;
  /** How far the model has read the prompt, when the provider says (llama.cpp does). */
  readonly onProgress?: (processed: number, total: number) => void;
}

/** About 4 characters a token: the fallback when a provider reports no usage. */
export const estimateTextTokens = (chars: number) => Math.ceil(chars / 4);

/**
 * Streams one model call to its end, passing text deltas on as they come. Never throws: a
 * provider error or an abort ends the call with status `error` or `cancelled`, keeping the
 * text streamed so far.
 */
export async function callModel(input: CallModelInput): Promise<ModelCall> {
  const { provider, model, messages, tools, signal, clock } = input;
  const start = clock.now();
  let text = '';
  const toolCalls: ToolCall[] = [];
  let end: { finishReason: FinishReason; usage: { inputTokens: number; outputTokens: number } | null; model: string } | null = null;
  let failure: WeftError | null = null;
  const request = { model, messages, ...(tools.length > 0 ? { tools } : {}), ...(input.maxTokens === undefined ? {} : { maxTokens: input.maxTokens }), signal };
  let iterator: AsyncIterator<unknown> | null = null;
  try {
    const stream = provider.chat(request)[Symbol.asyncIterator]();
    iterator = stream;
    for (;;) {
      const step = await raceAbort(stream.next(), signal);
      if (step.done) break;
      const delta = step.value;
      if (delta.type === 'text') {
        text += delta.text;
        input.onText(delta.text);
      } else if (delta.type === 'tool_call') toolCalls.push(delta.call);
      else if (delta.type === 'progress') input.onProgress?.(delta.processed, delta.total);
      else end = delta;
    }
  } catch (e) {
    failure = WeftError.from(e);
    // Let the provider release its connection; its own errors no longer matter.
    iterator?.return?.().catch(() => {});
  }
  const cancelled = signal.aborted || failure?.code === 'LLM_CANCELLED';
  const status = cancelled ? 'cancelled' : failure ? 'error' : 'ok';
  const usage: TurnUsage = end?.usage
    ? { ...end.usage, estimated: false }
    : {
        inputTokens: estimateTextTokens(JSON.stringify(messages).length + (tools.length > 0 ? JSON.stringify(tools).length : 0)),
        outputTokens: estimateTextTokens(text.length + toolCalls.reduce((n, c) => n + c.name.length + c.argumentsText.length, 0)),
        estimated: true,
      };
  return {
    start,
    end: clock.now(),
    requestModel: model,
    responseModel: end?.model || null,
    messages,
    tools,
    text,
    toolCalls,
    finishReason: cancelled ? 'cancelled' : (end?.finishReason ?? 'other'),
    usage,
    status,
    ...(failure && !cancelled ? { error: failure } : {}),
  };
}
