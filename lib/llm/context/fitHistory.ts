import type { ChatMessage } from '../types';
import { estimateHistoryTokens, estimateMessageTokens } from './estimateMessageTokens';

/** The start of a summary message's text; `isSummaryMessage` looks for it. */
export const SUMMARY_PREFIX = 'Summary of earlier conversation: ';

export interface FitHistoryOptions {
  readonly history: readonly ChatMessage[];
  /** The model's context window in tokens. */
  readonly contextLength: number;
  /** Tokens kept free for the system prompt, skill context, the next user message and the answer. */
  readonly reserveTokens: number;
  readonly estimate?: (message: ChatMessage) => number;
  /** Summarises the given messages with the model. */
  readonly summarize: (messages: readonly ChatMessage[]) => Promise<string>;
  /** The share of the budget the recent, verbatim messages may take after summarising (default 0.5). */
  readonly keepFraction?: number;
}

export interface FittedHistory {
  /** The history to send: unchanged when it fits, else the summary followed by the recent messages. */
  readonly history: readonly ChatMessage[];
  /** Where the summary message is in `history`, and which indices of the original it replaces (the caller keeps those in storage). */
  readonly summary: { readonly index: number; readonly summaryOf: readonly number[] } | null;
  readonly tokens: number;
  /** False when even after summarising the history does not fit (the newest exchange alone is too long). */
  readonly fits: boolean;
}

/** A message written by `fitHistory` in place of older ones. */
export function isSummaryMessage(message: ChatMessage): boolean {
  return message.role === 'system' && message.content.startsWith(SUMMARY_PREFIX);
}

/**
 * Makes a history fit the context window: when it would not leave `reserveTokens` free, the
 * oldest messages are summarised by the model into one system message, and the newest are kept
 * as they are (up to `keepFraction` of the budget). Leading system messages that are not
 * summaries stay. An assistant message with tool calls and its tool results move together,
 * so a summary never splits a call from its result.
 * @example const fitted = await fitHistory({ history, contextLength: 8192, reserveTokens: 2048, summarize })
 */
export async function fitHistory(options: FitHistoryOptions): Promise<FittedHistory> {
  const { history } = options;
  const estimate = options.estimate ?? estimateMessageTokens;
  const budget = options.contextLength - options.reserveTokens;
  const total = estimateHistoryTokens(history, estimate);
  if (total <= budget) return { history, summary: null, tokens: total, fits: true };

  let pinned = 0;
  while (pinned < history.length && history[pinned]!.role === 'system' && !isSummaryMessage(history[pinned]!)) pinned++;
  const pinnedTokens = estimateHistoryTokens(history.slice(0, pinned), estimate);
  const units = unitsOf(history, pinned);
  // Keep whole units from the newest while they fit in the share of the budget left for them.
  const keepBudget = Math.max(0, budget - pinnedTokens) * (options.keepFraction ?? 0.5);
  let kept = 0;
  let keptTokens = 0;
  for (let u = units.length - 1; u >= 0; u--) {
    const cost = estimateHistoryTokens(history.slice(units[u]!.from, units[u]!.to), estimate);
    if (keptTokens + cost > keepBudget && kept > 0) break;
    keptTokens += cost;
    kept++;
    if (keptTokens > keepBudget) break; // the newest unit alone is too long: keep it, summarise the rest
  }
  const firstKept = kept === 0 ? history.length : units[units.length - kept]!.from;
  if (firstKept <= pinned) return { history, summary: null, tokens: total, fits: false };

  const summaryOf = range(pinned, firstKept);
  const text = await options.summarize(history.slice(pinned, firstKept));
  const summaryMessage: ChatMessage = { role: 'system', content: SUMMARY_PREFIX + text.trim() };
  const fitted = [...history.slice(0, pinned), summaryMessage, ...history.slice(firstKept)];
  const tokens = estimateHistoryTokens(fitted, estimate);
  return { history: fitted, summary: { index: pinned, summaryOf }, tokens, fits: tokens <= budget };
}

/** Splits messages from `start` into units that must stay together: a tool-calling assistant message and its results. */
function unitsOf(history: readonly ChatMessage[], start: number): { from: number; to: number }[] {
  const units: { from: number; to: number }[] = [];
  let i = start;
  while (i < history.length) {
    let to = i + 1;
    const message = history[i]!;
    if (message.role === 'assistant' && (message.toolCalls?.length ?? 0) > 0) while (to < history.length && history[to]!.role === 'tool') to++;
    units.push({ from: i, to });
    i = to;
  }
  return units;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
