import { describe, expect, it } from 'vitest';
import { skillDescription, skillTemplate } from './skillTemplate';

describe('skillTemplate', () => {
  it('starts a SKILL.md with the name in its front matter', () => {
    expect(skillTemplate('csv-stats')).toMatch(/^---\nname: csv-stats\ndescription: .+\n---\n\n/);
  });

  it('reads the description back from the front matter', () => {
    expect(skillDescription(skillTemplate('x'))).toBe('What this skill does, and when to use it.');
    expect(skillDescription('---\nname: a\ndescription: "Sums columns"\n---\nbody')).toBe('Sums columns');
    expect(skillDescription('# no front matter\ndescription: nope')).toBeNull();
  });
});
