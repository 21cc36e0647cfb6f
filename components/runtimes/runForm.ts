/**
 * The Run form as data: one field per declared input, its text as typed (or a checkbox's state),
 * and the rules that turn it into the `inputs` of `skill.run` — or into a message per field that
 * says what to fix. Pure, so the rules are unit-tested without a browser.
 */
import type { IoSpec, IoType } from '@/lib/skills/types';

/** How an input is edited: numbers, checkboxes, plain text, or JSON in a small editor. */
export type FieldKind = 'number' | 'boolean' | 'string' | 'json';

/** A field's value as the form holds it: the text typed, or a checkbox's state. */
export type FieldValue = string | boolean;

export type FieldResult =
  | { readonly ok: true; readonly value: unknown; readonly omit?: false }
  /** Left blank where the skill has a default or does not need a value: the kernel fills it in. */
  | { readonly ok: true; readonly omit: true }
  | { readonly ok: false; readonly message: string };

export function fieldKind(type: IoType): FieldKind {
  switch (type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    default:
      return 'json';
  }
}

/** Whether the skill cannot run without this input (the skill parser's rule: required unless it has a default). */
export function isRequired(spec: IoSpec): boolean {
  return spec.required ?? spec.default === undefined;
}

/** The field's starting value: the input's default, written the way the field edits it. */
export function initialValue(spec: IoSpec): FieldValue {
  const kind = fieldKind(spec.type);
  const value = spec.default;
  if (kind === 'boolean') return value === true;
  if (value === undefined || value === null) return kind === 'json' && value === null ? 'null' : '';
  if (kind === 'string') return typeof value === 'string' ? value : JSON.stringify(value);
  if (kind === 'number') return typeof value === 'number' ? String(value) : JSON.stringify(value);
  return JSON.stringify(value, null, 2);
}

/** Every field's starting value. */
export function initialValues(specs: readonly IoSpec[]): Record<string, FieldValue> {
  return Object.fromEntries(specs.map((spec) => [spec.name, initialValue(spec)]));
}

/** Reads one field. */
export function parseField(spec: IoSpec, raw: FieldValue | undefined): FieldResult {
  const kind = fieldKind(spec.type);
  const value = raw ?? initialValue(spec);
  if (kind === 'boolean') return { ok: true, value: value === true || value === 'true' };
  const text = typeof value === 'string' ? value : String(value);
  const blank = text.trim() === '';
  if (kind === 'string') {
    if (text === '' && isRequired(spec) && spec.default === undefined) return { ok: false, message: `${spec.name} is required.` };
    if (text === '' && spec.default === undefined) return { ok: true, omit: true };
    return { ok: true, value: text };
  }
  if (blank) {
    if (spec.default !== undefined || !isRequired(spec)) return { ok: true, omit: true };
    return { ok: false, message: `${spec.name} is required.` };
  }
  if (kind === 'number') {
    const number = parseNumber(text);
    return number === null ? { ok: false, message: `Enter a number, like 42, -0.5 or 1e6.` } : { ok: true, value: number };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const shape = checkShape(spec.type, parsed.value);
  return shape ? { ok: false, message: shape } : { ok: true, value: parsed.value };
}

export interface FormReading {
  /** The inputs to send: every field that parsed and was not left to its default. */
  readonly inputs: Record<string, unknown>;
  /** What to fix, per field name. */
  readonly errors: Readonly<Record<string, string>>;
}

/** Reads the whole form. */
export function readForm(specs: readonly IoSpec[], values: Readonly<Record<string, FieldValue>>): FormReading {
  const inputs: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    const result = parseField(spec, values[spec.name]);
    if (!result.ok) errors[spec.name] = result.message;
    else if (!result.omit) inputs[spec.name] = result.value;
  }
  return { inputs, errors };
}

/** A plain decimal or scientific number (`42`, `-0.5`, `1e6`, `1_000`); not hex, not Infinity. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/(?<=\d)_(?=\d)/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return null;
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
}

/** JSON.parse with a message that says where the mistake is (line and column). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const where = position ? ` at ${lineColumn(text, Number(position[1]))}` : '';
    const what = detail
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, ".*" is not valid JSON$/s, '');
    return { ok: false, message: `Not valid JSON${where}: ${what}.` };
  }
}

/** `line 3, column 7` for a 0-based character offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** A value of the wrong shape for its type, in words; null when it fits. */
function checkShape(type: IoType, value: unknown): string | null {
  switch (type) {
    case 'table':
      return typeof value === 'object' && value !== null ? null : 'A table is a list of rows, or an object with columns and rows.';
    case 'tensor':
      return typeof value === 'number' || Array.isArray(value) || (typeof value === 'object' && value !== null) ? null : 'A tensor is a number, a (nested) list of numbers, or an object with shape and data.';
    case 'plot':
    case 'scene3d':
    case 'circuit':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : `A ${type} value is a JSON object.`;
    default:
      return null;
  }
}

/** The run seed field: blank means "pick one at random"; otherwise a whole number 0 … 2³²−1. */
export function parseSeed(text: string): { ok: true; seed: number | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, seed: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'The seed is a whole number from 0 to 4294967295, or blank for a random one.' };
  const seed = Number(trimmed);
  return seed <= 2 ** 32 - 1 ? { ok: true, seed } : { ok: false, message: 'The seed is at most 4294967295 (2³² − 1).' };
}

/** A random seed in the kernel's range, from the browser's crypto generator. */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
