/**
 * One line saying what a sync did: `Up to date`, `Pulled 3 commits`, `Pushed 2 commits`,
 * `Merged: 1 conflict kept side by side`.
 */
import type { SyncResult } from '@/lib/volumes';

export function syncSummary(result: Pick<SyncResult, 'outcome' | 'received' | 'sent' | 'conflicts'>): string {
  const commits = (n: number) => `${n} ${n === 1 ? 'commit' : 'commits'}`;
  switch (result.outcome) {
    case 'up-to-date':
      return 'Up to date';
    case 'pulled':
      return `Pulled ${commits(result.received)}`;
    case 'pushed':
      return `Pushed ${commits(result.sent)}`;
    case 'merged': {
      const n = result.conflicts.length;
      if (n > 0) return `Merged: ${n} ${n === 1 ? 'conflict' : 'conflicts'} kept side by side`;
      return `Merged: pulled ${commits(result.received)}, pushed ${result.sent}`;
    }
  }
}

/** The remembered outcome of the last sync (`RemoteConfig.lastOutcome`), in words. */
export function outcomeLabel(outcome: string | null): string {
  switch (outcome) {
    case null:
      return 'never synced';
    case 'up-to-date':
      return 'up to date';
    case 'pulled':
      return 'pulled changes';
    case 'pushed':
      return 'pushed changes';
    case 'merged':
      return 'merged';
    default:
      return outcome;
  }
}
