/** Argument shapes of the agent, bus and budget syscalls (`agent.*`, `bus.*`, `proc.addBudget`, `workflow.draft`). */
import * as z from 'zod';

const call = <O extends string, S extends z.ZodRawShape>(op: O, shape: S) => z.strictObject({ op: z.literal(op), ...shape });
const pid = z.number().int().nonnegative();
const region = z.string().regex(/^[a-zA-Z0-9][\w.-]{0,63}$/, 'must be 1–64 letters, digits, _ . or -');
/** A budget is a positive number of tokens; leave it out for unlimited. */
const tokens = z.number().int().min(1, 'must be at least 1 token (leave the budget out for no limit)').max(100_000_000);

export const agentSchemas = {
  'proc.addBudget': call('proc.addBudget', { pid, tokens }),
  'agent.spawn': call('agent.spawn', {
    task: z.string().min(1).max(200_000),
    name: z.string().min(1).max(80).optional(),
    system: z.string().max(100_000).optional(),
    providerId: z.string().max(64).optional(),
    model: z.string().min(1).max(200).optional(),
    skills: z.array(z.string().min(1).max(64)).max(64).optional(),
    budget: tokens.optional(),
    priority: z.number().int().min(0).max(19).optional(),
    capabilities: z.array(z.string().max(40)).max(16).optional(),
    parent: pid.optional(),
    inheritContext: z.boolean().optional(),
  }),
  'agent.wait': call('agent.wait', { pid, timeoutMs: z.number().int().min(0).max(3_600_000).optional() }),
  'bus.send': call('bus.send', { to: pid, body: z.unknown(), topic: z.string().min(1).max(64).optional() }),
  'bus.receive': call('bus.receive', { timeoutMs: z.number().int().min(0).max(600_000), from: pid.optional(), topic: z.string().min(1).max(64).optional() }),
  'bus.broadcast': call('bus.broadcast', { body: z.unknown(), topic: z.string().min(1).max(64).optional() }),
  'bus.readContext': call('bus.readContext', { region }),
  'bus.writeContext': call('bus.writeContext', { region, key: z.string().min(1).max(128), value: z.unknown().optional() }),
  'workflow.draft': call('workflow.draft', { description: z.string().min(1).max(20_000), providerId: z.string().max(64).optional() }),
};
