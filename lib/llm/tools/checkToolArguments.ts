import { err, ok, type Result, WeftError } from '../../core';
import type { ExecutableSkill } from '../../skills';
import type { ToolSpec } from '../types';
import { checkSchema } from './checkSchema';
import { toolSpecOf } from './toolSpecOf';

/**
 * Checks a model's tool-call arguments against the tool's schema: unknown arguments, wrong
 * types and missing required ones give `LLM_TOOL` with a message meant for the model to read
 * and correct its call. Missing optional arguments are left out (the skill's defaults apply).
 */
export function checkArgumentsFor(spec: ToolSpec, args: unknown): Result<Record<string, unknown>> {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    return err(new WeftError('LLM_TOOL', `The arguments of ${spec.name} must be a JSON object of named inputs, not ${JSON.stringify(args) ?? 'nothing'}.`, { tool: spec.name }));
  }
  const problem = checkSchema(args, spec.parameters);
  if (problem) return err(new WeftError('LLM_TOOL', `Invalid arguments for ${spec.name}: ${problem.replaceAll('$.', '')}`, { tool: spec.name, problem }));
  return ok(args as Record<string, unknown>);
}

/**
 * `checkArgumentsFor` on the tool spec of an executable skill.
 * @example checkToolArguments(csvStats, { decimals: 'two' }) // error: decimals must be a number…
 */
export function checkToolArguments(skill: ExecutableSkill, args: unknown): Result<Record<string, unknown>> {
  return checkArgumentsFor(toolSpecOf(skill), args);
}
