/** Argument shapes of the trace, evolution and permission syscalls. */
import * as z from 'zod';

const call = <O extends string, S extends z.ZodRawShape>(op: O, shape: S) => z.strictObject({ op: z.literal(op), ...shape });
const path = z.string().min(1).max(512);
const suggestion = z.string().regex(/^[a-z0-9-]{1,80}$/, 'must be a suggestion id from evolution.suggestions');

export const traceSchemas = {
  'trace.list': call('trace.list', {
    limit: z.number().int().min(1).max(10_000).optional(),
    offset: z.number().int().min(0).optional(),
    kind: z.enum(['run', 'chat', 'agent']).optional(),
    status: z.enum(['ok', 'error', 'cancelled']).optional(),
    skill: z.string().max(64).optional(),
    workflow: z.string().max(200).optional(),
    since: z.number().optional(),
    until: z.number().optional(),
    query: z.string().max(500).optional(),
  }),
  'trace.read': call('trace.read', { path }),
  'trace.verify': call('trace.verify', { path }),
  'trace.replay': call('trace.replay', { path, recorded: z.boolean().optional() }),
  'evolution.mine': call('evolution.mine', { minCount: z.number().int().min(1).max(1000).optional(), minSuccess: z.number().min(0).max(1).optional() }),
  'evolution.suggestions': call('evolution.suggestions', {}),
  'evolution.accept': call('evolution.accept', { id: suggestion, name: z.string().min(1).max(64).optional() }),
  'evolution.reject': call('evolution.reject', { id: suggestion }),
  'permission.answer': call('permission.answer', { id: z.string().regex(/^perm-\d{1,12}$/, 'must be a request id from permission.request'), allow: z.boolean() }),
  'permission.open': call('permission.open', {}),
  'permission.grants': call('permission.grants', {}),
  'permission.revoke': call('permission.revoke', { skill: z.string().min(1).max(64), volume: z.string().min(1).max(200) }),
};
