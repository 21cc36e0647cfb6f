/**
 * The starting text of a new SKILL.md: front matter with the name and a description, then the
 * instructions. While the text is still the untouched template, renaming rewrites it.
 */
export function skillTemplate(name: string): string {
  return `---
name: ${name || 'my-skill'}
description: What this skill does, and when to use it.
---

Instructions: what to do, step by step, and what to return.
`;
}

/** The description from a SKILL.md's front matter, if it has one. */
export function skillDescription(content: string): string | null {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(content);
  const line = front?.[1]?.split(/\r?\n/).find((l) => l.startsWith('description:'));
  const text = line?.slice('description:'.length).trim().replace(/^(['"])(.*)\1$/, '$2');
  return text ? text : null;
}
