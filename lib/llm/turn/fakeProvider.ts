/** A scripted provider for tests: each `chat` call plays the next script. */
import type { WeftError } from '../../core';
import type { ChatDelta, ChatRequest, Provider, ToolCall, Usage } from '../types';

/** One step of a script: a delta to yield, a pause until the request is aborted, or an error to throw. */
export type ScriptStep = ChatDelta | { readonly type: 'hang' } | { readonly type: 'throw'; readonly error: WeftError };

export interface FakeProvider extends Provider {
  readonly requests: ChatRequest[];
}

export function fakeProvider(scripts: readonly (readonly ScriptStep[])[]): FakeProvider {
  const requests: ChatRequest[] = [];
  return {
    kind: 'fake',
    requests,
    chat(request) {
      const script = scripts[requests.length];
      requests.push(request);
      if (!script) throw new Error(`The fake provider has no script for call ${requests.length}.`);
      return (async function* () {
        for (const step of script) {
          if (step.type === 'hang') await new Promise(() => {}); // only an abort ends it
          else if (step.type === 'throw') throw step.error;
          else yield step;
        }
      })();
    },
  };
}

export const text = (t: string): ChatDelta => ({ type: 'text', text: t });

export const toolCall = (id: string, name: string, args: unknown): ChatDelta => {
  const call: ToolCall = { id, name, arguments: args, argumentsText: JSON.stringify(args) };
  return { type: 'tool_call', call };
};

export const end = (finishReason: 'stop' | 'tool_calls' = 'stop', usage: Usage | null = { inputTokens: 100, outputTokens: 20 }): ChatDelta => ({
  type: 'end',
  finishReason,
  usage,
  model: 'fake-model-1',
});
