import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../types';
import { contextFill } from './contextFill';
import { fitHistory, isSummaryMessage, SUMMARY_PREFIX } from './fitHistory';

/** Every message costs 10 tokens, so budgets are easy to read. */
const estimate = () => 10;

const user = (n: number): ChatMessage => ({ role: 'user', content: `question ${n}` });
const answer = (n: number): ChatMessage => ({ role: 'assistant', content: `answer ${n}` });
const calling = (n: number, calls: number): ChatMessage => ({
  role: 'assistant',
  content: '',
  toolCalls: Array.from({ length: calls }, (_, k) => ({ id: `c${n}_${k}`, name: 'csv-stats', arguments: {}, argumentsText: '{}' })),
});
const result = (n: number, k: number): ChatMessage => ({ role: 'tool', toolCallId: `c${n}_${k}`, name: 'csv-stats', content: '{"mean":1}' });

/** The tool pairs of a history are whole: each tool message follows its calling assistant message or a sibling result. */
function pairsWhole(history: readonly ChatMessage[]): boolean {
  return history.every((m, i) => {
    if (m.role !== 'tool') return true;
    const before = history[i - 1];
    return before !== undefined && (before.role === 'tool' || (before.role === 'assistant' && (before.toolCalls?.length ?? 0) > 0));
  });
}

describe('fitHistory', () => {
  it('leaves a history that fits alone, without calling the model', async () => {
    const summarize = vi.fn(async () => 'x');
    const history = [user(1), answer(1)];
    const fitted = await fitHistory({ history, contextLength: 100, reserveTokens: 50, estimate, summarize });
    expect(fitted).toEqual({ history, summary: null, tokens: 20, fits: true });
    expect(summarize).not.toHaveBeenCalled();
  });

  it('summarises the oldest turns into one marked system message and keeps the newest', async () => {
    const history = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? user(i) : answer(i)));
    const summarize = vi.fn(async (messages: readonly ChatMessage[]) => ` ${messages.length} messages about questions `);
    const fitted = await fitHistory({ history, contextLength: 100, reserveTokens: 20, estimate, summarize });
    // budget 80, half for the recent messages: 4 kept, 6 summarised.
    expect(summarize).toHaveBeenCalledWith(history.slice(0, 6));
    expect(fitted.history[0]).toEqual({ role: 'system', content: `${SUMMARY_PREFIX}6 messages about questions` });
    expect(isSummaryMessage(fitted.history[0]!)).toBe(true);
    expect(fitted.history.slice(1)).toEqual(history.slice(6));
    expect(fitted.summary).toEqual({ index: 0, summaryOf: [0, 1, 2, 3, 4, 5] });
    expect(fitted).toMatchObject({ tokens: 50, fits: true });
  });

  it('keeps leading system messages and never splits a tool call from its results', async () => {
    const history: ChatMessage[] = [{ role: 'system', content: 'Pinned.' }, user(1), answer(1), user(2), calling(2, 3), result(2, 0), result(2, 1), result(2, 2), answer(2)];
    const fitted = await fitHistory({ history, contextLength: 100, reserveTokens: 20, estimate, summarize: async () => 'earlier' });
    // 40 tokens for recent messages: the answer fits, the 4-message tool group would not, so it is summarised whole.
    expect(fitted.history).toEqual([history[0], { role: 'system', content: `${SUMMARY_PREFIX}earlier` }, answer(2)]);
    expect(fitted.summary).toEqual({ index: 1, summaryOf: [1, 2, 3, 4, 5, 6, 7] });
  });

  it('keeps the newest exchange even when it alone is too long, and says the history does not fit', async () => {
    const history = [user(1), answer(1), calling(2, 5), ...Array.from({ length: 5 }, (_, k) => result(2, k))];
    const fitted = await fitHistory({ history, contextLength: 60, reserveTokens: 10, estimate, summarize: async () => 's' });
    expect(fitted.history.slice(1)).toEqual(history.slice(2));
    expect(fitted.fits).toBe(false);
  });

  it('never splits tool pairs and always ends with the newest message, whatever the history', async () => {
    const unit = fc.oneof(
      fc.nat(1).map((n) => [user(n)]),
      fc.nat(1).map((n) => [answer(n)]),
      fc.integer({ min: 1, max: 4 }).map((calls) => [calling(9, calls), ...Array.from({ length: calls }, (_, k) => result(9, k))]),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(unit, { maxLength: 30 }), fc.integer({ min: 20, max: 400 }), async (units, contextLength) => {
        const history = units.flat();
        const fitted = await fitHistory({ history, contextLength, reserveTokens: 10, estimate, summarize: async (m) => `${m.length}` });
        expect(pairsWhole(fitted.history)).toBe(true);
        if (history.length > 0) expect(fitted.history.at(-1)).toEqual(history.at(-1));
        if (fitted.summary) {
          const { index, summaryOf } = fitted.summary;
          expect(fitted.history.slice(index + 1)).toEqual(history.slice(summaryOf.at(-1)! + 1));
        } else expect(fitted.history).toBe(history);
      }),
    );
  });
});

describe('contextFill', () => {
  it('is the share of the window the history takes, at most 1', () => {
    const history = [user(1), answer(1)]; // 4 + ceil(10/4) = 7 and 4 + ceil(8/4) = 6 tokens
    expect(contextFill(history, 130)).toBeCloseTo(0.1);
    expect(contextFill(history, 10)).toBe(1);
    expect(contextFill([], 100)).toBe(0);
    expect(contextFill(history, 0)).toBe(1);
  });
});
