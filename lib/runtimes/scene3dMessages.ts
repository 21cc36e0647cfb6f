/**
 * zod issues about a scene3d as sentences that name the field by its path:
 * `scene.objects[2].radius must be a positive number, not -1.`
 */
import type * as z from 'zod';

export type IssuePath = readonly PropertyKey[];

/** The fields allowed at `path` of the (raw) scene, for "not a field" messages; undefined when unknown. */
export type FieldsAt = (path: IssuePath) => readonly string[] | undefined;

/** One issue as one or more sentences (one per unknown key). */
export function issueMessage(issue: z.core.$ZodIssue, name: string, fieldsAt: FieldsAt): string[] {
  const path = issue.path;
  const field = formatPath(name, path);
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = fieldsAt(path);
      const hint = allowed ? `; use ${allowed.join(', ')}` : '';
      return issue.keys.map((key) => `${formatPath(name, [...path, key])} is not a field here${hint}.`);
    }
    case 'invalid_union': {
      if (issue.discriminator !== undefined && issue.errors.length === 0) {
        const key = issue.discriminator;
        const options = 'options' in issue ? (issue.options ?? []) : [];
        const owner = path.at(-1) === key ? path.slice(0, -1) : path;
        const at = formatPath(name, [...owner, key]);
        const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
        const list = options.map(String).join(', ');
        return [given === undefined ? `${at} is missing; use one of ${list}.` : `${at} is ${describeValue(given)}, which is not a kind here; use one of ${list}.`];
      }
      return [`${field} has the wrong form (${describeValue(input)}).`];
    }
    default:
      return [`${field} ${describe(issue, input)}.`];
  }
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'custom' || issue.code === 'invalid_value')) return 'is missing';
  const not = `, not ${describeValue(input)}`;
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${expected(issue.expected)}${not}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} items, but it has ${lengthOf(input)}`;
      if (issue.origin === 'string') return `must not be empty`;
      if (Number(issue.minimum) === 0) return `${issue.inclusive ? 'must be 0 or more' : 'must be a positive number'}${not}`;
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}${not}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${String(issue.maximum)} items, but it has ${lengthOf(input)}`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters long`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}${not}`;
    case 'invalid_value':
      return `is ${describeValue(input)}; use ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`;
    case 'not_multiple_of':
      return `must be a whole number${not}`;
    case 'custom':
      return input === undefined || issue.message.startsWith('is ') || issue.message.includes(', not ') ? issue.message : `${issue.message}${not}`;
    default:
      return issue.message;
  }
}

function expected(type: string): string {
  switch (type) {
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    default:
      return `a ${type}`;
  }
}

const lengthOf = (v: unknown) => (Array.isArray(v) ? v.length : '?');

/** A value as a person would name it in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length <= 4 && value.every((v) => typeof v === 'number') ? `[${value.join(', ')}]` : `a list of ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function formatPath(name: string, path: IssuePath): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), name);
}
