import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime';
import { outcomeLabel, syncSummary } from './syncSummary';
import { volumeBadge, volumePhrase } from './volumeLabel';

const result = (outcome: 'up-to-date' | 'pulled' | 'pushed' | 'merged', received = 0, sent = 0, conflicts = 0) => ({
  outcome,
  received,
  sent,
  conflicts: Array.from({ length: conflicts }, (_, i) => ({ path: `skills/s${i}/SKILL.md`, kind: 'both-changed' as const })),
});

describe('syncSummary', () => {
  it('says what a sync did in one line', () => {
    expect(syncSummary(result('up-to-date'))).toBe('Up to date');
    expect(syncSummary(result('pulled', 3))).toBe('Pulled 3 commits');
    expect(syncSummary(result('pulled', 1))).toBe('Pulled 1 commit');
    expect(syncSummary(result('pushed', 0, 2))).toBe('Pushed 2 commits');
    expect(syncSummary(result('merged', 2, 1, 1))).toBe('Merged: 1 conflict kept side by side');
    expect(syncSummary(result('merged', 2, 1, 3))).toBe('Merged: 3 conflicts kept side by side');
    expect(syncSummary(result('merged', 2, 1))).toBe('Merged: pulled 2 commits, pushed 1');
  });

  it('words the remembered outcome of the last sync', () => {
    expect(outcomeLabel(null)).toBe('never synced');
    expect(outcomeLabel('up-to-date')).toBe('up to date');
  });
});

describe('relativeTime', () => {
  const now = Date.UTC(2025, 5, 15, 12);
  it('reads like a person would say it', () => {
    expect(relativeTime(now - 5_000, now)).toBe('just now');
    expect(relativeTime(now - 90_000, now)).toBe('1 min ago');
    expect(relativeTime(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(relativeTime(now - 26 * 3_600_000, now)).toBe('yesterday');
    expect(relativeTime(now - 4 * 86_400_000, now)).toBe('4 days ago');
  });

  it('never says a moment in the future happened', () => {
    expect(relativeTime(now + 60_000, now)).toBe('just now');
  });
});

describe('volume labels', () => {
  it('names volumes as the skill library shows them', () => {
    expect(volumeBadge('users/me')).toBe('mine');
    expect(volumeBadge('teams/lab')).toBe('lab');
    expect(volumeBadge('system')).toBe('built-in');
    expect(['teams/lab', 'system'].map((v) => volumePhrase(v as 'system')).join(', ')).toBe('Team lab, built-in');
  });
});
