/** Builds the JSON body of an OpenAI `POST /chat/completions` streaming request from a `ChatRequest`. */
import type { ChatMessage, ChatRequest, IncompleteReason, ToolSpec } from '../types';

type OpenAiMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: OpenAiToolCall[] }
  | { role: 'tool'; tool_call_id: string; name: string; content: string };

interface OpenAiToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** Said to the model after an answer that did not finish, so it never takes it for a finished one. */
export const INCOMPLETE_NOTES: Record<IncompleteReason, string> = {
  stopped: '[This answer is incomplete: the person stopped it before it finished.]',
  'cut-off': '[This answer is incomplete: it broke off mid-answer (the connection or the server failed) before it finished.]',
};

export function toOpenAiMessage(message: ChatMessage): OpenAiMessage {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'assistant': {
      const calls = message.toolCalls ?? [];
      if (message.incomplete) return { role: 'assistant', content: [message.content, INCOMPLETE_NOTES[message.incomplete]].filter(Boolean).join('\n\n') };
      if (calls.length === 0) return { role: 'assistant', content: message.content };
      return {
        role: 'assistant',
        // Some servers reject an empty string beside tool calls; null is what OpenAI itself sends.
        content: message.content === '' ? null : message.content,
        tool_calls: calls.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: c.argumentsText || JSON.stringify(c.arguments ?? {}) },
        })),
      };
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, name: message.name, content: message.content };
  }
}

export function toOpenAiTool(tool: ToolSpec): { type: 'function'; function: { name: string; description: string; parameters: Record<string, unknown> } } {
  return { type: 'function', function: { name: tool.name, description: tool.description, parameters: { ...tool.parameters } } };
}

export function toOpenAiBody(request: ChatRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: request.model,
    messages: request.messages.map(toOpenAiMessage),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (request.tools && request.tools.length > 0) body.tools = request.tools.map(toOpenAiTool);
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.maxTokens !== undefined) body.max_tokens = request.maxTokens;
  return body;
}
