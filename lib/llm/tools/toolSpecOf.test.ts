import { describe, expect, it } from 'vitest';
import { builtinSkillNames, executableBuiltin, parseBuiltin } from '../../../skills/skillTestKit';
import type { ExecutableSkill } from '../../skills';
import { checkToolArguments } from './checkToolArguments';
import { TOOL_NAME, toolSpecOf } from './toolSpecOf';

const executables = builtinSkillNames().filter((name) => parseBuiltin(name).skill.kind === 'executable');

function skillWith(inputs: ExecutableSkill['inputs']): ExecutableSkill {
  return { ...executableBuiltin('csv-stats'), inputs };
}

describe('toolSpecOf', () => {
  it('finds built-in executable skills to check', () => {
    expect(executables.length).toBeGreaterThan(5);
  });

  it.each(executables)('gives %s a valid tool whose defaults pass checkToolArguments', (name) => {
    const skill = executableBuiltin(name);
    const spec = toolSpecOf(skill);
    expect(spec.name).toMatch(TOOL_NAME);
    expect(spec.description.length).toBeGreaterThan(0);
    const params = spec.parameters as { type: string; properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(params.type).toBe('object');
    expect(Object.keys(params.properties)).toEqual(skill.inputs.map((i) => i.name));
    for (const r of params.required) expect(params.properties[r]).toBeDefined();
    for (const p of Object.values(params.properties)) {
      if ('type' in p) expect(['number', 'string', 'boolean', 'object', 'array']).toContain(p.type);
    }
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    const defaults = Object.fromEntries(skill.inputs.filter((i) => i.default !== undefined).map((i) => [i.name, i.default]));
    const checked = checkToolArguments(skill, defaults);
    expect(checked.ok ? 'ok' : checked.error.message).toBe('ok');
  });

  it('maps each I/O type to a schema and requires only inputs without a default', () => {
    const spec = toolSpecOf(
      skillWith([
        { name: 'n', type: 'number', description: 'How many.' },
        { name: 's', type: 'string', default: 'x' },
        { name: 'flag', type: 'boolean', required: false },
        { name: 'data', type: 'json' },
        { name: 't', type: 'table' },
        { name: 'm', type: 'tensor', required: false },
      ]),
    );
    const props = spec.parameters.properties as Record<string, Record<string, unknown>>;
    expect(props.n).toEqual({ type: 'number', description: 'How many.' });
    expect(props.s).toEqual({ type: 'string', default: 'x' });
    expect(props.data).toEqual({});
    expect(props.t!.anyOf).toHaveLength(2);
    expect(props.m!.type).toBe('object');
    expect(spec.parameters.required).toEqual(['n', 'data', 't']);
    expect(spec.parameters.additionalProperties).toBe(false);
  });
});

describe('checkToolArguments', () => {
  const skill = skillWith([
    { name: 'n', type: 'number' },
    { name: 'label', type: 'string', default: 'a' },
    { name: 't', type: 'table', required: false },
    { name: 'm', type: 'tensor', required: false },
  ]);
  const messageOf = (args: unknown) => {
    const r = checkToolArguments(skill, args);
    return r.ok ? null : `${r.error.code}: ${r.error.message}`;
  };

  it('accepts good arguments, leaving optional ones out', () => {
    expect(messageOf({ n: 2 })).toBeNull();
    expect(messageOf({ n: 2, t: { columns: ['a'], rows: [[1]] }, m: { shape: [2], dtype: 'float32', data: [1, 2] } })).toBeNull();
    expect(messageOf({ n: 2, t: [{ a: 1 }] })).toBeNull();
  });

  it('names an unknown argument and lists the known ones', () => {
    expect(messageOf({ n: 1, colour: 'red' })).toBe('LLM_TOOL: Invalid arguments for csv-stats: colour is not a known argument; known: n, label, t, m.');
  });

  it('names a wrong type with the value it got', () => {
    expect(messageOf({ n: 'two' })).toBe('LLM_TOOL: Invalid arguments for csv-stats: n must be a number, not a string ("two").');
  });

  it('names a missing required argument', () => {
    expect(messageOf({ label: 'x' })).toBe('LLM_TOOL: Invalid arguments for csv-stats: n is required but missing.');
  });

  it('checks inside structured types', () => {
    expect(messageOf({ n: 1, m: { shape: [1.5], data: [] } })).toMatch(/m\.shape\[0\] must be an integer/);
    expect(messageOf({ n: 1, t: { columns: ['a'] } })).toMatch(/t\.rows is required/);
  });

  it('refuses arguments that are not an object', () => {
    expect(messageOf([1])).toMatch(/must be a JSON object/);
    expect(messageOf(undefined)).toMatch(/must be a JSON object of named inputs, not nothing/);
  });
});
