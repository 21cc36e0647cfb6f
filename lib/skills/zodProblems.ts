import type * as z from 'zod';
import { fieldName, type FieldPath, type Frontmatter } from './readFrontmatter';
import { skillProblem } from './skillProblems';
import { IO_TYPES, RUNTIMES, type SkillProblem, type SkillProblemCode } from './types';

/** zod issues as SkillProblems, each with its dotted field and the file line of its node. */
export function zodProblems(issues: readonly z.core.$ZodIssue[], frontmatter: Frontmatter): SkillProblem[] {
  const out: SkillProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = [...path, key];
        out.push(skillProblem('SKILL_FIELD_INVALID', fieldName(at), frontmatter.lineOf(at), unrecognized(path, key)));
      }
      continue;
    }
    const input = 'input' in issue ? issue.input : undefined;
    const missing = input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union');
    out.push(skillProblem(codeFor(path, missing), fieldName(path), frontmatter.lineOf(path), sentence(messageFor(issue, path, input, missing))));
  }
  return out;
}

function codeFor(path: FieldPath, missing: boolean): SkillProblemCode {
  if (missing) return 'SKILL_FIELD_MISSING';
  if (path.length === 1 && path[0] === 'name') return 'SKILL_NAME_INVALID';
  if (path.length === 1 && path[0] === 'runtime') return 'SKILL_RUNTIME_UNKNOWN';
  return 'SKILL_FIELD_INVALID';
}

function messageFor(issue: z.core.$ZodIssue, path: FieldPath, input: unknown, missing: boolean): string {
  const field = fieldName(path);
  const last = path[path.length - 1];
  if (missing) {
    if (field === 'name') return 'name is missing: add "name: <skill-name>", the same as the skill\'s folder name';
    if (field === 'description') return 'description is missing: add one that says what the skill does and when to use it';
    return `${field} is missing`;
  }
  if (field === 'runtime') return `${describe(input)} is not a Weft runtime; use one of ${RUNTIMES.join(', ')}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return issue.message;
      return `${field} must be ${expected(issue.expected)}, not ${describe(input)}`;
    case 'invalid_value':
      if (last === 'type') return `${describe(input)} is not an I/O type; use one of ${IO_TYPES.join(', ')}`;
      return `${describe(input)} is not allowed for ${field}; use one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union':
      if (field === 'allowed-tools') return `allowed-tools must be a space-separated string or a list of strings, not ${describe(input)}`;
      return `${field} has the wrong form (${describe(input)})`;
    default:
      return issue.message;
  }
}

function unrecognized(path: FieldPath, key: string): string {
  const list = path[0] === 'outputs' ? 'an output' : 'an input';
  if (path[0] === 'outputs' && key === 'required') return 'Only inputs can be required: remove required from this output.';
  return `${key} is not a field of ${list}: use name, type, description, default${path[0] === 'inputs' ? ', required' : ''} (put other details in the description).`;
}

function expected(type: string): string {
  switch (type) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping of "key: value" lines';
    default:
      return `a ${type}`;
  }
}

/** A value as a person would name it in a message. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
