import { describe, expect, it } from 'vitest';
import { MAX_TOKENS_TO_ADD, parseTokensToAdd } from './parseTokensToAdd';

describe('parseTokensToAdd', () => {
  it('accepts a whole number of tokens, with or without grouping', () => {
    expect(parseTokensToAdd('1000')).toEqual({ ok: true, value: 1000 });
    expect(parseTokensToAdd(' 1 ')).toEqual({ ok: true, value: 1 });
    expect(parseTokensToAdd('1,000')).toEqual({ ok: true, value: 1000 });
    expect(parseTokensToAdd('25_000')).toEqual({ ok: true, value: 25_000 });
    expect(parseTokensToAdd(String(MAX_TOKENS_TO_ADD))).toEqual({ ok: true, value: MAX_TOKENS_TO_ADD });
  });

  it('refuses an empty field', () => {
    expect(parseTokensToAdd('')).toEqual({ ok: false, error: 'Enter how many tokens to add (1 or more).' });
    expect(parseTokensToAdd('   ')).toEqual({ ok: false, error: 'Enter how many tokens to add (1 or more).' });
  });

  it('refuses zero and negative amounts', () => {
    for (const raw of ['0', '-5', '-1000', '0.5']) {
      expect(parseTokensToAdd(raw)).toEqual({ ok: false, error: 'Add at least 1 token.' });
    }
  });

  it('refuses what is not a number, quoting it', () => {
    expect(parseTokensToAdd('lots')).toEqual({ ok: false, error: '“lots” is not a number: enter how many tokens to add, such as 1000.' });
    expect(parseTokensToAdd('12abc').ok).toBe(false);
    expect(parseTokensToAdd('Infinity').ok).toBe(false);
  });

  it('refuses what the browser’s number field could not read, though its value is empty', () => {
    expect(parseTokensToAdd('', true)).toEqual({ ok: false, error: 'That is not a number: enter how many tokens to add, such as 1000.' });
  });

  it('refuses fractions and more than the kernel takes at once', () => {
    expect(parseTokensToAdd('1.5')).toEqual({ ok: false, error: 'Tokens are counted whole: enter a whole number, such as 1000.' });
    expect(parseTokensToAdd(String(MAX_TOKENS_TO_ADD + 1))).toEqual({ ok: false, error: 'At most 100,000,000 tokens can be added at a time.' });
  });
});
