import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { SkillProblem } from '@/lib/skills';
import { problemDiagnostics } from './problemDiagnostics';

const problem = (line: number | null, severity: 'error' | 'warning' = 'error'): SkillProblem => ({ code: 'SKILL_FIELD_INVALID', field: 'inputs.0.type', line, message: `on ${line}`, severity });

describe('problemDiagnostics', () => {
  const doc = Text.of(['---', 'name: a', '  - type: nope', '---']);

  it('underlines the problem line from its first non-blank character', () => {
    expect(problemDiagnostics(doc, [problem(3)])).toEqual([{ from: 14, to: 26, severity: 'error', message: 'on 3', source: 'inputs.0.type' }]);
  });

  it('clamps lines past the end and leaves out problems without a line', () => {
    const out = problemDiagnostics(doc, [problem(null), problem(9, 'warning')]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ from: 27, to: 30, severity: 'warning' });
  });
});
