/** Where things live inside a volume (DESIGN.md section 4). */
import { err, ok, type Result, type SkillName, type TraceId, WeftError } from '../core';
import { nameProblem } from '../skills/skillName';

export const skillPath = (name: SkillName) => `skills/${name}/SKILL.md`;
export const workflowPath = (name: string) => `workflows/${name}.workflow.json`;

/** `traces/<yyyy>/<mm>/<traceId>.json`, by the (UTC) month the trace started. */
export function tracePath(traceId: TraceId, startMs: number): string {
  const d = new Date(startMs);
  return `traces/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${traceId}.json`;
}

/** Workflow names follow the skill naming rule, so their files are safe everywhere. */
export function parseWorkflowName(name: unknown): Result<string, WeftError> {
  const problem = nameProblem(name);
  if (problem === null) return ok(name as string);
  return err(new WeftError('WORKFLOW_NAME_INVALID', `${JSON.stringify(name)} is not a valid workflow name: ${problem}. Use 1–64 lowercase letters, digits and single hyphens, like "daily-report".`, { name, problem }));
}
