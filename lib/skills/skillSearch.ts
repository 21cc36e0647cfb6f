import type { Skill } from './types';

/**
 * The category a skill is listed and searched under: `metadata.category` (lower case) if set,
 * else its runtime, else `context`.
 * @example skillCategory(csvStats) === 'data'
 */
export function skillCategory(skill: Skill): string {
  const category = skill.metadata?.category?.trim().toLowerCase();
  if (category) return category;
  return skill.kind === 'executable' ? skill.runtime : 'context';
}

/** The comma-separated `metadata.tags` of a skill, lower case. */
export function skillTags(skill: Skill): string[] {
  return (skill.metadata?.tags ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
}

/**
 * Search keywords of a skill: the comma-separated `metadata.tags` (lower case), then the names
 * of its inputs and outputs; no repeats.
 * @example skillKeywords(csvStats) → ['csv', 'statistics', 'rows', 'mean']
 */
export function skillKeywords(skill: Skill): string[] {
  const tags = skillTags(skill);
  const io = skill.kind === 'executable' ? [...skill.inputs, ...skill.outputs].map((s) => s.name) : [];
  return [...new Set([...tags, ...io].filter(Boolean))];
}
