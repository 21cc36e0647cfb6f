import { describe, expect, it } from 'vitest';
import { skillTemplate } from '@/lib/skills';
import { categoryLabel, NEEDS_FIXING, skillFacts } from './skillFacts';

describe('skillFacts', () => {
  it('lists an executable skill under its runtime unless it names a category', () => {
    expect(skillFacts('my-stats', skillTemplate('python', 'my-stats'))).toMatchObject({ category: 'python', runtime: 'python', problems: 0 });
    const withCategory = '---\nname: notes\ndescription: Tidies notes. Use after meetings.\nmetadata:\n  category: Writing\n---\nBody\n';
    expect(skillFacts('notes', withCategory)).toEqual({ description: 'Tidies notes. Use after meetings.', category: 'writing', runtime: null, problems: 0 });
  });

  it('counts the errors of a skill that does not parse, and files it under needs fixing', () => {
    expect(skillFacts('x', '---\nname: x\n---\nNo description\n')).toEqual({ description: null, category: NEEDS_FIXING, runtime: null, problems: 1 });
  });

  it('labels categories for headings', () => {
    expect(categoryLabel('data')).toBe('Data');
    expect(categoryLabel('3d')).toBe('3D');
    expect(categoryLabel('needs fixing')).toBe('Needs fixing');
    expect(categoryLabel('ml')).toBe('ML');
  });
});
