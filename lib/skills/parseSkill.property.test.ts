import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asSkillName, WeftError } from '../core';
import { type ParsedSkill, parseSkill } from './parseSkill';
import { serializeSkill } from './serializeSkill';
import { skillTemplate } from './skillTemplate';
import { IO_TYPES, type IoSpec, type IoType, RUNTIMES, type Skill, SKILL_PROBLEM_CODES, type SkillProblem } from './types';

/** What a parse means, without the lines that move when the frontmatter is rewritten. */
function meaning(parsed: ParsedSkill) {
  const skill = parsed.skill.kind === 'executable' ? { ...parsed.skill, code: { ...parsed.skill.code, line: 0 } } : parsed.skill;
  // Unknown keys are written after the known ones (and JavaScript lists integer-like keys first), so warnings may change order.
  const warnings = parsed.warnings.map((w) => `${w.severity} ${w.code} ${w.field}`).sort();
  return { skill, extra: parsed.extra, warnings };
}

/** parseSkill never throws: it returns a skill or a SKILL_PARSE error whose problems are well formed. */
function checkOutcome(input: string | Uint8Array): ParsedSkill | null {
  const result = parseSkill(input);
  if (result.ok) return result.value;
  expect(result.error).toBeInstanceOf(WeftError);
  expect(result.error.code).toBe('SKILL_PARSE');
  const problems = result.error.data.problems as SkillProblem[];
  expect(problems.length).toBeGreaterThan(0);
  const lines = typeof input === 'string' ? input.split('\n').length : Infinity;
  for (const p of problems) {
    expect(SKILL_PROBLEM_CODES).toContain(p.code);
    if (p.line !== null) expect(p.line >= 1 && p.line <= lines + 1).toBe(true);
  }
  return null;
}

/** A parsed skill written back and read again means the same thing. */
function checkRoundTrip(parsed: ParsedSkill) {
  const text = serializeSkill(parsed.skill, parsed.extra);
  const again = parseSkill(text);
  if (!again.ok) throw new Error(`the written skill does not parse: ${again.error.message}\n${text}`);
  expect(meaning(again.value)).toEqual(meaning(parsed));
  expect(serializeSkill(again.value.skill, again.value.extra)).toBe(text);
}

const VALID = [
  ...RUNTIMES.map((r) => skillTemplate(r, 'fuzz')),
  skillTemplate('context', 'fuzz'),
  '---\nname: fuzz\ndescription: d\nlicense: MIT\nmetadata:\n  tags: a, b\nallowed-tools: Read Write\nextra_key: {a: [1, 2]}\nversion: 3\n---\n# T\n',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('\n', '---\n', '```\n', ': ', '- ', '  ', '"', '{', '[', '#', '\t', '~~~', 'runtime: python\n', 'name: x\n', '&a ', '*a', '!!binary ')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'swap': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}

describe('parseSkill never throws', () => {
  it('for arbitrary text, with or without a frontmatter fence', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.boolean(), (text, fenced) => {
        checkOutcome(fenced ? `---\n${text}\n---\n${text}` : text);
      }),
      { numRuns: 500 },
    );
  });

  it('for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        checkOutcome(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, ...bytes]));
      }),
    );
  });

  it('for valid skills with random insertions, deletions and line swaps; what still parses writes back with its meaning kept', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, mutations) => {
        const parsed = checkOutcome(mutations.reduce(mutate, text));
        if (parsed) checkRoundTrip(parsed);
      }),
      { numRuns: 1500 },
    );
  });
});

const skillNameArb = fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,5}$/);
const text = (max: number) => fc.string({ unit: 'binary', maxLength: max });
const descriptionArb = text(300).filter((s) => s.trim().length > 0);
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/);
const defaultFor = (type: IoType): fc.Arbitrary<unknown> =>
  type === 'number' ? fc.double({ noNaN: true, noDefaultInfinity: true }) : type === 'string' ? text(40) : type === 'boolean' ? fc.boolean() : fc.jsonValue({ maxDepth: 3 });

const ioArb = (withRequired: boolean) =>
  fc.uniqueArray(
    fc.record({ name: identifier, type: fc.constantFrom(...IO_TYPES) }).chain(({ name, type }) =>
      fc.record(
        { name: fc.constant(name), type: fc.constant(type), description: text(80), default: defaultFor(type), required: withRequired ? fc.boolean() : fc.constant(undefined) },
        { requiredKeys: ['name', 'type'] },
      ),
    ),
    { selector: (spec) => spec.name, maxLength: 5 },
  );

const CODE: Record<(typeof RUNTIMES)[number], [string, string]> = {
  python: ['python', 'def execute(inputs):\n    return {}'],
  javascript: ['javascript', 'function execute(inputs) {\n  return {};\n}'],
  tensor: ['js', 'const execute = (inputs) => ({ y: tf.scalar(1) });'],
  three: ['javascript', 'export async function execute() { return { scene: { type: "scene3d", objects: [] } }; }'],
  spice: ['spice', 'R1 a b {{R}}\n.end'],
  workflow: ['json', '{"nodes": [], "edges": []}'],
  agent: ['text', 'You are a careful assistant.'],
};

// Bodies as parseSkill gives them: no CR (CRLF is read as LF) and no fences besides the code block.
const prose = text(200).map((s) => s.replace(/[`~]/g, "'").replace(/\r/g, ''));

const skillArb: fc.Arbitrary<Skill> = fc
  .record(
    {
      name: skillNameArb,
      description: descriptionArb,
      license: text(30),
      compatibility: text(100).filter((s) => s.length > 0),
      metadata: fc.dictionary(text(12), text(30), { maxKeys: 4 }),
      allowedTools: fc.array(text(12).filter((s) => s.length > 0), { maxLength: 4 }),
    },
    { requiredKeys: ['name', 'description'] },
  )
  .chain((meta) =>
    fc.oneof(
      prose.map((body): Skill => ({ kind: 'context', ...meta, name: asSkillName(meta.name), body })),
      fc
        .record(
          { runtime: fc.constantFrom(...RUNTIMES), inputs: ioArb(true), outputs: ioArb(false), permissions: fc.array(text(10), { maxLength: 3 }), timeoutMs: fc.integer({ min: 1, max: 1e9 }), version: text(10), before: prose, after: prose },
          { requiredKeys: ['runtime', 'inputs', 'outputs', 'permissions', 'before', 'after'] },
        )
        .map(({ before, after, ...exec }): Skill => {
          const [language, source] = CODE[exec.runtime];
          const body = `\n${before}\n\n\`\`\`${language}\n${source}\n\`\`\`\n\n${after}\n`;
          return { kind: 'executable', ...meta, name: asSkillName(meta.name), ...exec, inputs: exec.inputs.map(clean), outputs: exec.outputs.map(clean), body, code: { language, source, line: 0 } };
        }),
    ),
  );

function clean(spec: IoSpec): IoSpec {
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as unknown as IoSpec;
}

describe('serializeSkill and parseSkill', () => {
  it('parse ∘ serialize keeps a generated skill (descriptions trimmed), and parse ∘ serialize ∘ parse is stable', () => {
    fc.assert(
      fc.property(skillArb, (skill) => {
        const first = parseSkill(serializeSkill(skill));
        if (!first.ok) throw new Error(`${first.error.message}\n${serializeSkill(skill)}`);
        const expected = { ...skill, description: skill.description.trim() };
        expect(meaning(first.value).skill).toEqual(skill.kind === 'executable' ? { ...expected, code: { ...skill.code, line: 0 } } : expected);
        expect(first.value.warnings).toEqual([]);
        checkRoundTrip(first.value);
      }),
      { numRuns: 400 },
    );
  });
});
