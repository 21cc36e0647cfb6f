/** Argument shapes of the runtime syscalls (`runtime.*`, `skill.run`). Values of inputs are checked by the runtimes. */
import * as z from 'zod';
import { JS_ENGINES, RUNTIME_KINDS, TENSOR_BACKENDS } from '../runtimes';

const call = <O extends string, S extends z.ZodRawShape>(op: O, shape: S) => z.strictObject({ op: z.literal(op), ...shape });
const runtime = z.enum(RUNTIME_KINDS);
const run = {
  inputs: z.record(z.string().max(200), z.unknown()).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  timeoutMs: z.number().int().min(1).max(24 * 3600 * 1000).optional(),
  tag: z.string().max(200).optional(),
};

export const runtimeSchemas = {
  'runtime.list': call('runtime.list', {}),
  'runtime.warm': call('runtime.warm', { runtime }),
  'runtime.run': call('runtime.run', { runtime, code: z.string().max(1_000_000), permissions: z.array(z.string().max(100)).max(50).optional(), engine: z.enum(JS_ENGINES).optional(), ...run }),
  'skill.run': call('skill.run', { name: z.string().max(200), volume: z.string().max(200).optional(), ...run }),
  'runtime.setTensorBackend': call('runtime.setTensorBackend', { backend: z.enum(['auto', ...TENSOR_BACKENDS]) }),
  'runtime.setPythonMemory': call('runtime.setPythonMemory', { mb: z.number().int().min(0).max(4096) }),
};

const nodeIds = z.array(z.string().max(64)).max(20_000);

/** Workflow shapes are checked by `parseWorkflow` (every problem, with paths); here only the envelope. */
export const workflowRunSchemas = {
  'workflow.check': call('workflow.check', { workflow: z.unknown() }),
  'workflow.simulate': call('workflow.simulate', { workflow: z.unknown(), seed: run.seed }),
  'workflow.run': call('workflow.run', {
    workflow: z.unknown(),
    seed: run.seed,
    only: nodeIds.optional(),
    force: nodeIds.optional(),
    concurrency: z.number().int().min(1).max(64).optional(),
    tag: run.tag,
  }),
  'workflow.cancelNode': call('workflow.cancelNode', { runId: z.string().max(200), nodeId: z.string().max(64) }),
};
