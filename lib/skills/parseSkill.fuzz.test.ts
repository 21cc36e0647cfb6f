import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertCodedError, assertNotHung } from '../core/fuzzing';
import { MAX_SKILL_BYTES } from './decodeSkillText';
import { type ParsedSkill, parseSkill } from './parseSkill';
import { RUNTIMES, SKILL_PROBLEM_CODES, type SkillProblem } from './types';

const RUNS = { numRuns: 10_000 };
const HANG_MS = 60_000;
const SKILL_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const utf8 = new TextEncoder();

/** Parses and checks the outcome: a SKILL_PARSE error with well-formed problems, or a skill that holds together. */
function check(input: string | Uint8Array): void {
  let result: ReturnType<typeof parseSkill>;
  const start = performance.now();
  try {
    result = parseSkill(input);
  } catch (e) {
    throw new Error(`threw instead of returning a Result: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
  }
  assertNotHung('parseSkill', start);
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (result.ok) return checkAccepted(result.value, text);
  assertCodedError(result.error, ['SKILL_PARSE']);
  checkProblems(result.error.data.problems, text);
}

function checkProblems(problems: unknown, text: string): void {
  if (!Array.isArray(problems) || problems.length === 0) throw new Error('a SKILL_PARSE error without problems');
  const lines = text.split(/\r\n|\n/).length;
  for (const p of problems as SkillProblem[]) {
    if (!SKILL_PROBLEM_CODES.includes(p.code)) throw new Error(`unknown problem code ${String(p.code)}`);
    if (typeof p.message !== 'string' || p.message === '') throw new Error(`${p.code} without a message`);
    if (p.line !== null && !(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1)) throw new Error(`${p.code} on line ${p.line} of ${lines}`);
  }
}

function checkAccepted(parsed: ParsedSkill, input: string): void {
  const { skill } = parsed;
  const fail = (why: string) => {
    throw new Error(`accepted a skill where ${why}`);
  };
  if (!SKILL_NAME.test(skill.name)) fail(`the name is ${JSON.stringify(skill.name)}`);
  if (typeof skill.description !== 'string' || skill.description.trim() === '') fail('the description is empty');
  // The body is the rest of the file, unchanged (after CRLF → LF and the BOM).
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (!text.endsWith(skill.body)) fail('the body is not the end of the file');
  if (skill.kind === 'executable') {
    if (!RUNTIMES.includes(skill.runtime)) fail(`the runtime is ${String(skill.runtime)}`);
    if (skill.code.line < 1 || skill.code.line > text.split('\n').length) fail(`the code is on line ${skill.code.line}`);
  }
  if (parsed.warnings.some((w) => w.severity !== 'warning')) fail('an error is among the warnings');
  // What a skill holds must be plain data: written back, indexed, sent to a worker.
  try {
    JSON.stringify(parsed);
  } catch (e) {
    fail(`its data cannot be written as JSON (${String(e)})`);
  }
}

// ---- Inputs -------------------------------------------------------------------------------------

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  // Lone surrogates and NUL, which unit: 'binary' leaves out.
  fc.array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0x7f })), { maxLength: 60 }).map((codes) => String.fromCharCode(...codes)),
);

/** Pieces of SKILL.md files: fences, YAML keys and syntax, code fences, odd characters. */
const FRAGMENTS = [
  '---', '--- ', '---\t', '----', '...', '\n', '\n', '\n', '\r\n', '\r', ' ', '  ', '    ', '\t',
  'name: ', 'name: fuzz', 'name: Fuzz Skill', 'description: ', 'description: Does things. Use to test.', 'runtime: ', 'runtime: python', 'runtime: javascript', 'runtime: workflow',
  'runtime: agent', 'runtime: cobol', 'inputs:', 'outputs:', '  - name: x', '    type: json', '    type: number', '    default: ', '    required: true', 'license: MIT',
  'metadata:', '  category: data', '  tags: a, b', 'allowed-tools: Read Write', 'timeout_ms: 1000', 'version: 1.0', 'permissions: [net]', 'compatibility: ', 'nodes:', 'edges:',
  ': ', ':', '- ', '? ', '#', '# comment', '"', "'", '{', '}', '[', ']', ',', '|', '>', '&a ', '*a', '&a [*a]', 'x: &a [*a]', 'x: &a {k: *a}', '!!binary ', '!!str ', '!!map ', '!<tag:x> ',
  '%YAML 1.2', '%TAG ! tag:x:', '<<: *a', 'null', '~', 'true', '.inf', '0x1F', '1e400', '__proto__: 1', 'constructor: x',
  '```', '```python', '```js', '~~~', '````', '   ```', 'def execute(inputs):', '    return {}', 'function execute(inputs) { return {}; }', '# Title',
  '\u0000', '\uFEFF', '\u2028', '\u202e', '\u0085', 'é', 'e\u0301', '日本語', '🌍', '\ud800', 'ı', 'ſ',
];
const fragment = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) });
const lines = (max: number) => fc.array(fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join('')), { maxLength: max }).map((ls) => ls.join('\n'));
/** A long line (1,000 to 50,000 characters, now and then 900,000: within the 1 MiB limit). */
const hugeLine = fc
  .tuple(fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 1_000, max: 50_000 }) }, { weight: 1, arbitrary: fc.constant(900_000) }), fc.constantFrom('a', 'é', ' ', '-', '🌍', 'name: '))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

/** Built once: past the limit, refused before they are read. */
const OVERSIZED = ['x'.repeat(MAX_SKILL_BYTES + 1), `---\nname: a\ndescription: b\n---\n${'é'.repeat(MAX_SKILL_BYTES / 2)}`];

const skillLike = fc
  .record({
    open: fc.constantFrom('---\n', '---\n', '---\n', '---\r\n', '\uFEFF---\n', '--- \n', '', '\n---\n', '----\n'),
    frontmatter: lines(10),
    close: fc.constantFrom('\n---\n', '\n---\n', '\n---', '\n--- \n', '\r\n---\r\n', '\n...\n', ''),
    body: lines(8),
    huge: fc.oneof({ weight: 100, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(hugeLine, fc.boolean()) }),
  })
  .map(({ open, frontmatter, close, body, huge }) => {
    if (!huge) return open + frontmatter + close + body;
    const [line, inFrontmatter] = huge;
    return inFrontmatter ? `${open}${frontmatter}\nx: ${line}${close}${body}` : `${open}${frontmatter}${close}${body}\n${line}`;
  });

/** Mostly valid skills, so the accepted path is fuzzed too: good frontmatter, fragments mixed in. */
const nearValid = fc
  .record({
    runtime: fc.option(fc.constantFrom(...RUNTIMES), { freq: 2 }),
    extra: lines(3),
    body: lines(4),
    fence: fc.constantFrom('```', '~~~', '````'),
  })
  .map(({ runtime, extra, body, fence }) => {
    const code = runtime === 'python' ? 'def execute(inputs):\n    return {}' : 'function execute(inputs) { return {}; }';
    const head = `---\nname: fuzz\ndescription: Fuzzes things. Use to test.\n${runtime ? `runtime: ${runtime}\n` : ''}${extra}\n---\n`;
    return `${head}${body}\n${runtime ? `${fence}${runtime === 'python' ? 'python' : 'js'}\n${code}\n${fence}\n` : ''}`;
  });

function splice(bytes: Uint8Array, [at, bad]: readonly [number, readonly number[]]): Uint8Array {
  const i = at % (bytes.length + 1);
  const out = new Uint8Array(bytes.length + bad.length);
  out.set(bytes.subarray(0, i));
  out.set(bad, i);
  out.set(bytes.subarray(i), i + bad.length);
  return out;
}

describe('parseSkill (fuzz)', () => {
  it('for arbitrary strings, lone surrogates and NUL included', () => {
    fc.assert(fc.property(anyString, fc.boolean(), (s, fenced) => check(fenced ? `---\n${s}\n---\n${s}` : s)), RUNS);
  }, HANG_MS);

  it('for SKILL.md-like text built from fragments: fences, YAML keys, anchors and aliases, code fences, unicode, NUL, huge lines', () => {
    // The example is a bug this found: an alias inside its own anchor gave a skill that contains itself.
    const examples: [string][] = [['---\nname: fuzz\ndescription: Fuzzes things. Use to test.\nx: &a [*a]\n---\n\n']];
    fc.assert(fc.property(fc.oneof({ weight: 30, arbitrary: skillLike }, { weight: 20, arbitrary: nearValid }, { weight: 1, arbitrary: fc.constantFrom(...OVERSIZED) }), check), { ...RUNS, examples });
  }, HANG_MS);

  it('for bytes: SKILL.md-like text with invalid UTF-8 spliced in, and oversized inputs', () => {
    const badBytes = fc.constantFrom([0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xe2, 0x82], [0xef, 0xbb, 0xbf], [0x00]);
    const oversized = OVERSIZED.map((s) => utf8.encode(s));
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 50, arbitrary: fc.tuple(fc.oneof(skillLike, nearValid), fc.array(fc.tuple(fc.nat(), badBytes), { maxLength: 2 })).map(([text, splices]) => splices.reduce(splice, utf8.encode(text))) },
          { weight: 1, arbitrary: fc.constantFrom(...oversized) },
        ),
        check,
      ),
      RUNS,
    );
  }, HANG_MS);
});
