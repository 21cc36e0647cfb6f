import { describe, expect, it } from 'vitest';
import { guessPath } from './guessPath';

describe('guessPath', () => {
  it('finds the file in the messages Weft writes', () => {
    expect(guessPath('Add skill csv-stats')).toBe('skills/csv-stats/SKILL.md');
    expect(guessPath('Delete skill csv-stats')).toBe('skills/csv-stats/SKILL.md');
    expect(guessPath('Promote csv-stats from me: the lab uses it daily')).toBe('skills/csv-stats/SKILL.md');
    expect(guessPath('Update workflow daily-report')).toBe('workflows/daily-report.workflow.json');
    expect(guessPath('Restore skills/a/SKILL.md from 1a2b3c4')).toBe('skills/a/SKILL.md');
    expect(guessPath('Resolve skills/a/SKILL.md: keep both (theirs as skills/a-1a2b3c4/SKILL.md)')).toBe('skills/a/SKILL.md');
  });

  it('says nothing when the message does not name a file', () => {
    expect(guessPath('Merge remote changes')).toBeNull();
    expect(guessPath('Update built-in skills to 0123456789ab')).toBeNull();
  });
});
