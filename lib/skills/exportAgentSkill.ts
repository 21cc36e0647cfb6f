import { err, ok, type Result, type WeftError } from '../core';
import { skillParseError, skillProblem } from './skillProblems';
import { nameProblem } from './skillName';
import { specLimitProblems } from './specLimits';
import type { Skill, SkillProblem } from './types';
import { writeFrontmatter } from './writeFrontmatter';

/**
 * A strict Agent Skills SKILL.md for use outside Weft: only name, description, license,
 * compatibility, metadata and allowed-tools. An executable skill's Weft fields travel in
 * `metadata` as strings (`weft-runtime`, `weft-inputs` as JSON, …); the body (and its code
 * block) is unchanged. Refused, with every reason, when the skill breaks the stricter rules
 * (a description with `<` or `>`, a tool name with a space…).
 */
export function exportAgentSkill(skill: Skill): Result<string, WeftError> {
  const problems = strictProblems(skill);
  if (problems.length > 0) return err(skillParseError(problems));
  const metadata: Record<string, string> = { ...skill.metadata };
  if (skill.kind === 'executable') {
    metadata['weft-runtime'] = skill.runtime;
    if (skill.inputs.length > 0) metadata['weft-inputs'] = JSON.stringify(skill.inputs);
    if (skill.outputs.length > 0) metadata['weft-outputs'] = JSON.stringify(skill.outputs);
    if (skill.permissions.length > 0) metadata['weft-permissions'] = skill.permissions.join(' ');
    if (skill.timeoutMs !== undefined) metadata['weft-timeout-ms'] = String(skill.timeoutMs);
    if (skill.version !== undefined) metadata['weft-version'] = skill.version;
  }
  return ok(
    writeFrontmatter(
      {
        name: skill.name,
        description: skill.description,
        license: skill.license,
        compatibility: skill.compatibility,
        metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
        'allowed-tools': skill.allowedTools && skill.allowedTools.length > 0 ? skill.allowedTools.join(' ') : undefined,
      },
      skill.body,
    ),
  );
}

function strictProblems(skill: Skill): SkillProblem[] {
  const out: SkillProblem[] = [];
  const bad = (field: string, message: string) => out.push(skillProblem('SKILL_FIELD_INVALID', field, null, message));
  const name = nameProblem(skill.name);
  if (name) out.push(skillProblem('SKILL_NAME_INVALID', 'name', null, `The name "${skill.name}" is not allowed in an Agent Skill: ${name}.`));
  if (skill.description.trim().length === 0) bad('description', "An Agent Skill's description may not be empty: say what the skill does and when to use it.");
  out.push(...specLimitProblems({ description: skill.description, compatibility: skill.compatibility }, 'error'));
  if (/[<>]/.test(skill.description)) bad('description', 'An Agent Skill\'s description may not contain "<" or ">": reword it (for example "less than") and export again.');
  if (skill.compatibility?.trim() === '') bad('compatibility', 'compatibility may not be empty in an Agent Skill: remove it or say what the skill needs.');
  if (skill.allowedTools?.some((t) => t === '' || /\s/.test(t))) bad('allowed-tools', 'allowed-tools is written as one space-separated line in an Agent Skill, so a tool name may not contain spaces.');
  return out;
}
