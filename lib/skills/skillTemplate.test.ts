import { describe, expect, it } from 'vitest';
import { unwrap } from '../core';
import { parseSkill } from './parseSkill';
import { serializeSkill } from './serializeSkill';
import { skillTemplate } from './skillTemplate';
import { RUNTIMES } from './types';

describe('skillTemplate', () => {
  it.each([...RUNTIMES, 'context' as const])('%s: parses with no problems or warnings, under the given name, and is already in written form', (runtime) => {
    const text = skillTemplate(runtime, 'new-skill');
    const parsed = unwrap(parseSkill(text, { folder: 'new-skill' }));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.skill.kind).toBe(runtime === 'context' ? 'context' : 'executable');
    if (parsed.skill.kind === 'executable') expect(parsed.skill.runtime).toBe(runtime);
    expect(serializeSkill(parsed.skill, parsed.extra)).toBe(text);
  });

  it('gives each runtime the code its runner expects', () => {
    const code = (runtime: (typeof RUNTIMES)[number]) => {
      const skill = unwrap(parseSkill(skillTemplate(runtime, 'x'))).skill;
      return skill.kind === 'executable' ? skill.code : null;
    };
    expect(code('python')?.source).toMatch(/^def execute\(inputs\):\n[\s\S]*return \{/m);
    expect(code('javascript')?.source).toMatch(/^function execute\(inputs\) \{[\s\S]*return \{/);
    expect(code('tensor')?.source).toMatch(/tf\.tensor2d/);
    expect(code('three')?.source).toMatch(/type: 'scene3d', objects/);
    expect(code('spice')?.source).toMatch(/\{\{R\}\}[\s\S]*\{\{C\}\}/);
    expect(JSON.parse(code('workflow')!.source)).toEqual({ id: 'x', name: 'x', nodes: [], edges: [] });
  });

  it('quotes a name that would break the YAML, so the parser reports the name and nothing else', () => {
    const result = parseSkill(skillTemplate('python', 'bad: name\n---'));
    expect(result.ok ? [] : (result.error.data.problems as { code: string }[]).map((p) => p.code)).toEqual(['SKILL_NAME_INVALID']);
  });
});
