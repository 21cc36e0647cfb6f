import { describe, expect, it } from 'vitest';
import { unwrap } from '../core';
import { parseSkill } from './parseSkill';
import { serializeSkill } from './serializeSkill';

const messy = [
  '---',
  'owner: team-a',
  'timeout_ms: 2000',
  'outputs: [{type: number, name: mean}]',
  'runtime: javascript',
  "allowed-tools: ['Read', 'Bash(git status:*)']",
  'version: 1.10',
  'metadata: {tags: "stats, csv"}',
  'inputs:',
  '  - {required: true, type: table, name: rows}',
  'description: >-',
  '  Mean of a column.',
  '  Use for summaries.',
  'name: col-mean',
  'permissions: [network]',
  'license: MIT',
  '---',
  '```js',
  'function execute(inputs) { return { mean: 0 }; }',
  '```',
  '',
].join('\n');

describe('serializeSkill', () => {
  it('writes the frontmatter in the stable key order, unknown keys last, the body unchanged', () => {
    const parsed = unwrap(parseSkill(messy));
    expect(serializeSkill(parsed.skill, parsed.extra)).toBe(
      [
        '---',
        'name: col-mean',
        'description: Mean of a column. Use for summaries.',
        'license: MIT',
        'metadata:',
        '  tags: stats, csv',
        'allowed-tools:',
        '  - Read',
        '  - Bash(git status:*)', // a tool with a space stays a list
        'runtime: javascript',
        'inputs:',
        '  - name: rows',
        '    type: table',
        '    required: true',
        'outputs:',
        '  - name: mean',
        '    type: number',
        'permissions:',
        '  - network',
        'timeout_ms: 2000',
        'version: "1.10"',
        'owner: team-a',
        '---',
        '```js',
        'function execute(inputs) { return { mean: 0 }; }',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('writes allowed-tools as one space-separated line when it can', () => {
    const parsed = unwrap(parseSkill('---\nname: a\ndescription: d\nallowed-tools: [Read, Write]\n---\n'));
    expect(serializeSkill(parsed.skill)).toBe('---\nname: a\ndescription: d\nallowed-tools: Read Write\n---\n');
  });

  it('gives back the same skill when parsed again, with the code block on its new line', () => {
    const parsed = unwrap(parseSkill(messy));
    const again = unwrap(parseSkill(serializeSkill(parsed.skill, parsed.extra)));
    expect(again.extra).toEqual(parsed.extra);
    expect(again.skill).toEqual({ ...parsed.skill, code: { ...(parsed.skill as { code: object }).code, line: 24 } });
  });

  it('never lets extra override a field of the skill', () => {
    const parsed = unwrap(parseSkill('---\nname: a\ndescription: d\n---\n'));
    expect(serializeSkill(parsed.skill, { name: 'b', runtime: 'python', note: 'kept' })).toBe('---\nname: a\ndescription: d\nnote: kept\n---\n');
  });
});
