/**
 * Turns what a person picked to import — a SKILL.md, the files of a skill folder (from a
 * folder or a .zip), or a skill in the older single-file format — into the files to write
 * under `skills/<name>/` in a volume. Files travel as text or as bytes and are written as they
 * came, byte for byte (fonts and images under assets/ included). Nothing is written here; the
 * caller commits the plan. A folder of several skill folders: importCollection.ts.
 */
import { err, ok, type Result, type SkillName, WeftError } from '../core';
import { parseVolumePath } from '../volumes/volumePath';
import { convertLegacySkill, isLegacySkill } from './legacySkill';
import { parseSkill } from './parseSkill';
import type { SkillProblem } from './types';

export interface ImportFile {
  readonly path: string;
  /** Text, or the file's bytes (any file: binary ones travel only this way). */
  readonly content: string | Uint8Array;
}

export interface ImportPlan {
  readonly name: SkillName;
  /** Paths inside the volume (`skills/<name>/…`). */
  readonly files: readonly ImportFile[];
  /** What the conversion changed (older format), for the person to read. */
  readonly notes: readonly string[];
  readonly warnings: readonly SkillProblem[];
}

/** One skill an import brought into the user volume. */
export interface ImportedSkill {
  readonly name: string;
  readonly notes: readonly string[];
  readonly warnings: readonly SkillProblem[];
  /** True when a skill of that name was in the user volume already (its history keeps it). */
  readonly replaced: boolean;
}

/** A skill folder of a collection that was not imported, and why. */
export interface ImportFailure {
  /** The folder in what was picked (`skills/pdf`). */
  readonly folder: string;
  readonly message: string;
  /** The SKILL.md's problems, when they are the reason. */
  readonly problems: readonly SkillProblem[];
}

/** The result of the `skill.import` syscall: the first skill imported, and every one in `skills`. */
export interface ImportResult extends ImportedSkill {
  readonly volume: string;
  readonly commit: string;
  readonly changed: boolean;
  /** Every skill imported (one, unless a folder of skill folders was picked). */
  readonly skills: readonly ImportedSkill[];
  /** Skill folders of a collection that were not imported. */
  readonly failed: readonly ImportFailure[];
  /** Files of a collection outside any skill folder (a README, a LICENSE), not imported. */
  readonly leftOut: readonly string[];
}

const MAX_FILES = 200;
const MAX_BYTES = 10 * 1024 * 1024;

export const importRefusal = (message: string, data: Record<string, unknown> = {}) => new WeftError('SKILL_IMPORT', message, data);

export function importSkill(input: readonly ImportFile[]): Result<ImportPlan, WeftError> {
  const refuse = (message: string, data: Record<string, unknown> = {}) => err(importRefusal(message, data));
  if (input.length === 0) return refuse('Nothing to import: pick a SKILL.md, a skill folder or a .zip of one.');
  if (input.length > MAX_FILES) return refuse(`A skill folder holds at most ${MAX_FILES} files; this one has ${input.length}.`);
  const bytes = input.reduce((n, f) => n + sizeOf(f.content), 0);
  if (bytes > MAX_BYTES) return refuse(`This skill is ${(bytes / 1048576).toFixed(1)} MB; a skill may be at most 10 MB. Leave large data out of the skill folder.`);

  const files = stripCommonFolder(normalizePaths(input));
  // The older single-file format: one Markdown file with `skill_id` / `type` frontmatter.
  if (files.length === 1 && isLegacySkill(files[0]!.content)) {
    const converted = convertLegacySkill(files[0]!.content, { fileName: files[0]!.path });
    if (!converted.ok) return err(converted.error);
    const { skill } = converted.value;
    return ok({ name: skill.name, files: [{ path: `skills/${skill.name}/SKILL.md`, content: converted.value.text }], notes: converted.value.notes, warnings: converted.value.warnings });
  }
  const main = files.find((f) => f.path === 'SKILL.md') ?? (files.length === 1 ? files[0] : undefined);
  if (!main) return refuse('No SKILL.md at the top of what was picked. A skill folder has SKILL.md at its root (and optionally scripts/, references/, assets/); a folder of such folders imports each of them.', { paths: files.map((f) => f.path).slice(0, 20) });
  const parsed = parseSkill(main.content);
  if (!parsed.ok) return err(importRefusal(`This SKILL.md has problems, so it was not imported: ${parsed.error.message}`, { ...parsed.error.data }));
  const name = parsed.value.skill.name;
  const out: ImportFile[] = [];
  for (const f of files) {
    const rel = f === main ? 'SKILL.md' : f.path;
    const checked = parseVolumePath(`skills/${name}/${rel}`);
    if (!checked.ok) return err(checked.error);
    out.push({ path: checked.value, content: f.content });
  }
  return ok({ name, files: out, notes: [], warnings: parsed.value.warnings });
}

/** Forward slashes, no leading `./` or `/`. */
export function normalizePaths(input: readonly ImportFile[]): ImportFile[] {
  return input.map((f) => ({ path: f.path.replace(/\\/g, '/').replace(/^(\.?\/)+/, ''), content: f.content }));
}

/** `csv-stats/SKILL.md`, `csv-stats/scripts/x.py` → `SKILL.md`, `scripts/x.py`. */
export function stripCommonFolder(files: ImportFile[]): ImportFile[] {
  for (;;) {
    const first = files[0]?.path.split('/')[0];
    if (!first || files.some((f) => !f.path.startsWith(`${first}/`))) return files;
    files = files.map((f) => ({ path: f.path.slice(first.length + 1), content: f.content }));
  }
}

const sizeOf = (content: string | Uint8Array) => (typeof content === 'string' ? content.length : content.byteLength);
