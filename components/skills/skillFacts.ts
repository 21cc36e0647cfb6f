/**
 * What the library shows of a skill besides its name: its description, the category it is
 * listed under (the same rule as search: `metadata.category`, else its runtime), its runtime,
 * and how many problems keep it from being used.
 */
import { parseSkill, type Runtime, skillCategory, type SkillProblem } from '@/lib/skills';

export interface SkillFacts {
  readonly description: string | null;
  /** Lower case, as search hits carry it; `needs fixing` for a skill that does not parse. */
  readonly category: string;
  readonly runtime: Runtime | null;
  /** Errors that keep the skill from being used (it was saved anyway); 0 when valid. */
  readonly problems: number;
}

export const NEEDS_FIXING = 'needs fixing';

export function skillFacts(name: string, content: string): SkillFacts {
  const parsed = parseSkill(content, { folder: name });
  if (!parsed.ok) {
    const problems = (parsed.error.data.problems as readonly SkillProblem[] | undefined) ?? [];
    return { description: null, category: NEEDS_FIXING, runtime: null, problems: Math.max(1, problems.filter((p) => p.severity === 'error').length) };
  }
  const { skill } = parsed.value;
  return { description: skill.description, category: skillCategory(skill), runtime: skill.kind === 'executable' ? skill.runtime : null, problems: 0 };
}

const UPPER = new Set(['3d', '2d', 'ai', 'ml', 'io', 'pdf', 'csv', 'sql', 'llm', 'api', 'ui']);

/** `data` → `Data`, `ml` → `ML`, `needs fixing` → `Needs fixing`: how a category heads its group. */
export function categoryLabel(category: string): string {
  return category
    .split(' ')
    .map((word, i) => (UPPER.has(word) ? word.toUpperCase() : i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}
