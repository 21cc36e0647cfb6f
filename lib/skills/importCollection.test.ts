import { describe, expect, it } from 'vitest';
import { unwrap } from '../core';
import { importMessage, planImport } from './importCollection';

const skill = (name: string, description = `Does ${name}. Use when ${name} is needed.`) => `---\nname: ${name}\ndescription: ${description}\n---\n\nInstructions.\n`;
const FONT = new Uint8Array([0x00, 0x01, 0x00, 0x00, 0x00, 0x0f, 0x00, 0x80, 0xff, 0xfe, 0xc3, 0x28]);

describe('planImport: one skill', () => {
  it('keeps binary files as bytes and reads a SKILL.md given as bytes', () => {
    const plan = unwrap(planImport([
      { path: 'fonts/SKILL.md', content: new TextEncoder().encode(skill('fonts')) },
      { path: 'fonts/assets/a.ttf', content: FONT },
    ]));
    expect(plan.skills.map((s) => s.files)).toEqual([[
      { path: 'skills/fonts/SKILL.md', content: new TextEncoder().encode(skill('fonts')) },
      { path: 'skills/fonts/assets/a.ttf', content: FONT },
    ]]);
  });

  it('takes a 1,068-character description with a warning instead of refusing the skill', () => {
    const plan = unwrap(planImport([{ path: 'long/SKILL.md', content: skill('long', 'x'.repeat(1068)) }]));
    expect(plan.skills[0]!.warnings.map((w) => [w.code, w.severity])).toEqual([['SKILL_FIELD_TOO_LONG', 'warning']]);
    expect(plan.skills[0]!.warnings[0]!.message).toMatch(/44 over the Agent Skills limit of 1,024/);
  });

  it('still refuses a folder without any SKILL.md, saying what a skill folder looks like', () => {
    const result = planImport([{ path: 'x/readme.txt', content: 'hi' }, { path: 'x/other.txt', content: 'yo' }]);
    expect(result.ok ? null : result.error.message).toMatch(/No SKILL.md at the top.*a folder of such folders imports each/);
  });
});

describe('planImport: a folder of skill folders', () => {
  const collection = [
    { path: 'skills-main/README.md', content: '# A collection\n' },
    { path: 'skills-main/skills/pdf/SKILL.md', content: skill('pdf') },
    { path: 'skills-main/skills/pdf/scripts/fill.py', content: 'print(1)\n' },
    { path: 'skills-main/skills/canvas/SKILL.md', content: skill('canvas') },
    { path: 'skills-main/skills/canvas/assets/font.ttf', content: FONT },
    { path: 'skills-main/skills/broken/SKILL.md', content: '---\nname: Broken Name\n---\n' },
  ];

  it('plans each skill with its own files, names the broken one with its problems, and lists what is outside', () => {
    const plan = unwrap(planImport(collection));
    expect(plan.skills.map((s) => [s.name, s.files.map((f) => f.path)])).toEqual([
      ['canvas', ['skills/canvas/SKILL.md', 'skills/canvas/assets/font.ttf']],
      ['pdf', ['skills/pdf/SKILL.md', 'skills/pdf/scripts/fill.py']],
    ]);
    expect(plan.skills[0]!.files[1]!.content).toBe(FONT);
    expect(plan.failed).toMatchObject([{ folder: 'skills/broken', message: expect.stringMatching(/problems, so it was not imported/) }]);
    expect(plan.failed[0]!.problems.map((p) => p.code)).toEqual(['SKILL_FIELD_MISSING', 'SKILL_NAME_INVALID']);
    expect(plan.leftOut).toEqual(['README.md']);
  });

  it('refuses a second folder whose skill has a name already taken in the same import', () => {
    const plan = unwrap(planImport([
      { path: 'a/pdf/SKILL.md', content: skill('pdf') },
      { path: 'b/pdf/SKILL.md', content: skill('pdf') },
    ]));
    expect(plan.skills.map((s) => s.name)).toEqual(['pdf']);
    expect(plan.failed).toMatchObject([{ folder: 'b/pdf', message: expect.stringMatching(/named pdf, like the one in a\/pdf\//) }]);
  });

  it('refuses the whole import, with every reason, when no skill of it can be imported', () => {
    const result = planImport([
      { path: 'one/SKILL.md', content: '---\nname: one\n---\n' },
      { path: 'two/SKILL.md', content: 'no frontmatter' },
    ]);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('SKILL_IMPORT');
    expect(result.error.message).toMatch(/None of the 2 skill folders/);
    expect((result.error.data.failed as { folder: string }[]).map((f) => f.folder)).toEqual(['one', 'two']);
  });

  it('names the commit after the skills', () => {
    expect(importMessage(['pdf'], () => false)).toBe('Import skill pdf');
    expect(importMessage(['pdf'], () => true)).toBe('Re-import skill pdf');
    expect(importMessage(['a', 'b', 'c'], () => false)).toBe('Import 3 skills: a, b, c');
  });
});
