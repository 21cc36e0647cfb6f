import { describe, expect, it } from 'vitest';
import { IO_TYPES } from '../lib/skills';
import { builtinSkillNames, parseBuiltin, readSkillText } from './skillTestKit';

const CATEGORIES = ['data', 'plotting', 'science', 'files', 'ml', '3d', 'circuits', 'writing', 'code'];
const FENCE_LANGUAGE = { python: 'python', javascript: 'javascript', tensor: 'javascript', three: 'javascript', spice: 'spice' } as const;

const EXPECTED = {
  python: ['csv-stats', 'word-frequency', 'monte-carlo-pi', 'vqe-h2', 'linear-fit'],
  javascript: ['json-transform', 'line-plot', 'table-filter-sort', 'export-file'],
  tensor: ['linear-regression', 'matmul-benchmark'],
  three: ['molecule-viewer', 'parametric-surface'],
  spice: ['rc-lowpass'],
  context: ['python-data-cleaning', 'scientific-plotting', 'writing-clear-prompts', 'code-review'],
};

const names = builtinSkillNames();
/** The skills of the built-in set (weft-console predates it and follows its own conventions). */
const builtinSet = Object.values(EXPECTED).flat();

describe('built-in skills', () => {
  it('include every skill of the built-in set, with the runtime it is meant for', () => {
    for (const [runtime, list] of Object.entries(EXPECTED)) {
      for (const name of list) {
        expect(names).toContain(name);
        const { skill } = parseBuiltin(name);
        expect(skill.kind === 'context' ? 'context' : skill.runtime, name).toBe(runtime);
      }
    }
  });

  it.each(names)('%s parses with no errors and no warnings, and its name is its folder', (name) => {
    const { skill, warnings } = parseBuiltin(name);
    expect(warnings).toEqual([]);
    expect(skill.name).toBe(name);
  });

  it.each(builtinSet)('%s says what it does and when to use it, with license, category and tags', (name) => {
    const { skill } = parseBuiltin(name);
    expect(skill.description.length).toBeGreaterThanOrEqual(80);
    expect(skill.description.length).toBeLessThanOrEqual(1024);
    expect(skill.description).not.toMatch(/[<>]/);
    expect(skill.description).toMatch(/\bUse (?:to|when|as|whenever|for)\b/);
    expect(skill.license).toBe('MIT');
    expect(CATEGORIES).toContain(skill.metadata?.category);
    const tags = (skill.metadata?.tags ?? '').split(',').map((t) => t.trim());
    expect(tags.length).toBeGreaterThanOrEqual(3);
    expect(tags.every((t) => /^[a-z0-9][a-z0-9 -]*$/.test(t))).toBe(true);
  });

  it.each(builtinSet)('%s: an executable skill has one code block in its runtime language, typed I/O and a default for every input', (name) => {
    const { skill } = parseBuiltin(name);
    if (skill.kind === 'context') return;
    expect(skill.version).toBe('1.0.0');
    expect(skill.code.language).toBe(FENCE_LANGUAGE[skill.runtime as keyof typeof FENCE_LANGUAGE]);
    expect(readSkillText(name).match(/^ {0,3}(```|~~~)/gm)).toHaveLength(2);
    expect(skill.inputs.length).toBeGreaterThan(0);
    expect(skill.outputs.length).toBeGreaterThan(0);
    for (const io of [...skill.inputs, ...skill.outputs]) {
      expect(IO_TYPES).toContain(io.type);
      expect(io.description, `${name}.${io.name}`).toBeTruthy();
    }
    for (const input of skill.inputs) expect(input.default, `${name}.${input.name} has no default`).not.toBeUndefined();
    for (const heading of ['## When to use', '## Inputs', '## Outputs']) expect(skill.body).toContain(heading);
  });

  it.each(builtinSet)('%s: a context skill is guidance of 300 to 800 words with no runtime fields', (name) => {
    const { skill } = parseBuiltin(name);
    if (skill.kind !== 'context') return;
    const words = skill.body.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(300);
    expect(words).toBeLessThanOrEqual(800);
    expect(skill.body).not.toMatch(/^```/m);
  });
});
