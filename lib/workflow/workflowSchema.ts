/**
 * The zod schema of a workflow file (`workflows/<name>.workflow.json`). Strict objects, so a
 * misspelt field is reported instead of silently ignored. Graph rules that zod cannot see
 * (unique node ids, edges between existing nodes) are checked in `structureProblems`.
 */
import * as z from 'zod';

/** Node ids: 1–64 of `a-z A-Z 0-9 _ -`. */
export const NODE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Port (input/output) names, as skills declare them. */
export const PORT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SKILL_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const nodeId = z
  .string()
  .regex(NODE_ID, { error: (iss) => `${JSON.stringify(iss.input)} is not a usable node id: use 1–64 letters, digits, _ and -, like "load-data"` })
  .refine((id) => id !== '__proto__', { error: '"__proto__" cannot be a node id' });
const port = (what: string) =>
  z.string().regex(PORT_NAME, { error: (iss) => `${JSON.stringify(iss.input)} is not a usable ${what} name: use letters, digits and _ (not starting with a digit)` });
const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });

/** A JSON value (what params may hold). */
const json: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), finite, z.boolean(), z.null(), z.array(json), z.record(z.string(), json)]));

export const nodeSchema = z.strictObject({
  id: nodeId,
  skill: z.string().max(64).regex(SKILL_NAME, { error: (iss) => `${JSON.stringify(iss.input)} is not a skill name: use lowercase letters, digits and single hyphens, like "csv-stats"` }),
  params: z.record(z.string(), json),
  position: z.strictObject({ x: finite, y: finite }),
  label: z.string().max(200).optional(),
  timeoutMs: z.number().int().positive().max(86_400_000).optional(),
  retry: z.strictObject({ count: z.number().int().min(0).max(10), backoffMs: z.number().int().min(0).max(3_600_000) }).optional(),
});

export const edgeSchema = z.strictObject({
  from: z.strictObject({ node: nodeId, output: port('output') }),
  to: z.strictObject({ node: nodeId, input: port('input') }),
});

export const workflowSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1: this version of Weft reads version 1 workflow files' }),
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  description: z.string().max(4096).optional(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
});

/** The fields of each object, in the order `serializeWorkflow` writes them. */
export const FIELD_ORDER = {
  workflow: ['version', 'id', 'name', 'description', 'nodes', 'edges'],
  node: ['id', 'skill', 'label', 'params', 'position', 'timeoutMs', 'retry'],
} as const;
