import { err, ok, type Result } from '../core';
import { skillProblem } from './skillProblems';
import type { SkillProblem } from './types';

/** A SKILL.md cut into its YAML frontmatter and Markdown body, with where each starts. */
export interface SkillParts {
  readonly yaml: string;
  /** 1-based file line of the frontmatter's first YAML line (the line after the opening `---`). */
  readonly yamlLine: number;
  /** Everything after the closing `---` line, unchanged. */
  readonly body: string;
  /** 1-based file line where the body starts. */
  readonly bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

/** Splits LF-normalised SKILL.md text at its `---` fences; a missing or unclosed frontmatter is a problem. */
export function splitFrontmatter(text: string): Result<SkillParts, SkillProblem> {
  const firstEnd = text.indexOf('\n');
  const first = firstEnd < 0 ? text : text.slice(0, firstEnd);
  if (!FENCE.test(first)) {
    return err(skillProblem('SKILL_FRONTMATTER_MISSING', null, 1, 'A SKILL.md must start with a line of "---", then YAML frontmatter with at least name and description, then another "---" line.'));
  }
  let start = firstEnd + 1;
  let line = 2;
  while (firstEnd >= 0 && start <= text.length) {
    const end = text.indexOf('\n', start);
    const current = end < 0 ? text.slice(start) : text.slice(start, end);
    if (FENCE.test(current)) {
      return ok({ yaml: text.slice(firstEnd + 1, start), yamlLine: 2, body: end < 0 ? '' : text.slice(end + 1), bodyLine: line + 1 });
    }
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  return err(skillProblem('SKILL_FRONTMATTER_MISSING', null, 1, 'The frontmatter that opens on line 1 is never closed: add a line of "---" after its last field.'));
}
