import type { IoSpec, Skill } from './types';
import { writeFrontmatter } from './writeFrontmatter';

/**
 * Writes a skill back as SKILL.md text: frontmatter keys in a stable order (name, description,
 * license, compatibility, metadata, allowed-tools, runtime, inputs, outputs, permissions,
 * timeout_ms, version, then `extra`), then the body as it is (for an executable skill the body
 * holds the code block). Parsing the result gives the same skill back.
 * @example serializeSkill(parsed.skill, parsed.extra)
 */
export function serializeSkill(skill: Skill, extra: Readonly<Record<string, unknown>> = {}): string {
  const fields: [string, unknown][] = [
    ['name', skill.name],
    ['description', skill.description],
    ['license', skill.license],
    ['compatibility', skill.compatibility],
    ['metadata', skill.metadata && { ...skill.metadata }],
    ['allowed-tools', allowedTools(skill.allowedTools)],
  ];
  if (skill.kind === 'executable') {
    fields.push(
      ['runtime', skill.runtime],
      ['inputs', skill.inputs.length > 0 ? skill.inputs.map(ioFields) : undefined],
      ['outputs', skill.outputs.length > 0 ? skill.outputs.map(ioFields) : undefined],
      ['permissions', skill.permissions.length > 0 ? [...skill.permissions] : undefined],
      ['timeout_ms', skill.timeoutMs],
      ['version', skill.version],
    );
  }
  const written = new Set(fields.map(([key]) => key));
  for (const [key, value] of Object.entries(extra)) if (!written.has(key) && key !== 'runtime') fields.push([key, value]);
  return writeFrontmatter(Object.fromEntries(fields), skill.body);
}

/** A space-separated string, as Agent Skills writes it, unless a tool's name has a space in it. */
function allowedTools(tools: readonly string[] | undefined): string | string[] | undefined {
  if (tools === undefined) return undefined;
  return tools.some((t) => /\s/.test(t) || t === '') ? [...tools] : tools.join(' ');
}

function ioFields(spec: IoSpec): Record<string, unknown> {
  return { name: spec.name, type: spec.type, description: spec.description, default: spec.default, required: spec.required };
}
