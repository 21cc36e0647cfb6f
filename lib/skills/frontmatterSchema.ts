/**
 * The zod schema of SKILL.md frontmatter. Messages for rules are written here; messages for
 * wrong types and unknown keys are written where issues become SkillProblems (zodProblems.ts).
 */
import * as z from 'zod';
import { nameProblem } from './skillName';
import { IO_TYPES, RUNTIMES } from './types';

/** Frontmatter keys of every skill, in the order SKILL.md files are written. */
export const META_KEYS = ['name', 'description', 'license', 'compatibility', 'metadata', 'allowed-tools'] as const;
/** Keys only an executable skill has (after `runtime`). */
export const EXECUTABLE_KEYS = ['runtime', 'inputs', 'outputs', 'permissions', 'timeout_ms', 'version'] as const;
/** Every key Weft reads, in writing order. */
export const SKILL_KEYS: readonly string[] = [...META_KEYS, ...EXECUTABLE_KEYS];

/** Input and output names: usable as identifiers in every runtime (`inputs.rows`, `inputs['rows']`). */
export const IO_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const ioName = z.string().regex(IO_NAME, { error: (iss) => `${JSON.stringify(iss.input)} is not a usable name: use letters, digits and _ (not starting with a digit), like "max_rows"` });

const ioFields = {
  name: ioName,
  type: z.enum(IO_TYPES),
  description: z.string().optional(),
  default: z.unknown().optional(),
};

const defaultMatchesType = (spec: { type: string; default?: unknown }, ctx: z.RefinementCtx) => {
  if (spec.default === undefined || spec.default === null) return;
  const expected = spec.type === 'number' || spec.type === 'string' || spec.type === 'boolean' ? spec.type : null;
  if (expected && typeof spec.default !== expected) {
    ctx.addIssue({ code: 'custom', path: ['default'], input: spec.default, message: `The default ${JSON.stringify(spec.default)} is not a ${expected}, but the type is ${expected}` });
  }
};

/** One input: name, type, and optional description, default and required. */
export const inputSchema = z.strictObject({ ...ioFields, required: z.boolean().optional() }).superRefine(defaultMatchesType);
/** One output: like an input, without required. */
export const outputSchema = z.strictObject(ioFields).superRefine(defaultMatchesType);

/** Lengths past the Agent Skills limits are warnings, not schema errors (specLimits.ts). */
const metaFields = {
  name: z.string().superRefine((name, ctx) => {
    const problem = nameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', input: name, message: `${JSON.stringify(name)} is not a valid skill name: ${problem}. Use 1–64 lowercase letters, digits and single hyphens, like "csv-stats"` });
  }),
  description: z
    .string()
    .trim()
    .min(1, { error: 'The description is empty: say what the skill does and when to use it' }),
  license: z.string().optional(),
  compatibility: z
    .string()
    .min(1, { error: 'compatibility is empty: remove it or say what the skill needs' })
    .optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  'allowed-tools': z.union([z.string(), z.array(z.string())]).optional(),
};

/** The frontmatter of a context skill (Agent Skills fields only). */
export const contextSchema = z.object(metaFields);

/** The frontmatter of an executable skill: the Agent Skills fields plus runtime, I/O and limits. */
export const executableSchema = z.object({
  ...metaFields,
  runtime: z.enum(RUNTIMES),
  inputs: z.array(inputSchema).optional(),
  outputs: z.array(outputSchema).optional(),
  permissions: z.array(z.string()).optional(),
  timeout_ms: z.number().int({ error: (iss) => `timeout_ms must be a whole number of milliseconds, not ${String(iss.input)}` }).positive({ error: 'timeout_ms must be more than 0' }).optional(),
  version: z.string().optional(),
});

/** Checked frontmatter of a context skill. */
export type ContextFields = z.output<typeof contextSchema>;
/** Checked frontmatter of an executable skill. */
export type ExecutableFields = z.output<typeof executableSchema>;
