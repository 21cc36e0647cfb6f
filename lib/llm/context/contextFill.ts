import type { ChatMessage } from '../types';
import { estimateHistoryTokens, estimateMessageTokens } from './estimateMessageTokens';

/**
 * How full the context window is, from 0 to 1, for the "how full" meter.
 * @example contextFill(history, 8192) // 0.42
 */
export function contextFill(history: readonly ChatMessage[], contextLength: number, estimate: (m: ChatMessage) => number = estimateMessageTokens): number {
  if (!(contextLength > 0)) return 1;
  return Math.min(1, estimateHistoryTokens(history, estimate) / contextLength);
}
