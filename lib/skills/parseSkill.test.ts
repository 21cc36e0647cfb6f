import { describe, expect, it } from 'vitest';
import type { WeftError } from '../core';
import { parseSkill } from './parseSkill';
import type { ExecutableSkill, SkillProblem } from './types';

const FENCE = '```';

/** The problems of a SKILL.md that must fail to parse. */
function problemsOf(text: string | Uint8Array, folder?: string): SkillProblem[] {
  const result = parseSkill(text, folder === undefined ? {} : { folder });
  if (result.ok) throw new Error('expected the skill to be refused');
  expect(result.error.code).toBe('SKILL_PARSE');
  return result.error.data.problems as SkillProblem[];
}

const brief = (problems: SkillProblem[]) => problems.map((p) => [p.code, p.field, p.line]);

const context = ['---', 'name: csv-tips', 'description: Tips for reading CSV files. Use when a CSV will not load.', '---', '', '# CSV tips', ''].join('\n');

const python = [
  '---',
  'name: csv-stats',
  'description: Statistics of a CSV column. Use for a quick summary.',
  'runtime: python',
  'inputs:',
  '  - name: rows',
  '    type: table',
  '    description: The rows.',
  '  - name: column',
  '    type: string',
  '    default: value',
  '    required: false',
  'outputs:',
  '  - name: mean',
  '    type: number',
  'permissions: [network]',
  'timeout_ms: 5000',
  'version: 1.0',
  '---',
  '',
  'Computes the mean.',
  '',
  `${FENCE}python`,
  'def execute(inputs):',
  '    return {"mean": 0}',
  FENCE,
  '',
].join('\n');

describe('parseSkill: valid skills', () => {
  it('reads a context skill with its body', () => {
    const result = parseSkill(context);
    expect(result.ok && result.value).toEqual({
      skill: { kind: 'context', name: 'csv-tips', description: 'Tips for reading CSV files. Use when a CSV will not load.', body: '\n# CSV tips\n' },
      warnings: [],
      extra: {},
    });
  });

  it('reads an executable skill: runtime, typed inputs and outputs, and the one code block with its line', () => {
    const result = parseSkill(python, { folder: 'csv-stats' });
    if (!result.ok) throw result.error;
    const skill = result.value.skill as ExecutableSkill;
    expect(skill).toMatchObject({
      kind: 'executable',
      runtime: 'python',
      inputs: [
        { name: 'rows', type: 'table', description: 'The rows.' },
        { name: 'column', type: 'string', default: 'value', required: false },
      ],
      outputs: [{ name: 'mean', type: 'number' }],
      permissions: ['network'],
      timeoutMs: 5000,
      version: '1.0', // an unquoted 1.0 keeps its spelling
      code: { language: 'python', source: 'def execute(inputs):\n    return {"mean": 0}', line: 23 },
    });
    expect(skill.body).toContain('Computes the mean.');
  });

  it('reads the optional Agent Skills fields; allowed-tools as a space-separated string or a list', () => {
    const text = (tools: string) => `---\nname: a\ndescription: d\nlicense: MIT\ncompatibility: Needs a browser with WebGPU.\nmetadata:\n  author: me\n  version: 2.0\nallowed-tools: ${tools}\n---\n`;
    for (const tools of ['Read Bash(git:*)', '[Read, "Bash(git:*)"]']) {
      const result = parseSkill(text(tools));
      expect(result.ok && result.value.skill).toMatchObject({ license: 'MIT', compatibility: 'Needs a browser with WebGPU.', metadata: { author: 'me', version: '2.0' }, allowedTools: ['Read', 'Bash(git:*)'] });
    }
  });

  it('accepts a UTF-8 BOM and CRLF line ends, as bytes or text, with line numbers unchanged', () => {
    const crlf = '\uFEFF' + python.replace(/\n/g, '\r\n');
    for (const input of [crlf, new TextEncoder().encode(crlf)]) {
      const result = parseSkill(input);
      expect(result.ok && (result.value.skill as ExecutableSkill).code.line).toBe(23);
      expect(result.ok && result.value.skill.body).not.toContain('\r');
    }
    const broken = '\uFEFF' + python.replace('type: table', 'type: vector').replace(/\n/g, '\r\n');
    expect(brief(problemsOf(broken))).toEqual([['SKILL_FIELD_INVALID', 'inputs.0.type', 7]]);
  });

  it('keeps unknown keys in extra with a warning each, suggesting the field that was probably meant', () => {
    const result = parseSkill(context.replace('---\n\n', 'owner: team-a\nallowed_tools: Read\n---\n\n'));
    if (!result.ok) throw result.error;
    expect(result.value.extra).toEqual({ owner: 'team-a', allowed_tools: 'Read' });
    expect(brief(result.value.warnings)).toEqual([
      ['SKILL_FIELD_UNKNOWN', 'owner', 4],
      ['SKILL_FIELD_UNKNOWN', 'allowed_tools', 5],
    ]);
    expect(result.value.warnings.every((w) => w.severity === 'warning')).toBe(true);
    expect(result.value.warnings[1]!.message).toMatch(/Did you mean allowed-tools\?/);
  });

  it.each([
    ['javascript', 'function execute(inputs) {\n  return {};\n}'],
    ['javascript', 'const execute = (inputs) => ({});'],
    ['javascript', 'export function execute(inputs) { return {}; }'],
    ['tensor', 'async function execute(inputs) { return {}; }'],
    ['three', 'export async function execute(inputs) { return {}; }'],
    ['python', 'async def execute(inputs):\n    return {}'],
    ['spice', 'R1 in out {{R}}\n.end'],
    ['workflow', '{"nodes": [], "edges": []}'],
  ])('finds execute in %s code (spice netlists and workflow JSON need none)', (runtime, code) => {
    const text = `---\nname: x\ndescription: d\nruntime: ${runtime}\n---\n${FENCE}\n${code}\n${FENCE}\n`;
    expect(parseSkill(text).ok).toBe(true);
  });
});

describe('parseSkill: every problem has its code, field and line', () => {
  it.each([
    ['no frontmatter', '# Just Markdown\n', ['SKILL_FRONTMATTER_MISSING', null, 1]],
    ['an empty file', '', ['SKILL_FRONTMATTER_MISSING', null, 1]],
    ['a frontmatter never closed', '---\nname: a\ndescription: d\n', ['SKILL_FRONTMATTER_MISSING', null, 1]],
    ['a YAML syntax error', '---\nname: a\ndescription: [unclosed\n---\n', ['SKILL_YAML_SYNTAX', null, 4]],
    ['a YAML list instead of fields', '---\n- a\n- b\n---\n', ['SKILL_FIELD_INVALID', null, 2]],
    ['no name', '---\ndescription: d\n---\n', ['SKILL_FIELD_MISSING', 'name', 1]],
    ['no description', '---\nname: a\n---\n', ['SKILL_FIELD_MISSING', 'description', 1]],
    ['an empty description', '---\nname: a\ndescription: "  "\n---\n', ['SKILL_FIELD_INVALID', 'description', 3]],
    ['a name against the rule', '---\nname: Csv--Stats\ndescription: d\n---\n', ['SKILL_NAME_INVALID', 'name', 2]],
    ['a name that is not text', '---\nname: [a]\ndescription: d\n---\n', ['SKILL_NAME_INVALID', 'name', 2]],
    ['metadata that is not text', '---\nname: a\ndescription: d\nmetadata:\n  tags: [a, b]\n---\n', ['SKILL_FIELD_INVALID', 'metadata.tags', 5]],
    ['allowed-tools of the wrong form', '---\nname: a\ndescription: d\nallowed-tools: 3\n---\n', ['SKILL_FIELD_INVALID', 'allowed-tools', 4]],
    ['an unknown runtime', '---\nname: a\ndescription: d\nruntime: rust\n---\n```\nfn execute() {}\n```\n', ['SKILL_RUNTIME_UNKNOWN', 'runtime', 4]],
    ['inputs without a runtime', '---\nname: a\ndescription: d\ninputs: []\n---\n', ['SKILL_FIELD_MISSING', 'runtime', 4]],
    ['no code block', '---\nname: a\ndescription: d\nruntime: python\n---\n\nNo code.\n', ['SKILL_CODE_MISSING', null, 6]],
    ['code without execute', '---\nname: a\ndescription: d\nruntime: python\n---\n\n```python\ndef run(inputs):\n    pass\n```\n', ['SKILL_EXECUTE_MISSING', null, 7]],
    ['JavaScript without execute', '---\nname: a\ndescription: d\nruntime: three\n---\n```js\n// execute(inputs)\nobj.execute = 1\n```\n', ['SKILL_EXECUTE_MISSING', null, 6]],
    ['a timeout that is not whole', '---\nname: a\ndescription: d\nruntime: spice\ntimeout_ms: 2.5\n---\n```\n.end\n```\n', ['SKILL_FIELD_INVALID', 'timeout_ms', 5]],
    ['a negative timeout', '---\nname: a\ndescription: d\nruntime: spice\ntimeout_ms: -1\n---\n```\n.end\n```\n', ['SKILL_FIELD_INVALID', 'timeout_ms', 5]],
    ['an input without a type', '---\nname: a\ndescription: d\nruntime: spice\ninputs:\n  - name: R\n---\n```\n.end\n```\n', ['SKILL_FIELD_MISSING', 'inputs.0.type', 6]],
    ['an input name that is not an identifier', '---\nname: a\ndescription: d\nruntime: spice\ninputs:\n  - name: max rows\n    type: number\n---\n```\n.end\n```\n', ['SKILL_FIELD_INVALID', 'inputs.0.name', 6]],
    ['a default of the wrong type', '---\nname: a\ndescription: d\nruntime: spice\ninputs:\n  - name: R\n    type: number\n    default: ten\n---\n```\n.end\n```\n', ['SKILL_FIELD_INVALID', 'inputs.0.default', 8]],
    ['a required output', '---\nname: a\ndescription: d\nruntime: spice\noutputs:\n  - name: v\n    type: plot\n    required: true\n---\n```\n.end\n```\n', ['SKILL_FIELD_INVALID', 'outputs.0.required', 8]],
    ['an older single-file skill', '---\nskill_id: vqe\ntype: qiskit\n---\n```python\ndef execute(i): pass\n```\n', ['SKILL_LEGACY_UNSUPPORTED', 'skill_id', 2]],
  ])('%s', (_what, text, expected) => {
    expect(brief(problemsOf(text))).toEqual([expected]);
  });

  it('SKILL_NAME_MISMATCH when the name differs from the folder', () => {
    expect(brief(problemsOf(context, 'csv-help'))).toEqual([['SKILL_NAME_MISMATCH', 'name', 2]]);
    expect(problemsOf(context, 'csv-help')[0]!.message).toMatch(/"csv-tips".*"csv-help"/);
  });

  it('SKILL_DUPLICATE_KEY with the line of the repeated key, at the top level and inside an input', () => {
    const text = python.replace('runtime: python\n', 'runtime: python\nname: other\n').replace('    type: table\n', '    type: table\n    type: json\n');
    expect(brief(problemsOf(text))).toEqual([
      ['SKILL_DUPLICATE_KEY', 'name', 5],
      ['SKILL_DUPLICATE_KEY', 'inputs.0.type', 9],
    ]);
  });

  it('SKILL_CODE_MULTIPLE once for each fence, each with its line', () => {
    const text = python.replace(/\n$/, `\nAnd a second block:\n\n~~~javascript\nfunction execute() {}\n~~~\n`);
    const problems = problemsOf(text);
    expect(brief(problems)).toEqual([
      ['SKILL_CODE_MULTIPLE', null, 23],
      ['SKILL_CODE_MULTIPLE', null, 29],
    ]);
    expect(problems[0]!.message).toMatch(/lines 23, 29/);
  });

  it('SKILL_ENCODING for bytes that are not UTF-8, with the line of the first bad byte', () => {
    const good = new TextEncoder().encode(context);
    const bad = new Uint8Array([...good.slice(0, 40), 0xff, 0xfe, ...good.slice(40)]);
    expect(brief(problemsOf(bad))).toEqual([['SKILL_ENCODING', null, 3]]);
    expect(brief(problemsOf(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xed, 0xa0, 0x80])))).toEqual([['SKILL_ENCODING', null, 2]]); // an encoded surrogate
  });

  it('SKILL_TOO_LARGE for a 5 MB file at once, without reading it', () => {
    const huge = context + 'x'.repeat(5 * 1024 * 1024);
    const hugeBytes = new TextEncoder().encode(huge);
    const started = performance.now();
    const problems = problemsOf(huge);
    const bytes = problemsOf(hugeBytes);
    expect(performance.now() - started).toBeLessThan(200);
    expect(brief(problems)).toEqual([['SKILL_TOO_LARGE', null, null]]);
    expect(brief(bytes)).toEqual([['SKILL_TOO_LARGE', null, null]]);
    expect(problems[0]!.message).toMatch(/5\.0 MiB.*at most 1 MiB/);
    // Just over the limit counts in UTF-8 bytes, not characters.
    expect(brief(problemsOf(context + 'é'.repeat(600 * 1024)))).toEqual([['SKILL_TOO_LARGE', null, null]]);
  });

  it('reports every problem of a file at once, in file order, and the message names the first and the count', () => {
    const text = [
      '---', // 1
      'name: Bad_Name', // 2
      'description: ""', // 3
      'runtime: python', // 4
      'inputs:', // 5
      '  - name: x', // 6
      '    type: vector', // 7
      '  - name: x', // 8
      '    type: number', // 9
      'outputs: none', // 10
      'timeout_ms: soon', // 11
      'colour: blue', // 12
      '---', // 13
      FENCE + 'python', // 14
      'def run(): pass', // 15
      FENCE, // 16
    ].join('\n');
    const result = parseSkill(text, { folder: 'x' });
    if (result.ok) throw new Error('expected problems');
    expect(brief(result.error.data.problems as SkillProblem[])).toEqual([
      ['SKILL_NAME_INVALID', 'name', 2],
      ['SKILL_FIELD_INVALID', 'description', 3],
      ['SKILL_FIELD_INVALID', 'inputs.0.type', 7],
      ['SKILL_FIELD_INVALID', 'inputs.1.name', 8],
      ['SKILL_FIELD_INVALID', 'outputs', 10],
      ['SKILL_FIELD_INVALID', 'timeout_ms', 11],
      ['SKILL_FIELD_UNKNOWN', 'colour', 12],
      ['SKILL_EXECUTE_MISSING', null, 14],
    ]);
    const error: WeftError = result.error;
    expect(error.message).toMatch(/^This SKILL\.md has 7 problems: line 2, name: "Bad_Name" is not a valid skill name.*\(and 6 more problems/);
    expect(error.message).not.toMatch(/\n/);
  });

  it('reads a description or compatibility past the Agent Skills limits, with a warning that says by how much', () => {
    // A skill the format's own authors publish has a 1,068-character description.
    const result = parseSkill(`---\nname: a\ndescription: ${'x'.repeat(1068)}\ncompatibility: ${'y'.repeat(501)}\n---\n`);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.skill.description).toHaveLength(1068);
    expect(brief(result.value.warnings)).toEqual([
      ['SKILL_FIELD_TOO_LONG', 'description', 3],
      ['SKILL_FIELD_TOO_LONG', 'compatibility', 4],
    ]);
    expect(result.value.warnings.every((w) => w.severity === 'warning')).toBe(true);
    expect(result.value.warnings[0]!.message).toMatch(/1,068 characters, 44 over the Agent Skills limit of 1,024.*Export as Agent Skills/);
    expect(result.value.warnings[1]!.message).toMatch(/501 characters, 1 over the Agent Skills limit of 500/);
  });

  it('says which runtimes exist when the runtime is unknown', () => {
    expect(problemsOf('---\nname: a\ndescription: d\nruntime: rust\n---\n```\nx\n```\n')[0]!.message).toMatch(/"rust" is not a Weft runtime; use one of python, javascript, tensor, three, spice, workflow/);
  });
});
