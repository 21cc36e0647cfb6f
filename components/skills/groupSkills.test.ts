import { describe, expect, it } from 'vitest';
import type { SkillEntry } from '@/lib/kernel/protocol';
import type { VolumeId } from '@/lib/volumes';
import { groupSkills } from './groupSkills';
import type { SkillFacts } from './skillFacts';

const entry = (name: string, volume: string): SkillEntry => ({ name, volume: volume as VolumeId, shadows: [] });
const facts = (category: string): SkillFacts => ({ description: null, category, runtime: null, problems: 0 });

describe('groupSkills', () => {
  it('lists your volume, then teams by name, then built-in, each by category and name', () => {
    const groups = groupSkills(
      [entry('plot', 'system'), entry('zeta', 'users/me'), entry('csv', 'teams/lab'), entry('alpha', 'users/me'), entry('beta', 'teams/art'), entry('fft', 'system')],
      new Map([
        ['plot', facts('visualisation')],
        ['fft', facts('math')],
        ['zeta', facts('data')],
        ['alpha', facts('data')],
      ]),
    );
    expect(groups.map((g) => [g.label, g.count])).toEqual([
      ['Mine', 2],
      ['Team art', 1],
      ['Team lab', 1],
      ['Built-in', 2],
    ]);
    expect(groups[0]!.categories.map((c) => [c.category, c.skills.map((s) => s.name)])).toEqual([['data', ['alpha', 'zeta']]]);
    expect(groups[3]!.categories.map((c) => c.category)).toEqual(['math', 'visualisation']);
  });

  it('puts skills that need fixing first and skills not yet read last', () => {
    const [mine] = groupSkills([entry('a', 'users/me'), entry('b', 'users/me'), entry('c', 'users/me')], new Map([['b', facts('needs fixing')], ['c', facts('data')]]));
    expect(mine!.categories.map((c) => c.category)).toEqual(['needs fixing', 'data', null]);
  });
});
