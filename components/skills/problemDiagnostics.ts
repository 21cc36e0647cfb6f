/**
 * Skill problems as editor diagnostics: each on its line (from its first non-blank character
 * to the end), clamped to the text as it is now, since problems may come from a check of a
 * slightly older text. Problems of the file as a whole (no line) stay out of the gutter.
 */
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { SkillProblem } from '@/lib/skills';

export function problemDiagnostics(doc: Text, problems: readonly SkillProblem[]): Diagnostic[] {
  return problems
    .filter((p): p is SkillProblem & { line: number } => p.line !== null)
    .map((p) => {
      const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
      const indent = /^\s*/.exec(line.text)?.[0].length ?? 0;
      return { from: Math.min(line.from + indent, line.to), to: line.to, severity: p.severity, message: p.message, source: p.field ?? undefined };
    })
    .sort((a, b) => a.from - b.from);
}
