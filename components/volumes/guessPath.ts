/**
 * The file a commit most likely changed, read from Weft's own commit messages (`Add skill x`,
 * `Update workflow y`, `Restore <path> from <sha>`, `Resolve <path>: …`, `Promote x from …`),
 * so a volume's history can open on the right file. Null when the message does not say.
 * @example guessPath('Update skill csv-stats') === 'skills/csv-stats/SKILL.md'
 */
export function guessPath(message: string): string | null {
  const subject = message.split('\n')[0] ?? '';
  const path = /^(?:Restore|Resolve) (\S+?)(?::| from |$)/.exec(subject);
  if (path) return path[1]!;
  const skill = /^(?:(?:Add|Update|Delete) skill|Promote) ([a-z0-9-]+)/.exec(subject);
  if (skill) return `skills/${skill[1]}/SKILL.md`;
  const workflow = /^(?:Add|Update|Delete) workflow ([a-z0-9-]+)/.exec(subject);
  if (workflow) return `workflows/${workflow[1]}.workflow.json`;
  return null;
}
