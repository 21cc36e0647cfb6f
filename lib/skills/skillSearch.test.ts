import { describe, expect, it } from 'vitest';
import { unwrap } from '../core';
import { parseSkill } from './parseSkill';
import { skillCategory, skillKeywords } from './skillSearch';
import { skillTemplate } from './skillTemplate';

describe('skillCategory and skillKeywords', () => {
  it('take the category from metadata, else the runtime, else "context"', () => {
    const tagged = unwrap(parseSkill('---\nname: a\ndescription: d\nmetadata:\n  category: " Data "\n  tags: CSV, statistics,, csv\n---\n')).skill;
    expect(skillCategory(tagged)).toBe('data');
    expect(skillKeywords(tagged)).toEqual(['csv', 'statistics']);
    expect(skillCategory(unwrap(parseSkill(skillTemplate('context', 'b'))).skill)).toBe('context');
    expect(skillCategory(unwrap(parseSkill(skillTemplate('spice', 'c'))).skill)).toBe('spice');
  });

  it('add the names of inputs and outputs to the tags', () => {
    const text = skillTemplate('python', 'stats').replace('runtime: python', 'metadata:\n  tags: statistics, mean\nruntime: python');
    expect(skillKeywords(unwrap(parseSkill(text)).skill)).toEqual(['statistics', 'mean', 'values', 'count', 'stdev']);
  });
});
