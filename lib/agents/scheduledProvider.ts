/**
 * A provider whose every model call first waits for a slot in the inference scheduler: the
 * process's priority, its provider's concurrency and its token budget decide when it starts;
 * killing the process aborts it. Usage is reported as each call ends (estimated from the text
 * when the provider gives none), so budgets are charged call by call.
 */
import type { Pid } from '../core';
import { type ChatRequest, estimateHistoryTokens, type Provider, type Usage } from '../llm';
import type { InferenceScheduler } from './scheduler';

export interface ScheduledProviderOptions {
  readonly scheduler: InferenceScheduler;
  readonly pid: Pid;
  /** The provider's id (its concurrency limit is per id). */
  readonly providerId: string;
  /** Tokens reserved for the answer when the request sets no `maxTokens`. */
  readonly answerReserve?: number;
  readonly onUsage: (usage: Usage) => void;
  /** The call got its slot (THINKING) / ended (back to RUNNING). */
  readonly onCall?: (phase: 'start' | 'end') => void;
}

/** The tokens a request is expected to use: its messages and tools, plus the answer. */
export function estimateRequest(request: ChatRequest, answerReserve: number): number {
  const tools = request.tools ? Math.ceil(JSON.stringify(request.tools).length / 4) : 0;
  return estimateHistoryTokens(request.messages) + tools + (request.maxTokens ?? answerReserve);
}

export function scheduledProvider(provider: Provider, o: ScheduledProviderOptions): Provider {
  const reserve = o.answerReserve ?? 256;
  return {
    kind: provider.kind,
    ...(provider.listModels ? { listModels: provider.listModels.bind(provider) } : {}),
    async *chat(request) {
      const slot = await o.scheduler.acquire({ pid: o.pid, providerId: o.providerId, estimate: estimateRequest(request, reserve), ...(request.signal ? { signal: request.signal } : {}) });
      const signal = request.signal ? AbortSignal.any([request.signal, slot.signal]) : slot.signal;
      o.onCall?.('start');
      let chars = 0;
      let reported = false;
      try {
        for await (const delta of provider.chat({ ...request, signal })) {
          if (delta.type === 'text') chars += delta.text.length;
          if (delta.type === 'end') {
            reported = true;
            o.onUsage(delta.usage ?? { inputTokens: estimateHistoryTokens(request.messages), outputTokens: Math.ceil(chars / 4) });
          }
          yield delta;
        }
      } finally {
        // A call cut short still used what it streamed.
        if (!reported) o.onUsage({ inputTokens: estimateHistoryTokens(request.messages), outputTokens: Math.ceil(chars / 4) });
        slot.release();
        o.onCall?.('end');
      }
    },
  };
}
