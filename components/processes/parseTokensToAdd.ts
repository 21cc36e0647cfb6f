/** What the add-budget form accepts: a whole number of tokens the kernel will take. */
import { err, ok, type Result } from '@/lib/core';
import { formatTokens } from './tokenUse';

/** The most `proc.addBudget` takes in one call (its argument schema says the same). */
export const MAX_TOKENS_TO_ADD = 100_000_000;

/** What the form suggests: about one more model call with a short answer. */
export const DEFAULT_TOKENS_TO_ADD = 1000;

/**
 * Reads the "Tokens to add" field. Grouping commas, underscores and spaces are allowed
 * (`1,000`); the error is a sentence to show under the field. `badInput`: the browser's number
 * field held text it could not read as a number (its value is then '').
 * @example parseTokensToAdd('1,000') → ok(1000); parseTokensToAdd('0') → err('Add at least 1 token.')
 */
export function parseTokensToAdd(raw: string, badInput = false): Result<number, string> {
  if (badInput) return err('That is not a number: enter how many tokens to add, such as 1000.');
  const text = raw.trim().replace(/[,_\s]/g, '');
  if (text === '') return err('Enter how many tokens to add (1 or more).');
  const n = Number(text);
  if (!Number.isFinite(n)) return err(`“${raw.trim()}” is not a number: enter how many tokens to add, such as 1000.`);
  if (n < 1) return err('Add at least 1 token.');
  if (!Number.isInteger(n)) return err('Tokens are counted whole: enter a whole number, such as 1000.');
  if (n > MAX_TOKENS_TO_ADD) return err(`At most ${formatTokens(MAX_TOKENS_TO_ADD)} tokens can be added at a time.`);
  return ok(n);
}
