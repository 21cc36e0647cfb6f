/**
 * Checks a SKILL.md as the kernel will on save (`parseSkill` with the folder name), and
 * returns every problem, errors and warnings, in file order.
 */
import { parseSkill, type Skill, type SkillProblem } from '@/lib/skills';

export interface SkillCheck {
  readonly problems: readonly SkillProblem[];
  /** How many problems are errors (which stop a save). */
  readonly errors: number;
  /** The skill, when it parses. */
  readonly skill: Skill | null;
}

export function checkSkill(content: string, folder: string | null): SkillCheck {
  const parsed = parseSkill(content, folder ? { folder } : {});
  const problems = parsed.ok ? parsed.value.warnings : problemsOf(parsed.error.data);
  return { problems, errors: problems.filter((p) => p.severity === 'error').length || (parsed.ok ? 0 : 1), skill: parsed.ok ? parsed.value.skill : null };
}

/** The problems a `SKILL_PARSE` error (from the parser or the kernel) lists. */
export function problemsOf(data: Readonly<Record<string, unknown>>): readonly SkillProblem[] {
  const list = data.problems;
  return Array.isArray(list) ? (list as SkillProblem[]).slice().sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) : [];
}
