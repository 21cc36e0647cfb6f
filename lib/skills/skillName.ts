import { asSkillName, err, ok, type Result, type SkillName, WeftError } from '../core';

/**
 * Checks a skill name against the Agent Skills rules: 1–64 characters of `a-z 0-9 -`, no
 * leading, trailing or doubled `-`. The message says exactly what is wrong.
 * @example parseSkillName('csv-stats').ok === true; parseSkillName('CSV_stats').ok === false
 */
export function parseSkillName(name: unknown): Result<SkillName, WeftError> {
  const problem = nameProblem(name);
  if (problem === null) return ok(asSkillName(name as string));
  return err(new WeftError('SKILL_NAME_INVALID', `${JSON.stringify(name)} is not a valid skill name: ${problem}. Use 1–64 lowercase letters, digits and single hyphens, like "csv-stats".`, { name, problem }));
}

/** What is wrong with a name under the Agent Skills naming rule, or null if nothing. */
export function nameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'it must be text';
  if (name.length === 0) return 'it is empty';
  if (name.length > 64) return `it is ${name.length} characters long (at most 64)`;
  const bad = name.match(/[^a-z0-9-]/);
  if (bad) return `it contains ${JSON.stringify(bad[0])} (only a-z, 0-9 and - are allowed)`;
  if (name.startsWith('-') || name.endsWith('-')) return 'it starts or ends with "-"';
  if (name.includes('--')) return 'it contains "--"';
  return null;
}
