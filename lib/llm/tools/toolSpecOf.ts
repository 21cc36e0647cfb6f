import type { ExecutableSkill } from '../../skills';
import type { ToolSpec } from '../types';
import { ioSchema } from './ioSchema';

/** Tool names OpenAI accepts; skill names (`a-z 0-9 -`, 1–64) always match. */
export const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * The tool a model sees for an executable skill: its name, description and inputs as a JSON
 * Schema object. An input is required when it has no default and is not marked `required: false`.
 * @example toolSpecOf(csvStats).parameters.properties.csv // { type: 'string', description, default }
 */
export function toolSpecOf(skill: ExecutableSkill): ToolSpec {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const input of skill.inputs) {
    properties[input.name] = ioSchema(input);
    if (input.default === undefined && input.required !== false) required.push(input.name);
  }
  return {
    name: skill.name,
    description: skill.description,
    parameters: { type: 'object', properties, required, additionalProperties: false },
  };
}
