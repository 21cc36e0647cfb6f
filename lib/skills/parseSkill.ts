import { asSkillName, err, ok, type Result, type WeftError } from '../core';
import { checkFrontmatter } from './checkFrontmatter';
import { decodeSkillText } from './decodeSkillText';
import { executeProblem } from './executeProblem';
import { findCodeBlocks } from './findCodeBlocks';
import type { ContextFields, ExecutableFields } from './frontmatterSchema';
import { readFrontmatter } from './readFrontmatter';
import { skillParseError, skillProblem, sortProblems } from './skillProblems';
import { splitFrontmatter } from './splitFrontmatter';
import { type IoSpec, type Runtime, RUNTIMES, type Skill, type SkillCode, type SkillMeta, type SkillProblem } from './types';

/** A SKILL.md read into the model, with its warnings and the unknown frontmatter keys (kept for writing back). */
export interface ParsedSkill {
  readonly skill: Skill;
  readonly warnings: SkillProblem[];
  readonly extra: Record<string, unknown>;
}

/** Options of `parseSkill`. */
export interface ParseSkillOptions {
  /** The skill's folder name: `name` must equal it. */
  readonly folder?: string;
}

/**
 * Reads a SKILL.md (text or UTF-8 bytes). On failure the `SKILL_PARSE` error lists every
 * problem at once in `data.problems`, each with its code, field and line.
 * @example parseSkill('---\nname: hello\ndescription: Says hello. Use to greet.\n---\nSay hello.\n')
 */
export function parseSkill(text: string | Uint8Array, options: ParseSkillOptions = {}): Result<ParsedSkill, WeftError> {
  const decoded = decodeSkillText(text);
  if (!decoded.ok) return err(skillParseError([decoded.error]));
  const parts = splitFrontmatter(decoded.value);
  if (!parts.ok) return err(skillParseError([parts.error]));
  const { yaml, yamlLine, body, bodyLine } = parts.value;
  const frontmatter = readFrontmatter(yaml, yamlLine);
  if (!frontmatter.readable) return err(skillParseError(frontmatter.problems));
  const checked = checkFrontmatter(frontmatter, options.folder);
  const problems = [...frontmatter.problems, ...checked.problems];
  if (problems.some((p) => p.code === 'SKILL_LEGACY_UNSUPPORTED')) return err(skillParseError(problems));

  let code: SkillCode | null = null;
  if (checked.kind === 'executable') {
    const blocks = findCodeBlocks(body, bodyLine);
    if (blocks.length === 0) {
      problems.push(skillProblem('SKILL_CODE_MISSING', null, bodyLine, 'An executable skill needs its code in one fenced block (```python … ```) in the body, and there is none.'));
    } else if (blocks.length > 1) {
      const lines = blocks.map((b) => b.line).join(', ');
      for (const block of blocks) {
        problems.push(skillProblem('SKILL_CODE_MULTIPLE', null, block.line, `An executable skill has exactly one fenced code block, and this one has ${blocks.length} (on lines ${lines}): merge them into one, or write the others as indented text.`));
      }
    } else {
      const block = blocks[0]!;
      code = { language: block.language, source: block.source, line: block.line };
      const runtime = (frontmatter.data as Record<string, unknown>).runtime;
      const missing = isRuntime(runtime) ? executeProblem(runtime, block.source) : null;
      if (missing) problems.push(skillProblem('SKILL_EXECUTE_MISSING', null, block.line, missing));
    }
  }

  if (problems.some((p) => p.severity === 'error') || !checked.fields) return err(skillParseError(problems));
  const warnings = sortProblems(problems);
  const skill: Skill = checked.kind === 'executable' ? executableSkill(checked.fields as ExecutableFields, body, code!) : { kind: 'context', ...meta(checked.fields), body };
  return ok({ skill, warnings, extra: checked.extra });
}

function meta(fields: ContextFields): SkillMeta {
  const tools = fields['allowed-tools'];
  return {
    name: asSkillName(fields.name),
    description: fields.description,
    ...(fields.license !== undefined && { license: fields.license }),
    ...(fields.compatibility !== undefined && { compatibility: fields.compatibility }),
    ...(fields.metadata !== undefined && { metadata: fields.metadata }),
    ...(tools !== undefined && { allowedTools: typeof tools === 'string' ? tools.split(/\s+/).filter(Boolean) : tools }),
  };
}

function executableSkill(fields: ExecutableFields, body: string, code: SkillCode): Skill {
  return {
    kind: 'executable',
    ...meta(fields),
    runtime: fields.runtime,
    inputs: (fields.inputs ?? []).map(ioSpec),
    outputs: (fields.outputs ?? []).map(ioSpec),
    permissions: fields.permissions ?? [],
    ...(fields.timeout_ms !== undefined && { timeoutMs: fields.timeout_ms }),
    ...(fields.version !== undefined && { version: fields.version }),
    body,
    code,
  };
}

function ioSpec(raw: { name: string; type: IoSpec['type']; description?: string | undefined; default?: unknown; required?: boolean | undefined }): IoSpec {
  return {
    name: raw.name,
    type: raw.type,
    ...(raw.description !== undefined && { description: raw.description }),
    ...('default' in raw && raw.default !== undefined && { default: raw.default }),
    ...(raw.required !== undefined && { required: raw.required }),
  };
}

const isRuntime = (value: unknown): value is Runtime => (RUNTIMES as readonly unknown[]).includes(value);
