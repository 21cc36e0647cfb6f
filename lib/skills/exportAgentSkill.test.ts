import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../core';
import { exportAgentSkill } from './exportAgentSkill';
import { parseSkill } from './parseSkill';
import { skillTemplate } from './skillTemplate';
import type { SkillProblem } from './types';

const AGENT_SKILL_KEYS = ['name', 'description', 'license', 'compatibility', 'metadata', 'allowed-tools'];
const frontmatterOf = (text: string) => parse(text.split('---\n')[1]!) as Record<string, unknown>;

describe('exportAgentSkill', () => {
  it('writes only the Agent Skills keys and moves Weft fields into metadata as strings', () => {
    const source = skillTemplate('python', 'my-stats').replace('runtime: python', 'runtime: python\ntimeout_ms: 3000\nversion: "2"\npermissions: [network]\nowner: me');
    const parsed = unwrap(parseSkill(source));
    const text = unwrap(exportAgentSkill(parsed.skill));
    const fm = frontmatterOf(text);
    expect(Object.keys(fm).every((k) => AGENT_SKILL_KEYS.includes(k))).toBe(true);
    expect(fm.metadata).toMatchObject({ 'weft-runtime': 'python', 'weft-timeout-ms': '3000', 'weft-version': '2', 'weft-permissions': 'network' });
    const metadata = fm.metadata as Record<string, unknown>;
    expect(Object.values(metadata).every((v) => typeof v === 'string')).toBe(true);
    expect(JSON.parse(metadata['weft-inputs'] as string)).toEqual([{ name: 'values', type: 'json', description: 'A list of numbers.', default: [1, 2, 3, 4] }]);
    expect(text).toContain('def execute(inputs):');
    // Still a valid (context) skill for Weft, with no warnings.
    expect(parseSkill(text).ok && unwrap(parseSkill(text)).warnings).toEqual([]);
  });

  it('keeps a context skill as it is, allowed-tools as one line', () => {
    const parsed = unwrap(parseSkill('---\nname: tips\ndescription: Tips.\nlicense: MIT\nallowed-tools: [Read, Grep]\nmetadata:\n  author: me\n---\nBody\n'));
    expect(unwrap(exportAgentSkill(parsed.skill))).toBe('---\nname: tips\ndescription: Tips.\nlicense: MIT\nmetadata:\n  author: me\nallowed-tools: Read Grep\n---\nBody\n');
  });

  it('refuses a description with < or >, saying so', () => {
    const parsed = unwrap(parseSkill('---\nname: cmp\ndescription: Checks that a < b for numbers.\n---\n'));
    const result = exportAgentSkill(parsed.skill);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.message).toMatch(/may not contain "<" or ">"/);
    expect((result.error.data.problems as SkillProblem[]).map((p) => [p.code, p.field])).toEqual([['SKILL_FIELD_INVALID', 'description']]);
  });

  it('refuses a description past 1024 characters that Weft itself reads, saying which limit and by how much', () => {
    const parsed = unwrap(parseSkill(`---\nname: long\ndescription: ${'word '.repeat(213)}end\n---\nBody\n`));
    const result = exportAgentSkill(parsed.skill);
    if (result.ok) throw new Error('expected a refusal');
    const problems = result.error.data.problems as SkillProblem[];
    expect(problems.map((p) => [p.code, p.field, p.severity])).toEqual([['SKILL_FIELD_TOO_LONG', 'description', 'error']]);
    expect(problems[0]!.message).toBe('The description is 1,068 characters, 44 over the Agent Skills limit of 1,024: shorten it and export again.');
  });

  it('refuses a tool name with a space, since Agent Skills writes allowed-tools as one line', () => {
    const parsed = unwrap(parseSkill('---\nname: git\ndescription: Git.\nallowed-tools: ["Bash(git status)"]\n---\n'));
    expect(exportAgentSkill(parsed.skill).ok).toBe(false);
  });
});
