import { describe, expect, it } from 'vitest';
import { copyName, frontmatterName, withName } from './skillText';

const SKILL = '---\n# the name\nname: "csv-stats"\ndescription: Sums. name: not this\n---\n\nname: nor this\n';

describe('skill text edits', () => {
  it('reads the name from the front matter only', () => {
    expect(frontmatterName(SKILL)).toBe('csv-stats');
    expect(frontmatterName('name: x\n')).toBeNull();
    expect(frontmatterName('---\ndescription: d\n---\n')).toBeNull();
  });

  it('rewrites the name line and keeps the rest as written', () => {
    expect(withName(SKILL, 'csv-totals')).toBe('---\n# the name\nname: csv-totals\ndescription: Sums. name: not this\n---\n\nname: nor this\n');
  });

  it('adds a name when the front matter has none, and leaves text without front matter alone', () => {
    expect(withName('---\ndescription: d\n---\nbody', 'a')).toBe('---\nname: a\ndescription: d\n---\nbody');
    expect(withName('# just markdown', 'a')).toBe('# just markdown');
  });

  it('finds a free name for a copy', () => {
    expect(copyName('csv-stats', new Set(['csv-stats']))).toBe('csv-stats-copy');
    expect(copyName('csv-stats', new Set(['csv-stats-copy', 'csv-stats-copy-2']))).toBe('csv-stats-copy-3');
  });
});
