/**
 * The Agent Skills format's length limits. Weft reads liberally — a published skill whose
 * description runs past 1024 characters is read with a warning — and writes strictly: "Export as
 * Agent Skills" refuses it with the same message as an error.
 */
import type { FieldPath } from './readFrontmatter';
import { skillProblem } from './skillProblems';
import type { SkillProblem } from './types';

export const SPEC_LIMITS = { description: 1024, compatibility: 500 } as const;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A problem for each field longer than the format allows: a warning while reading, an error
 * for the strict export. Lengths count the trimmed text, in characters.
 */
export function specLimitProblems(fields: Readonly<Record<string, unknown>>, severity: SkillProblem['severity'], lineOf: (path: FieldPath) => number | null = () => null): SkillProblem[] {
  const out: SkillProblem[] = [];
  for (const field of ['description', 'compatibility'] as const) {
    const value = fields[field];
    if (typeof value !== 'string') continue;
    const length = value.trim().length;
    const limit = SPEC_LIMITS[field];
    if (length <= limit) continue;
    const what = `The ${field} is ${count(length)} characters, ${count(length - limit)} over the Agent Skills limit of ${count(limit)}`;
    const then = severity === 'warning' ? ': Weft keeps it as it is, but shorten it before "Export as Agent Skills", which keeps to the limit.' : ': shorten it and export again.';
    out.push(skillProblem('SKILL_FIELD_TOO_LONG', field, lineOf([field]), `${what}${then}`, severity));
  }
  return out;
}
