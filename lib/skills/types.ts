/**
 * The skill model (DESIGN.md section 3). A skill is `skills/<name>/SKILL.md`: YAML frontmatter
 * plus a Markdown body. A context skill is guidance for the model; an executable skill also
 * declares a runtime, typed inputs and outputs, and holds its code in exactly one fenced block
 * that defines `execute(inputs)`.
 */
import type { SkillName } from '../core';

export const RUNTIMES = ['python', 'javascript', 'tensor', 'three', 'spice', 'workflow', 'agent'] as const;
export type Runtime = (typeof RUNTIMES)[number];

export const IO_TYPES = ['number', 'string', 'boolean', 'json', 'table', 'tensor', 'image', 'plot', 'scene3d', 'circuit', 'any'] as const;
export type IoType = (typeof IO_TYPES)[number];

/** One input or output of an executable skill. */
export interface IoSpec {
  readonly name: string;
  readonly type: IoType;
  readonly description?: string;
  readonly default?: unknown;
  /** Inputs only: must be bound when the skill runs (default: true when there is no default). */
  readonly required?: boolean;
}

/** The Agent Skills fields every skill has (the YAML key of `allowedTools` is `allowed-tools`). */
export interface SkillMeta {
  readonly name: SkillName;
  readonly description: string;
  readonly license?: string;
  readonly compatibility?: string;
  /** String-to-string map; Weft reads `category` and `tags` (comma-separated) from it. */
  readonly metadata?: Readonly<Record<string, string>>;
  readonly allowedTools?: readonly string[];
}

export interface ContextSkill extends SkillMeta {
  readonly kind: 'context';
  /** The Markdown instructions. */
  readonly body: string;
}

/** The one fenced code block of an executable skill. */
export interface SkillCode {
  /** The fence's info string: `python`, `javascript`, `js`, `spice`… */
  readonly language: string;
  readonly source: string;
  /** 1-based line of the opening fence in SKILL.md. */
  readonly line: number;
}

export interface ExecutableSkill extends SkillMeta {
  readonly kind: 'executable';
  readonly runtime: Runtime;
  readonly inputs: readonly IoSpec[];
  readonly outputs: readonly IoSpec[];
  /** Capabilities the code needs (`network`, …). */
  readonly permissions: readonly string[];
  readonly timeoutMs?: number;
  readonly version?: string;
  /** The whole Markdown body, code block included: the source of truth (serializeSkill writes it). */
  readonly body: string;
  /** Read from `body` by the parser. Editing it does not change the skill: edit `body`. */
  readonly code: SkillCode;
}

export type Skill = ContextSkill | ExecutableSkill;

export const SKILL_PROBLEM_CODES = [
  'SKILL_FRONTMATTER_MISSING',
  'SKILL_YAML_SYNTAX',
  'SKILL_DUPLICATE_KEY',
  'SKILL_FIELD_MISSING',
  'SKILL_FIELD_INVALID',
  'SKILL_FIELD_UNKNOWN',
  'SKILL_FIELD_TOO_LONG',
  'SKILL_NAME_INVALID',
  'SKILL_NAME_MISMATCH',
  'SKILL_RUNTIME_UNKNOWN',
  'SKILL_CODE_MISSING',
  'SKILL_CODE_MULTIPLE',
  'SKILL_EXECUTE_MISSING',
  'SKILL_TOO_LARGE',
  'SKILL_ENCODING',
  'SKILL_LEGACY_UNSUPPORTED',
] as const;
export type SkillProblemCode = (typeof SKILL_PROBLEM_CODES)[number];

/** One thing wrong with a SKILL.md: what, where (field and 1-based line), and what to do. */
export interface SkillProblem {
  readonly code: SkillProblemCode;
  /** Dotted path of the field (`inputs.0.type`), or null for the file as a whole. */
  readonly field: string | null;
  /** 1-based line in the file, or null when the problem has no single line. */
  readonly line: number | null;
  readonly message: string;
  /** Warnings do not stop the skill from being saved (e.g. an unknown extra field). */
  readonly severity: 'error' | 'warning';
}
