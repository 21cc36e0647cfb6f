/**
 * Run-time validation of syscalls. Whatever arrives over `postMessage` (a console script can
 * send anything) is checked here; a bad request becomes a `SYSCALL_INVALID` error that names
 * the field, and never reaches a handler.
 */
import * as z from 'zod';
import { err, ok, type Result, WeftError } from '../core';
import type { Op, Syscall } from './protocol';
import { agentSchemas } from './agentSchemas';
import { traceSchemas } from './traceSchemas';
import { chatSchemas } from './chatSchemas';
import { runtimeSchemas, workflowRunSchemas } from './runtimeSchemas';
import { volumeSchemas } from './volumeSchemas';

const pid = z.number().int().nonnegative();
const priority = z.number().int().min(0).max(19);
const spanKind = z.enum(['run', 'node', 'llm', 'tool', 'message', 'syscall']);
const program = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sleep'), ms: z.number().int().min(0).max(7 * 24 * 3600 * 1000) }),
]);

const schemas: { readonly [K in Op]: z.ZodType } = {
  'kernel.ping': z.strictObject({ op: z.literal('kernel.ping'), payload: z.unknown().optional() }),
  'kernel.info': z.strictObject({ op: z.literal('kernel.info') }),
  'kernel.panic': z.strictObject({ op: z.literal('kernel.panic'), mode: z.enum(['throw', 'hang', 'hang-in-commit']), at: z.enum(['pack-written', 'head-moved']).optional() }),
  'kernel.recovery': z.strictObject({ op: z.literal('kernel.recovery') }),
  'proc.list': z.strictObject({ op: z.literal('proc.list'), includeTerminated: z.boolean().optional() }),
  'proc.get': z.strictObject({ op: z.literal('proc.get'), pid }),
  'proc.spawn': z.strictObject({
    op: z.literal('proc.spawn'),
    name: z.string().min(1).max(80).optional(),
    program,
    priority: priority.optional(),
    parent: pid.optional(),
  }),
  'proc.kill': z.strictObject({ op: z.literal('proc.kill'), pid, reason: z.string().max(500).optional() }),
  'proc.suspend': z.strictObject({ op: z.literal('proc.suspend'), pid }),
  'proc.resume': z.strictObject({ op: z.literal('proc.resume'), pid }),
  'proc.setPriority': z.strictObject({ op: z.literal('proc.setPriority'), pid, priority }),
  'spans.recent': z.strictObject({
    op: z.literal('spans.recent'),
    limit: z.number().int().min(1).max(10_000).optional(),
    kind: spanKind.optional(),
  }),
  ...volumeSchemas,
  ...runtimeSchemas,
  ...workflowRunSchemas,
  ...chatSchemas,
  ...agentSchemas,
  ...traceSchemas,
};

/** Every op the kernel understands, in protocol order. */
export const OPS = Object.keys(schemas) as Op[];

/** Checks an incoming request; the error names the first bad field and lists every problem. */
export function parseSyscall(raw: unknown): Result<Syscall, WeftError> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return err(invalid('op', `A syscall must be an object like { op: 'proc.list' }, not ${describe(raw)}.`, null));
  }
  const op = (raw as { op?: unknown }).op;
  // hasOwn, not `in`: "toString" or "__proto__" are in every object, and are not ops.
  if (typeof op !== 'string' || !Object.hasOwn(schemas, op)) {
    // JSON.stringify only a string: it throws on a bigint, which postMessage carries.
    const what = op === undefined ? 'has no "op"' : typeof op === 'string' ? `has the unknown op ${JSON.stringify(op)}` : `has an "op" that is ${describe(op)}, not text`;
    return err(invalid('op', `This syscall ${what}. Known ops: ${OPS.join(', ')}.`, typeof op === 'string' ? op : null));
  }
  const parsed = schemas[op as Op].safeParse(raw);
  if (parsed.success) return ok(parsed.data as Syscall);
  const issues = parsed.error.issues.map((issue) => ({ field: fieldOf(issue), message: explain(issue, valueAt(raw, issue.path)) }));
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more: ${issues.slice(1).map((i) => i.field).join(', ')})` : '';
  return err(invalid(first.field, `Syscall ${op}: "${first.field}" ${first.message}${more}. Fix the request and send it again.`, op, issues));
}

function invalid(field: string, message: string, op: string | null, issues?: { field: string; message: string }[]): WeftError {
  return new WeftError('SYSCALL_INVALID', message, { field, op, issues: issues ?? [{ field, message }] });
}

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.join(', ');
  return issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)';
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function explain(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'is not an argument of this op';
    case 'invalid_type':
      return value === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}, not ${describe(value)}`;
    default:
      return `is invalid: ${issue.message}`;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return `a ${typeof value}`;
}
