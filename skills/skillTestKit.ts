/**
 * Test helpers for the built-in skills (used only by the *.test.ts files beside it): reads each
 * skills/<name>/SKILL.md through the real parser, collects input defaults, and runs code the way
 * the runtimes will (JavaScript and three via `new Function`, tensor with `tf` passed in, Python
 * in a Pyodide namespace, spice by filling the netlist template).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PyodideAPI } from 'pyodide';
import { type ExecutableSkill, parseSkill, type ParsedSkill, type SkillProblem } from '../lib/skills';

export const SKILLS_DIR = dirname(fileURLToPath(import.meta.url));

export type Values = Record<string, unknown>;

/** Names of the folders under skills/ that hold a SKILL.md. */
export function builtinSkillNames(): string[] {
  return readdirSync(SKILLS_DIR)
    .filter((name) => statSync(join(SKILLS_DIR, name)).isDirectory())
    .filter((name) => {
      try {
        return statSync(join(SKILLS_DIR, name, 'SKILL.md')).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

export function readSkillText(name: string): string {
  return readFileSync(join(SKILLS_DIR, name, 'SKILL.md'), 'utf8');
}

/** Parses skills/<name>/SKILL.md; throws with every problem listed when it does not parse. */
export function parseBuiltin(name: string): ParsedSkill {
  const result = parseSkill(readSkillText(name), { folder: name });
  if (!result.ok) {
    const problems = (result.error.data.problems ?? []) as SkillProblem[];
    throw new Error(`${name}/SKILL.md does not parse: ${result.error.message}\n${problems.map((p) => `  line ${p.line}: ${p.code} ${p.message}`).join('\n')}`);
  }
  return result.value;
}

export function executableBuiltin(name: string): ExecutableSkill {
  const { skill } = parseBuiltin(name);
  if (skill.kind !== 'executable') throw new Error(`${name} is not an executable skill.`);
  return skill;
}

/** The inputs a skill runs with when nothing is bound: every declared default, overridden by `overrides`. */
export function defaultsOf(skill: ExecutableSkill, overrides: Values = {}): Values {
  const values: Values = {};
  for (const input of skill.inputs) values[input.name] = structuredClone(input.default);
  return { ...values, ...overrides };
}

type Execute = (inputs: Values) => unknown;

/** Runs a javascript, three or tensor skill's `execute` (awaiting it when it is async); `globals` become free variables of the code, like `tf`. */
export async function runJavaScript(skill: ExecutableSkill, inputs: Values, globals: Values = {}): Promise<Values> {
  const names = Object.keys(globals);
  const factory = new Function(...names, `"use strict";\n${skill.code.source}\nreturn execute;`) as (...args: unknown[]) => Execute;
  const execute = factory(...names.map((n) => globals[n]));
  return (await execute(structuredClone(inputs))) as Values;
}

/** Runs a python skill's `execute` in its own namespace of a shared Pyodide, returning plain JS values. */
export function runPython(pyodide: PyodideAPI, skill: ExecutableSkill, inputs: Values): Values {
  const namespace = pyodide.toPy({});
  const pyInputs = pyodide.toPy(inputs);
  try {
    pyodide.runPython(skill.code.source, { globals: namespace });
    const execute = namespace.get('execute');
    const result = execute(pyInputs);
    const value = result.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false }) as Values;
    result.destroy();
    execute.destroy();
    return value;
  } finally {
    pyInputs.destroy();
    namespace.destroy();
  }
}

/** Fills `{{name}}` placeholders of a spice template; an unknown placeholder is an error. */
export function fillTemplate(template: string, values: Values): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`The template uses {{${name}}}, which is not an input.`);
    return String(values[name]);
  });
}

export function isTable(value: unknown): value is { columns: string[]; rows: unknown[][] } {
  const t = value as { columns?: unknown; rows?: unknown };
  return !!t && Array.isArray(t.columns) && Array.isArray(t.rows) && t.rows.every((r) => Array.isArray(r) && r.length === (t.columns as unknown[]).length);
}

/** A Vega-Lite v5 spec with inline data and a mark (or layers of marks) and encodings. */
export function isVegaLite(value: unknown): boolean {
  const spec = value as { $schema?: unknown; data?: { values?: unknown }; mark?: unknown; encoding?: unknown; layer?: { mark?: unknown; encoding?: unknown }[] };
  if (!spec || typeof spec.$schema !== 'string' || !/vega-lite\/v5/.test(spec.$schema)) return false;
  if (!Array.isArray(spec.data?.values)) return false;
  if (spec.mark !== undefined) return typeof spec.encoding === 'object';
  return Array.isArray(spec.layer) && spec.layer.length > 0 && spec.layer.every((l) => l.mark !== undefined && typeof l.encoding === 'object');
}
