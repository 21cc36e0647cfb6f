import { describe, expect, it } from 'vitest';
import { unwrap } from '../core';
import { convertLegacySkill, isLegacySkill } from './legacySkill';
import { parseSkill } from './parseSkill';
import { skillTemplate } from './skillTemplate';
import type { ExecutableSkill, SkillProblem } from './types';

/** The executable example of the older format, as the llmos-lite architecture document shows it. */
const VQE = `---
skill_id: quantum-vqe-node
type: qiskit
execution_mode: browser-wasm
inputs:
  - name: iterations
    type: number
    default: 100
outputs:
  - name: eigenvalue
    type: number
---

\`\`\`python
def execute(inputs):
    iterations = inputs['iterations']
    # VQE simulation logic
    return {"eigenvalue": -1.137, "convergence_data": [...]}
\`\`\`
`;

const JS = `---
skill_id: Word_Count
name: Word counter
type: javascript
execution_mode: server-python
category: Text
keywords: [words, text]
inputs:
  text: {type: str, label: Text}
outputs:
  - name: count
    type: integer
    required: true
---

# Word counter

Counts the words in a text, splitting on whitespace.

\`\`\`javascript
function execute(inputs) {
  return { count: inputs.text.split(/\\s+/).filter(Boolean).length };
}
\`\`\`
`;

describe('isLegacySkill', () => {
  it('tells the older format from a SKILL.md', () => {
    expect(isLegacySkill(VQE)).toBe(true);
    expect(isLegacySkill(JS.replace(/\n/g, '\r\n'))).toBe(true);
    expect(isLegacySkill(skillTemplate('python', 'x'))).toBe(false);
    expect(isLegacySkill('no frontmatter')).toBe(false);
    expect(isLegacySkill('---\n: [broken\n---\n')).toBe(false);
  });
});

describe('convertLegacySkill', () => {
  it('converts the quantum-vqe-node example: qiskit → python with a note, a description written', () => {
    const converted = unwrap(convertLegacySkill(VQE));
    const skill = converted.skill as ExecutableSkill;
    expect(skill).toMatchObject({
      kind: 'executable',
      name: 'quantum-vqe-node',
      runtime: 'python',
      inputs: [{ name: 'iterations', type: 'number', default: 100 }],
      outputs: [{ name: 'eigenvalue', type: 'number' }],
      code: { language: 'python', line: 14 },
    });
    expect(skill.description).toMatch(/^Quantum vqe node/);
    expect(converted.notes.join('\n')).toMatch(/Qiskit itself is not available.*pure Python/);
    expect(converted.notes.join('\n')).toMatch(/no description/);
    // The new text is a SKILL.md that parses to the same skill.
    expect(unwrap(parseSkill(converted.text, { folder: 'quantum-vqe-node' })).skill).toEqual(skill);
    expect(converted.text).not.toMatch(/skill_id|execution_mode|qiskit/);
  });

  it('converts a javascript skill: slugified name, title and first paragraph as description, types mapped, notes for each change', () => {
    const converted = unwrap(convertLegacySkill(JS));
    expect(converted.skill).toMatchObject({
      name: 'word-count',
      description: 'Word counter: Counts the words in a text, splitting on whitespace.',
      metadata: { category: 'Text', tags: 'words, text' },
      runtime: 'javascript',
      inputs: [{ name: 'text', type: 'string', description: '(label: "Text")' }],
      outputs: [{ name: 'count', type: 'number' }],
    });
    const notes = converted.notes.join('\n');
    expect(notes).toMatch(/skill_id "Word_Count" became the name "word-count"/);
    expect(notes).toMatch(/server-python was dropped: Weft runs every skill in the browser/);
    expect(notes).toMatch(/had type "str"; it is now "string"/);
    expect(notes).toMatch(/had type "integer"; it is now "number"/);
    expect(notes).toMatch(/label is not part of a Weft input/);
    expect(converted.warnings).toEqual([]);
  });

  it('keeps the legacy description and unknown keys (as warnings) and takes the name from the file when there is no skill_id', () => {
    const text = '---\ntype: python-wasm\ndescription: Adds one.\nowner: lab\n---\n```python\ndef execute(inputs):\n    return {"y": inputs["x"] + 1}\n```\n';
    const converted = unwrap(convertLegacySkill(text, { fileName: 'skills/Add One.md' }));
    expect(converted.skill).toMatchObject({ name: 'add-one', description: 'Adds one.', runtime: 'python' });
    expect(converted.extra).toEqual({ owner: 'lab' });
    expect(converted.warnings.map((w) => w.code)).toEqual(['SKILL_FIELD_UNKNOWN']);
  });

  it('keeps the display name as metadata display-name, with a note saying so', () => {
    const text = '---\nskill_id: add-one\nname: Add One (fast)\ntype: python-wasm\ndescription: Adds one.\n---\n```python\ndef execute(inputs):\n    return {"y": inputs["x"] + 1}\n```\n';
    const converted = unwrap(convertLegacySkill(text));
    expect(converted.skill).toMatchObject({ name: 'add-one', description: 'Adds one.', metadata: { 'display-name': 'Add One (fast)' } });
    expect(converted.notes).toEqual(['The display name "Add One (fast)" is kept as metadata display-name: a SKILL.md is known by its name "add-one", which is also its folder\'s name.']);
    expect(converted.text).toMatch(/metadata:\n {2}display-name: Add One \(fast\)\n/);
  });

  it('refuses an unknown type with SKILL_IMPORT, naming the types it converts', () => {
    const result = convertLegacySkill('---\nskill_id: x\ntype: rust\n---\n```rust\nfn main() {}\n```\n');
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('SKILL_IMPORT');
    expect((result.error.data.problems as SkillProblem[]).map((p) => [p.code, p.field, p.line])).toEqual([['SKILL_LEGACY_UNSUPPORTED', 'type', 3]]);
    expect(result.error.message).toMatch(/python-wasm, javascript, threejs, spice, qiskit/);
  });

  it('reports problems of the converted skill at their lines in the original file', () => {
    const broken = JS.replace('    type: integer\n', '    type: integer\n    default: lots\n').replace('function execute', 'function run');
    const result = convertLegacySkill(broken);
    if (result.ok) throw new Error('expected a refusal');
    expect((result.error.data.problems as SkillProblem[]).map((p) => [p.code, p.field, p.line])).toEqual([
      ['SKILL_FIELD_INVALID', 'outputs.0.default', 13],
      ['SKILL_EXECUTE_MISSING', null, 21],
    ]);
  });

  it('refuses a file that is not in the older format', () => {
    expect(convertLegacySkill(skillTemplate('context', 'x')).ok).toBe(false);
  });
});
