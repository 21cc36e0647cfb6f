import { stringify } from 'yaml';

/**
 * A SKILL.md from frontmatter fields (written in their insertion order, undefined ones left out)
 * and a body: `---`, the YAML, `---`, then the body unchanged.
 */
export function writeFrontmatter(fields: Readonly<Record<string, unknown>>, body: string): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  // No line folding and no anchors, so the text is stable and easy to read and diff.
  const yaml = Object.keys(defined).length === 0 ? '' : stringify(defined, { lineWidth: 0, aliasDuplicateObjects: false });
  return `---\n${yaml}---\n${body}`;
}
