/**
 * Small edits of a SKILL.md's text that keep everything else as written (comments, order,
 * spacing): the `name:` line of the front matter, read or replaced.
 */
const FRONT = /^(---\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/;
const NAME_LINE = /^name:[ \t]*(.*?)[ \t]*$/m;

/** The front matter's `name`, unquoted, or null when there is none. */
export function frontmatterName(content: string): string | null {
  const yaml = FRONT.exec(content)?.[2];
  const value = yaml === undefined ? undefined : NAME_LINE.exec(yaml)?.[1];
  return value ? value.replace(/^(['"])(.*)\1$/, '$2') : null;
}

/**
 * The same SKILL.md with `name` set (the line rewritten, or added first in the front matter).
 * @example withName('---\nname: a\ndescription: x\n---\n', 'b') === '---\nname: b\ndescription: x\n---\n'
 */
export function withName(content: string, name: string): string {
  const front = FRONT.exec(content);
  if (!front) return content;
  const [, open, yaml = '', close] = front;
  const next = NAME_LINE.test(yaml) ? yaml.replace(NAME_LINE, () => `name: ${name}`) : `name: ${name}\n${yaml}`;
  return `${open}${next}${close}${content.slice(front[0].length)}`;
}

/** A free name for a copy of `name`: `name-copy`, then `name-copy-2`, … */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const base = `${name.slice(0, 59)}-copy`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
