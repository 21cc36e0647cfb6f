import { WeftError } from '../core';
import type { SkillProblem, SkillProblemCode } from './types';

/** A SkillProblem; `severity` is `error` unless told. */
export function skillProblem(code: SkillProblemCode, field: string | null, line: number | null, message: string, severity: SkillProblem['severity'] = 'error'): SkillProblem {
  return { code, field, line, message, severity };
}

/** Problems in file order (those without a line first), errors before warnings on the same line. */
export function sortProblems(problems: readonly SkillProblem[]): SkillProblem[] {
  const rank = (p: SkillProblem) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || rank(a) - rank(b));
}

/**
 * The `SKILL_PARSE` error for a SKILL.md with problems: the message names the first error and
 * how many there are; `data.problems` holds every problem (warnings included), in file order.
 */
export function skillParseError(problems: readonly SkillProblem[], code: 'SKILL_PARSE' | 'SKILL_IMPORT' = 'SKILL_PARSE'): WeftError {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error');
  const first = errors[0] ?? sorted[0];
  const where = first ? [first.line === null ? null : `line ${first.line}`, first.field].filter(Boolean).join(', ') : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''}; fix them all, they are listed together)` : '';
  const what = first ? `${where ? `${where}: ` : ''}${first.message.replace(/\.$/, '')}` : 'it could not be read';
  const count = `${errors.length || 1} problem${errors.length > 1 ? 's' : ''}`;
  return new WeftError(code, `This SKILL.md has ${count}: ${what}${more}.`, { problems: sorted });
}
