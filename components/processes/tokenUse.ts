/**
 * A process's token budget as the process list and the inspector show it: the numbers, how
 * full the budget is, and a sentence for the tooltip.
 */
import type { Budget } from '@/lib/kernel/protocol';

/** How full a budget is: `warn` past 80 %, `danger` once it is spent. */
export type TokenLevel = 'ok' | 'warn' | 'danger';

/** Past this share of its budget, a process is about to run out. */
export const WARN_SHARE = 0.8;

export interface TokenUse {
  /** Tokens used, grouped: `1,234`. */
  readonly used: string;
  /** Tokens allocated, grouped; null: no limit. */
  readonly allocated: string | null;
  /** Tokens left, grouped; null: no limit. */
  readonly remaining: string | null;
  /** Raw numbers for `data-tokens`: `1234/2000`, or `1234/∞` without a limit. */
  readonly key: string;
  /** Share used, 0–100 (over-spending is drawn full); null without a limit. */
  readonly percent: number | null;
  /** null without a limit. */
  readonly level: TokenLevel | null;
  /** The whole story in one sentence, for a tooltip or a screen reader. */
  readonly summary: string;
}

// Cached: building a formatter per call is slow in a table that re-renders on every event.
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A token count with thousands separators.
 * @example formatTokens(1234) === '1,234'
 */
export function formatTokens(n: number): string {
  return grouped.format(n);
}

/**
 * How much of its token budget a process has used.
 * @example tokenUse({ allocated: 2000, used: 1234, remaining: 766 }).summary === '1,234 of 2,000 tokens used (61 %), 766 left'
 */
export function tokenUse(budget: Budget): TokenUse {
  const { allocated, used } = budget;
  if (allocated === null) {
    return {
      used: formatTokens(used),
      allocated: null,
      remaining: null,
      key: `${used}/∞`,
      percent: null,
      level: null,
      summary: `${formatTokens(used)} ${used === 1 ? 'token' : 'tokens'} used, no limit`,
    };
  }
  // The kernel derives `remaining`; it is recomputed here so an overspent budget reads as 0 left.
  const left = Math.max(0, allocated - used);
  const share = allocated > 0 ? used / allocated : 1;
  const level: TokenLevel = used >= allocated ? 'danger' : share > WARN_SHARE ? 'warn' : 'ok';
  const of = `${formatTokens(used)} of ${formatTokens(allocated)} tokens used`;
  return {
    used: formatTokens(used),
    allocated: formatTokens(allocated),
    remaining: formatTokens(left),
    key: `${used}/${allocated}`,
    percent: Math.min(100, share * 100),
    level,
    summary:
      used > allocated
        ? `${of}: ${formatTokens(used - allocated)} over budget`
        : used === allocated
          ? `${of}: the budget is spent`
          : `${of} (${Math.floor(share * 100)} %), ${formatTokens(left)} left`,
  };
}
