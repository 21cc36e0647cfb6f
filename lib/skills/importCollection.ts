/**
 * An import of what a person picked: one skill (importSkill.ts), or a folder holding several
 * skill folders — a published collection, or a .zip of one. Each folder with a SKILL.md is a
 * skill of its own (files go to the nearest one above them); a skill that cannot be imported is
 * named with why, and the others still come in. Files outside every skill folder (a README,
 * a LICENSE) are left out and listed.
 */
import { err, ok, type Result, type WeftError } from '../core';
import { type ImportFailure, type ImportFile, type ImportPlan, importRefusal, importSkill, normalizePaths, stripCommonFolder } from './importSkill';
import type { SkillProblem } from './types';

export interface CollectionPlan {
  /** The skills to write, in folder order; never empty. */
  readonly skills: readonly ImportPlan[];
  readonly failed: readonly ImportFailure[];
  readonly leftOut: readonly string[];
}

export function planImport(input: readonly ImportFile[]): Result<CollectionPlan, WeftError> {
  const files = stripCommonFolder(normalizePaths(input));
  const roots = skillRoots(files);
  // One skill: SKILL.md at the top, a single file, or nothing that looks like a skill (importSkill says why).
  if (files.length <= 1 || roots.includes('') || roots.length === 0) {
    const plan = importSkill(files);
    return plan.ok ? ok({ skills: [plan.value], failed: [], leftOut: [] }) : err(plan.error);
  }
  const byRoot = new Map<string, ImportFile[]>(roots.map((r) => [r, []]));
  const leftOut: string[] = [];
  for (const f of files) {
    const root = roots.find((r) => f.path.startsWith(`${r}/`)); // roots run deepest first
    if (root === undefined) leftOut.push(f.path);
    else byRoot.get(root)!.push({ path: f.path.slice(root.length + 1), content: f.content });
  }
  const skills: ImportPlan[] = [];
  const failed: ImportFailure[] = [];
  const seen = new Map<string, string>();
  for (const root of [...roots].sort()) {
    const plan = importSkill(byRoot.get(root)!);
    if (!plan.ok) {
      failed.push({ folder: root, message: plan.error.message, problems: (plan.error.data.problems as SkillProblem[] | undefined) ?? [] });
      continue;
    }
    const first = seen.get(plan.value.name);
    if (first !== undefined) {
      failed.push({ folder: root, message: `Its SKILL.md is named ${plan.value.name}, like the one in ${first}/, which was imported: rename one of them and import it again.`, problems: [] });
      continue;
    }
    seen.set(plan.value.name, root);
    skills.push(plan.value);
  }
  if (skills.length === 0) {
    const reasons = failed.map((f) => `${f.folder}/: ${f.message}`).join(' ');
    return err(importRefusal(`None of the ${failed.length} skill folders in what was picked could be imported. ${reasons}`, { failed }));
  }
  return ok({ skills, failed, leftOut });
}

/** Folders holding a SKILL.md (`''` for the top), deepest first. */
function skillRoots(files: readonly ImportFile[]): string[] {
  const roots = files.filter((f) => f.path === 'SKILL.md' || f.path.endsWith('/SKILL.md')).map((f) => f.path.slice(0, -'SKILL.md'.length).replace(/\/$/, ''));
  return roots.sort((a, b) => b.split('/').length - a.split('/').length || a.localeCompare(b));
}

/** The commit message of an import: `Import skill a`, `Re-import skill a`, `Import 3 skills: a, b, c`. */
export function importMessage(names: readonly string[], replaced: (name: string) => boolean): string {
  if (names.length === 1) return `${replaced(names[0]!) ? 'Re-import' : 'Import'} skill ${names[0]}`;
  const shown = names.slice(0, 8).join(', ');
  return `Import ${names.length} skills: ${shown}${names.length > 8 ? `, and ${names.length - 8} more` : ''}`;
}
