import { type ContextFields, contextSchema, EXECUTABLE_KEYS, type ExecutableFields, executableSchema, SKILL_KEYS } from './frontmatterSchema';
import { legacyMarker } from './legacyMarker';
import type { Frontmatter } from './readFrontmatter';
import { skillProblem } from './skillProblems';
import { specLimitProblems } from './specLimits';
import type { SkillProblem } from './types';
import { zodProblems } from './zodProblems';

/** Frontmatter checked against the schema: the typed fields when valid, and every problem. */
export type CheckedFrontmatter =
  | { readonly kind: 'context'; readonly fields: ContextFields | null; readonly extra: Record<string, unknown>; readonly problems: SkillProblem[] }
  | { readonly kind: 'executable'; readonly fields: ExecutableFields | null; readonly extra: Record<string, unknown>; readonly problems: SkillProblem[] };

/** Checks the frontmatter's fields; unknown keys become warnings and are kept in `extra`. */
export function checkFrontmatter(frontmatter: Frontmatter, folder?: string): CheckedFrontmatter {
  const data = frontmatter.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const problem = skillProblem('SKILL_FIELD_INVALID', null, frontmatter.lineOf([]) + 1, 'The frontmatter must be "key: value" lines (a YAML mapping) such as "name: csv-stats".');
    return { kind: 'context', fields: null, extra: {}, problems: [problem] };
  }
  const record = data as Record<string, unknown>;
  const legacy = legacyMarker(record);
  if (legacy) {
    const message = `This is a skill in Weft's older single-file format (it has ${legacy}); import it to convert it into a SKILL.md.`;
    return { kind: 'context', fields: null, extra: {}, problems: [skillProblem('SKILL_LEGACY_UNSUPPORTED', legacy, frontmatter.lineOf([legacy]), message)] };
  }

  const problems: SkillProblem[] = [];
  const executable = record.runtime !== undefined && record.runtime !== null;
  const known: [string, unknown][] = [];
  const extra: [string, unknown][] = [];
  const stray: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!SKILL_KEYS.includes(key) || (key === 'version' && !executable)) {
      extra.push([key, value]);
      problems.push(skillProblem('SKILL_FIELD_UNKNOWN', key, frontmatter.lineOf([key]), unknownMessage(key, executable), 'warning'));
    } else if (!executable && (EXECUTABLE_KEYS as readonly string[]).includes(key)) {
      stray.push(key);
    } else if (value !== null) {
      known.push([key, coerce(key, value, frontmatter)]);
    }
  }
  if (stray.length > 0) {
    const message = `${stray.join(', ')} ${stray.length > 1 ? 'belong' : 'belongs'} to executable skills, but there is no runtime: add "runtime: python" (or javascript, tensor, three, spice, workflow), or remove ${stray.length > 1 ? 'them' : 'it'}.`;
    problems.push(skillProblem('SKILL_FIELD_MISSING', 'runtime', frontmatter.lineOf([stray[0]!]), message));
  }

  const input = Object.fromEntries(known);
  const parsed = executable ? executableSchema.safeParse(input, { reportInput: true }) : contextSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) problems.push(...zodProblems(parsed.error.issues, frontmatter));
  problems.push(...specLimitProblems(input, 'warning', (path) => frontmatter.lineOf(path)));
  const name = input.name;
  if (folder !== undefined && typeof name === 'string' && name !== folder && !problems.some((p) => p.field === 'name')) {
    problems.push(skillProblem('SKILL_NAME_MISMATCH', 'name', frontmatter.lineOf(['name']), `The name "${name}" differs from the skill's folder "${folder}": they must be the same, so rename one of them.`));
  }
  if (executable) problems.push(...duplicateIoNames(input, frontmatter));
  // zod rebuilds records by assignment, which drops a "__proto__" key: metadata is taken as it was checked.
  const metadata = input.metadata as Record<string, string> | undefined;
  const fields = parsed.success && !problems.some((p) => p.severity === 'error') ? { ...parsed.data, ...(metadata && { metadata: Object.fromEntries(Object.entries(metadata)) }) } : null;
  return executable
    ? { kind: 'executable', fields: fields as ExecutableFields | null, extra: Object.fromEntries(extra), problems }
    : { kind: 'context', fields: fields as ContextFields | null, extra: Object.fromEntries(extra), problems };
}

/** Unquoted numbers and booleans where text is expected keep their spelling: `version: 1.0` is "1.0". */
function coerce(key: string, value: unknown, frontmatter: Frontmatter): unknown {
  if (key === 'version') return frontmatter.plainSource([key]) ?? value;
  if (key === 'metadata' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frontmatter.plainSource([key, k]) ?? v]));
  }
  return value;
}

function duplicateIoNames(input: Record<string, unknown>, frontmatter: Frontmatter): SkillProblem[] {
  const out: SkillProblem[] = [];
  for (const list of ['inputs', 'outputs'] as const) {
    const items = input[list];
    if (!Array.isArray(items)) continue;
    const seen = new Map<string, number>();
    items.forEach((item: unknown, i) => {
      const name = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).name : undefined;
      if (typeof name !== 'string') return;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, i);
      else out.push(skillProblem('SKILL_FIELD_INVALID', `${list}.${i}.name`, frontmatter.lineOf([list, i, 'name']), `${list} has two entries named "${name}" (${list}.${first} and ${list}.${i}): names must be unique.`));
    });
  }
  return out;
}

function unknownMessage(key: string, executable: boolean): string {
  if (key === 'version' && !executable) return 'version is read only for executable skills (with a runtime); for a context skill it is kept as it is. Put it under metadata to follow the Agent Skills format.';
  const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const near = SKILL_KEYS.find((k) => squash(k) === squash(key) || (squash(key).length >= 4 && squash(k).startsWith(squash(key))));
  return `${/^[\w-]+$/.test(key) ? key : JSON.stringify(key)} is not a field Weft knows; it is kept as it is.${near ? ` Did you mean ${near}?` : ''}`;
}
