/**
 * Weft's older single-file executable format (`skill_id`, `type`, `execution_mode`, `inputs`,
 * `outputs`, sometimes `name`, `description`, `category`) and its conversion to a SKILL.md.
 */
import { err, ok, type Result, type WeftError } from '../core';
import { decodeSkillText } from './decodeSkillText';
import { findCodeBlocks } from './findCodeBlocks';
import { convertLegacyIo } from './legacyIo';
import { LEGACY_TYPES, legacyMarker } from './legacyMarker';
import { type ParsedSkill, parseSkill } from './parseSkill';
import { type FieldPath, type Frontmatter, readFrontmatter } from './readFrontmatter';
import { skillParseError, skillProblem } from './skillProblems';
import { slugifySkillName } from './slugifySkillName';
import { splitFrontmatter } from './splitFrontmatter';
import type { Runtime, SkillProblem } from './types';
import { writeFrontmatter } from './writeFrontmatter';

/** A converted skill: the parsed result of `text`, the new SKILL.md, and what changed on the way. */
export type ConvertedSkill = ParsedSkill & { readonly notes: string[]; readonly text: string };

const RUNTIME_OF: Readonly<Record<(typeof LEGACY_TYPES)[number], Runtime>> = { 'python-wasm': 'python', javascript: 'javascript', threejs: 'three', spice: 'spice', qiskit: 'python' };
const LANGUAGE_RUNTIME: Readonly<Record<string, Runtime>> = { python: 'python', py: 'python', javascript: 'javascript', js: 'javascript', spice: 'spice' };
/** Keys the conversion reads; any other key is kept as it is. */
const CONSUMED = ['skill_id', 'type', 'execution_mode', 'name', 'description', 'category', 'keywords', 'tags', 'author', 'inputs', 'outputs', 'version'];

/** True when the text is a skill in the older single-file format (`skill_id` / legacy `type`, no `runtime`). */
export function isLegacySkill(text: string | Uint8Array): boolean {
  const decoded = decodeSkillText(text);
  const parts = decoded.ok ? splitFrontmatter(decoded.value) : null;
  if (!parts?.ok) return false;
  const { data } = readFrontmatter(parts.value.yaml, parts.value.yamlLine);
  return typeof data === 'object' && data !== null && !Array.isArray(data) && legacyMarker(data as Record<string, unknown>) !== null;
}

/**
 * Converts an older single-file skill into a SKILL.md (`type` → `runtime`, `skill_id` → `name`,
 * the display `name` → `metadata.display-name`, a description written if there was none),
 * explaining every change in `notes`. On failure the
 * `SKILL_IMPORT` error lists every problem, with lines in the original file.
 * @example convertLegacySkill(text).value.text // the new SKILL.md
 */
export function convertLegacySkill(text: string | Uint8Array, options: { fileName?: string } = {}): Result<ConvertedSkill, WeftError> {
  const fail = (problems: SkillProblem[]) => err(skillParseError(problems, 'SKILL_IMPORT'));
  const decoded = decodeSkillText(text);
  if (!decoded.ok) return fail([decoded.error]);
  const parts = splitFrontmatter(decoded.value);
  if (!parts.ok) return fail([parts.error]);
  const { yaml, yamlLine, body, bodyLine } = parts.value;
  const old = readFrontmatter(yaml, yamlLine);
  if (!old.readable) return fail([...old.problems]);
  const data = old.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || legacyMarker(data as Record<string, unknown>) === null) {
    return fail([skillProblem('SKILL_LEGACY_UNSUPPORTED', null, 1, 'This is not a skill in the older single-file format (it has no skill_id or type): import it as a SKILL.md instead.')]);
  }
  const legacy = data as Record<string, unknown>;
  const notes: string[] = [];
  const blocks = findCodeBlocks(body, bodyLine);

  const runtime = runtimeOf(legacy, blocks[0]?.language, notes);
  if (!runtime) {
    const found = legacy.type === undefined ? 'no type' : `type ${JSON.stringify(legacy.type)}`;
    return fail([skillProblem('SKILL_LEGACY_UNSUPPORTED', 'type', old.lineOf(['type']), `This older skill has ${found}; Weft converts the types ${LEGACY_TYPES.join(', ')}.`)]);
  }
  if (legacy.type === 'qiskit') notes.push(`type qiskit became runtime python: Qiskit itself is not available in Weft's in-browser Python (Pyodide), so the code must be pure Python${blocks.some((b) => /\bqiskit\b/.test(b.source)) ? ' — this code imports qiskit and must be rewritten without it' : ''}.`);
  if (legacy.execution_mode === 'server-python') notes.push('execution_mode server-python was dropped: Weft runs every skill in the browser, so server-only packages and files are not available to it.');
  else if (legacy.execution_mode !== undefined) notes.push(`execution_mode ${JSON.stringify(legacy.execution_mode)} was dropped: Weft runs every skill in the browser.`);

  const title = typeof legacy.name === 'string' ? legacy.name.trim() : '';
  const name = nameOf(legacy, title, options.fileName, notes);
  const metadata: Record<string, string> = {};
  if (typeof legacy.category === 'string') metadata.category = legacy.category;
  const tags = legacy.tags ?? legacy.keywords;
  if (Array.isArray(tags)) metadata.tags = tags.map(String).join(', ');
  else if (typeof tags === 'string') metadata.tags = tags;
  if (typeof legacy.author === 'string') metadata.author = legacy.author;
  if (title && title !== name) {
    metadata['display-name'] = title;
    notes.push(`The display name "${title}" is kept as metadata display-name: a SKILL.md is known by its name "${name}", which is also its folder's name.`);
  }

  const fields: [string, unknown][] = Object.entries({
    name,
    description: descriptionOf(legacy.description, title, body, name, runtime, notes),
    metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
    runtime,
    inputs: convertLegacyIo(legacy.inputs, 'inputs', notes),
    outputs: convertLegacyIo(legacy.outputs, 'outputs', notes),
    version: typeof legacy.version === 'number' ? (old.plainSource(['version']) ?? String(legacy.version)) : legacy.version,
  });
  for (const [key, value] of Object.entries(legacy)) if (!CONSUMED.includes(key)) fields.push([key, value]);

  const converted = writeFrontmatter(Object.fromEntries(fields), body);
  const parsed = parseSkill(converted);
  if (!parsed.ok) {
    const newBodyLine = converted.split('\n').length - body.split('\n').length + 1;
    const problems = (parsed.error.data.problems as SkillProblem[]).map((p) => ({ ...p, line: originalLine(p, newBodyLine, bodyLine, old) }));
    return fail(problems);
  }
  return ok({ ...parsed.value, notes, text: converted });
}

function runtimeOf(legacy: Record<string, unknown>, language: string | undefined, notes: string[]): Runtime | null {
  if (typeof legacy.type === 'string' && legacy.type in RUNTIME_OF) return RUNTIME_OF[legacy.type as keyof typeof RUNTIME_OF];
  if (legacy.type !== undefined) return null;
  const guess = language ? LANGUAGE_RUNTIME[language.toLowerCase()] : undefined;
  if (guess) notes.push(`There was no type; the runtime ${guess} was taken from the code block's language.`);
  return guess ?? null;
}

function nameOf(legacy: Record<string, unknown>, title: string, fileName: string | undefined, notes: string[]): string {
  const file = fileName?.split('/').pop()?.replace(/\.[^.]*$/, '');
  const [source, from] = typeof legacy.skill_id === 'string' && legacy.skill_id ? [legacy.skill_id, 'skill_id'] : title ? [title, 'name'] : [file ?? '', 'file name'];
  const name = slugifySkillName(source);
  if (from !== 'skill_id') notes.push(`The skill's name "${name}" was made from its ${from} "${source}".`);
  else if (name !== source) notes.push(`skill_id "${source}" became the name "${name}": names are lowercase letters, digits and single hyphens.`);
  return name;
}

function descriptionOf(given: unknown, title: string, body: string, name: string, runtime: Runtime, notes: string[]): unknown {
  if (given !== undefined && given !== null && (typeof given !== 'string' || given.trim())) return given; // a wrong type is reported by the parser
  const prose = proseLines(body);
  const heading = prose.map((l) => /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/.exec(l)?.[1]).find(Boolean)?.replace(/^Skill:\s*/i, '');
  const paragraph = firstParagraph(prose);
  const lead = title || heading || name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const text = paragraph ? `${lead}: ${paragraph}` : `${lead} (a ${runtime} skill converted from the older single-file format).`;
  const from = [title ? 'its name' : heading ? 'its title' : "the skill's name", paragraph && 'its first paragraph'].filter(Boolean).join(' and ');
  notes.push(`There was no description; one was written from ${from}. Edit it to say what the skill does and when to use it.`);
  return text.length > 1024 ? `${text.slice(0, 1021)}...` : text;
}

/** The body's lines with fenced code blocks blanked out. */
function proseLines(body: string): string[] {
  let fence: string | null = null;
  return body.split('\n').map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null) {
      if (!marker) return line;
      fence = marker;
    } else if (marker && marker[0] === fence[0] && marker.length >= fence.length && /^ {0,3}[`~]+[ \t]*$/.test(line)) {
      fence = null;
    }
    return '';
  });
}

/** The first paragraph of prose (headings, rules and tables left out), on one line. */
function firstParagraph(prose: string[]): string {
  for (const chunk of prose.join('\n').split(/\n[ \t]*\n/)) {
    const text = chunk
      .split('\n')
      .filter((l) => !/^\s*(#|<!--|---|\|)/.test(l))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (text) return text;
  }
  return '';
}

/** Where a problem in the converted text was in the original file. */
function originalLine(p: SkillProblem, newBodyLine: number, oldBodyLine: number, old: Frontmatter): number | null {
  if (p.line === null) return null;
  if (p.line >= newBodyLine) return p.line - newBodyLine + oldBodyLine;
  const path: FieldPath = (p.field ?? '').split('.').filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  const renamed: Record<string, string> = { name: 'skill_id', runtime: 'type' };
  const first = path[0];
  return old.lineOf(typeof first === 'string' && first in renamed ? [renamed[first]!, ...path.slice(1)] : path);
}
