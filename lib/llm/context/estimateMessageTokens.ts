import type { ChatMessage } from '../types';

/** Tokens a message's framing costs beside its text (role, separators), as chat templates add. */
const MESSAGE_OVERHEAD = 4;

/**
 * About 4 characters a token for a message's text, tool-call names and arguments, plus framing.
 * Providers count exactly; this is for deciding what fits before asking them.
 */
export function estimateMessageTokens(message: ChatMessage): number {
  let chars = message.content.length;
  if (message.role === 'assistant') for (const call of message.toolCalls ?? []) chars += call.name.length + call.argumentsText.length;
  if (message.role === 'tool') chars += message.name.length;
  return MESSAGE_OVERHEAD + Math.ceil(chars / 4);
}

/** The estimated tokens of a whole history. */
export function estimateHistoryTokens(history: readonly ChatMessage[], estimate: (m: ChatMessage) => number = estimateMessageTokens): number {
  return history.reduce((n, m) => n + estimate(m), 0);
}
